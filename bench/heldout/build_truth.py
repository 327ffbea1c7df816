"""Write NNN.truth.json for each rendered proxy held-out resume, in the dev set's format.

usage: python bench/heldout/build_truth.py OUT_DIR
Reads manifest.tsv and json/*.json, and OUT_DIR/html/NNN.html for what the theme actually showed:
an item a theme does not render (many older themes drop certificates or projects) cannot be
expected of the parser, so only items whose text appears in the rendered page are kept.
skills: each skill's keywords, or its name when it has none (a category label such as
"Languages" over keywords is a heading, not a skill). mentioned: known skills (listed by any
resume of this set or of the dev set) that the page names anywhere.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parents[2] / "shared" / "eval" / "dev"


class _Text(HTMLParser):
    """Collect the visible text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def norm(s: str) -> str:
    """Normalise like score.py: lower case, '&' as 'and', punctuation to spaces."""
    s = s.lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9+#]+", " ", s)
    return " ".join(s.split())


def shown(name: str, text: str) -> bool:
    """Return whether a name appears in the page text as whole words."""
    n = norm(name)
    return bool(n) and re.search(rf"(^| ){re.escape(n)}( |$)", text) is not None


def skills_of(resume: dict) -> list[str]:
    """Return the skills a JSON Resume lists: keywords, or the name of a keyword-less skill."""
    out: list[str] = []
    for s in resume.get("skills", []):
        out.extend(s.get("keywords") or [s["name"]])
    return out


def main() -> None:
    """Build the truth files for every manifest row."""
    out = Path(sys.argv[1])
    rows = [
        line.split("\t")
        for line in (HERE / "manifest.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    known: set[str] = set()
    for src in {r[1] for r in rows}:
        known.update(skills_of(json.loads((HERE / "json" / src).read_text())))
    for tf in DEV.glob("*.truth.json"):
        known.update(json.loads(tf.read_text()).get("skills", []))
    for id_, src, theme, fmt in rows:
        resume = json.loads((HERE / "json" / src).read_text())
        parser = _Text()
        parser.feed((out / "html" / f"{id_}.html").read_text(encoding="utf-8"))
        text = norm(" ".join(parser.parts))
        jobs = [
            {
                "position": w["position"],
                "company": w["name"],
                "start": w.get("startDate", ""),
                "end": w.get("endDate", ""),
            }
            for w in resume.get("work", [])
            if shown(w["position"], text)
        ]
        truth = {
            "file": f"{id_}.{'pdf' if fmt == 'pdf' else 'docx'}",
            "theme": theme,
            "format": fmt,
            "skills": [s for s in skills_of(resume) if shown(s, text)],
            "jobs": jobs,
            "internships": [
                j["position"] for j in jobs if re.search(r"\bintern", j["position"], re.I)
            ],
            "certifications": [
                c["name"] for c in resume.get("certificates", []) if shown(c["name"], text)
            ],
            "projects": [p["name"] for p in resume.get("projects", []) if shown(p["name"], text)],
            "education": [
                e["institution"]
                for e in resume.get("education", [])
                if shown(e["institution"], text)
            ],
            "mentioned": sorted(k for k in known if shown(k, text)),
        }
        (out / f"{id_}.truth.json").write_text(
            json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
        )


if __name__ == "__main__":
    main()
