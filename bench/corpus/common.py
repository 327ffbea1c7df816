"""Shared helpers for the corpus renderers: headings, date styles, section order."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
MONTHS = "January February March April May June July August September October November December"
MONTHS = MONTHS.split()

DEFAULT_HEADINGS = {
    "summary": "Summary",
    "experience": "Experience",
    "skills": "Skills",
    "certifications": "Certifications",
    "projects": "Projects",
    "education": "Education",
    "languages": "Languages",
}


def load(pid: str) -> dict:
    """Return one person of people/."""
    return json.loads((HERE / "people" / f"{pid}.json").read_text(encoding="utf-8"))


def heading(p: dict, key: str) -> str:
    """Return the person's heading for a section (their unusual one when they have it)."""
    return p["headings"].get(key) or DEFAULT_HEADINGS[key]


def fmt_date(d: str, style: str, present: str = "Present") -> str:
    """Return a YYYY-MM / YYYY / '' date in a layout's style ('' is ongoing)."""
    if not d:
        return present
    if len(d) == 4:
        return d
    y, m = int(d[:4]), int(d[5:7])
    return {
        "mon": f"{MONTHS[m - 1][:3]} {y}",
        "mon.": f"{MONTHS[m - 1][:3]}. {y}" if m != 5 else f"May {y}",
        "month": f"{MONTHS[m - 1]} {y}",
        "num/": f"{m:02d}/{y}",
        "num.": f"{m:02d}.{y}",
        "iso": f"{y}-{m:02d}",
    }[style]


def span(job: dict, style: str, dash: str = " – ", present: str = "Present") -> str:
    """Return a job's date range in a layout's style."""
    start = fmt_date(job["start"], style, present) if job["start"] else ""
    end = fmt_date(job["end"], style, present)
    return f"{start}{dash}{end}" if start else end


def skills_flat(p: dict) -> list[str]:
    """Return every skill of the person, groups flattened."""
    return [s for g in p["skill_groups"] for s in g["items"]]


def edu_years(e: dict) -> str:
    """Return an education entry's years."""
    return f"{e['start']} – {e['end']}" if e.get("start") else e.get("end", "")
