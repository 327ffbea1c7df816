"""Temporary home of the profile's skill clean-up until resume/skills.py exports its own."""

from __future__ import annotations


def clean_skills(skills: list[str]) -> list[str]:
    """Trim skills and drop duplicates regardless of case, keeping the first spelling."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in skills:
        skill = " ".join(raw.split())
        if skill.casefold() not in seen:
            seen.add(skill.casefold())
            out.append(skill)
    return out
