"""Build the corpus's people (bench/corpus/people/*.json) from the dev truth and invented.py.

usage: python bench/corpus/people.py
A dev person keeps what the dev truth lists (skills, jobs with dates, internships,
certifications, projects, institutions); degrees, descriptions and contact details are
invented with a fixed seed, so a rerun writes the same files. Invented people come from
invented.py as they are.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DEV = HERE.parents[2] / "shared" / "eval" / "dev"

from invented import PEOPLE  # noqa: E402

FIRST = ["Alex", "Sam", "Jordan", "Robin", "Kai", "Noa", "Mika", "Ari", "Lee", "Dana", "Eli"]
LAST = ["Moreau", "Tanaka", "Okafor", "Lindqvist", "Ferreira", "Novak", "Haddad", "Brennan"]
CITIES = ["Lisbon, Portugal", "Toronto, ON", "Austin, TX", "Berlin, Germany", "Pune, India"]
DEGREES = [
    "B.Sc. in Computer Science",
    "M.Sc. in Software Engineering",
    "Bachelor of Engineering, Information Technology",
    "Master of Science, Data Science",
    "High School Diploma",
    "B.A. in Economics",
]
BULLETS = [
    "Led the migration of legacy services to {a}, cutting release time by {n}%.",
    "Built and maintained internal tooling with {a} and {b}.",
    "Worked with product and design to ship {n} customer-facing features.",
    "Mentored {n} engineers and ran the weekly code review.",
    "Reduced incident volume by {n}% through better monitoring and runbooks.",
    "Designed the data model and APIs for a new billing flow using {a}.",
    "Introduced {a} across the team and wrote the onboarding guide.",
    "Cut infrastructure cost by {n}% by consolidating environments.",
]
PROJECT_DESCS = [
    "A small tool built with {a} to automate a weekly chore.",
    "Side project; open source, about {n}0 users.",
    "Prototype written over a weekend with {a} and {b}.",
]


def ym(date: str) -> str:
    """Return YYYY-MM, YYYY, or '' (ongoing) from a truth date."""
    if not date or re.match(r"(?i)current|present", date):
        return ""
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?", date)
    if not m:
        return ""
    return m.group(1) if m.group(2) is None else f"{m.group(1)}-{int(m.group(2)):02d}"


def pick(rng: random.Random, skills: list[str]) -> dict:
    """Return template fields: two of the person's short skills and a number."""
    short = [s for s in skills if len(s) <= 24] or ["the core stack"]
    a, b = rng.choice(short), rng.choice(short)
    return {"a": a, "b": b, "n": rng.randint(2, 40)}


def from_dev(tf: Path, index: int) -> dict:
    """Return a corpus person built from one dev truth file."""
    truth = json.loads(tf.read_text())
    rng = random.Random(tf.name)
    skills = truth["skills"]
    jobs = []
    for j in truth["jobs"]:
        n = 0 if re.search(r"(?i)intern", j["position"]) else rng.randint(1, 3)
        bullets = [rng.choice(BULLETS).format(**pick(rng, skills)) for _ in range(n)]
        jobs.append(
            {
                "position": j["position"],
                "company": j["company"],
                "location": rng.choice(CITIES),
                "start": ym(j["start"]),
                "end": ym(j["end"]),
                "bullets": bullets,
            }
        )
    starts = [int(j["start"][:4]) for j in jobs if j["start"]]
    first = min(starts) if starts else 2015
    education = []
    for i, inst in enumerate(truth["education"]):
        end = first - 4 * i
        education.append(
            {
                "institution": inst,
                "degree": DEGREES[(index + i) % len(DEGREES)],
                "start": str(end - 4),
                "end": str(end),
            }
        )
    projects = []
    for i, name in enumerate(truth["projects"]):
        desc = rng.choice(PROJECT_DESCS).format(**pick(rng, skills)) if i % 3 != 2 else ""
        projects.append({"name": name, "desc": desc})
    sid = tf.name.split(".")[0]
    return {
        "id": f"d{sid}",
        "source": f"dev/{tf.name}",
        "name": f"{FIRST[index % len(FIRST)]} {LAST[index % len(LAST)]}",
        "email": f"person{sid}@example.org",
        "phone": f"+1 555 01{sid}",
        "location": CITIES[index % len(CITIES)],
        "title": jobs[0]["position"] if jobs else "Professional",
        "summary": "Engineer with a record of shipping reliable software and growing teams.",
        "role": truth.get("role"),
        "headings": {},
        "skill_groups": [{"label": None, "items": skills}],
        "jobs": jobs,
        "certifications": [{"name": c, "issuer": "", "date": ""} for c in truth["certifications"]],
        "projects": projects,
        "education": education,
        "languages": [],
        "internships": truth["internships"],
    }


def main() -> None:
    """Write people/*.json."""
    out = HERE / "people"
    out.mkdir(exist_ok=True)
    people = [from_dev(tf, i) for i, tf in enumerate(sorted(DEV.glob("*.truth.json")))]
    for p in PEOPLE:
        p = dict(p)
        p["internships"] = [
            j["position"] for j in p["jobs"] if re.search(r"(?i)\bintern", j["position"])
        ]
        people.append(p)
    for p in people:
        (out / f"{p['id']}.json").write_text(json.dumps(p, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(people)} people -> {out}")


if __name__ == "__main__":
    main()
