"""The jobs and projects of a parsed resume that behavioural questions are set in."""

from __future__ import annotations

import re

from interview.questions import Role
from resume.experience import has_date_range
from resume.lines import BULLET_CHARS, LOCATION, URLISH, looks_like_title, title_text
from resume.sections import WORK_SECTIONS, Section

MAX_ROLES = 6
NAME_MAX_CHARS = 60
NAME_MAX_WORDS = 8
# Words that make a part of an entry line the position rather than the employer.
_TITLE_WORDS = re.compile(
    r"\b(?:engineer|developer|programmer|architect|manager|lead|analyst|scientist|consultant|"
    r"designer|intern|internship|administrator|admin|specialist|director|officer|head|"
    r"associate|assistant|technician|tester|researcher|coordinator|owner|founder|cto|ceo|"
    r"devops|sre|qa|trainee|student|teacher|tutor|freelance\w*|contractor)\b",
    re.I,
)
_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|,\s+|\s+at\s+|\s+@\s+|\t+")
_NOT_PLACE = re.compile(r"(?i)^(?:curr\w*|present|now|today|sabbatical|career break|remote)$")
# Lower-case function words mark a fragment of a sentence, not a name.
_SENTENCE = re.compile(r"\b(?:by|while|and|that|which|the|of|for|with|to|in)\b(?=.*\b[a-z])")
_PROJECT_CUT = re.compile(r"\s*(?::|\s[–—-]\s|\(|\|)\s*")


def _name_ok(text: str) -> bool:
    return (
        0 < len(text) <= NAME_MAX_CHARS
        and len(text.split()) <= NAME_MAX_WORDS
        and any(ch.isalpha() for ch in text)
        and not URLISH.search(text)
        and not LOCATION.match(text)
    )


def _parts(line: str) -> list[str]:
    text = title_text(line).strip()
    # "Munich, Germany" is where, not who; "Software Engineer, Acme" has the same shape.
    if not text or (LOCATION.match(text) and not _TITLE_WORDS.search(text)):
        return []
    return [p.strip(" .;:()") for p in _SPLIT.split(text) if p and p.strip(" .;:()")]


def _entry(lines: list[str], i: int) -> Role | None:
    """Read the employer and position from a dated line and the short lines around it."""
    parts = _parts(lines[i])
    for j in (i - 1, i + 1, i - 2):
        if 0 <= j < len(lines):
            near = lines[j].strip()
            if near[:1] in BULLET_CHARS or has_date_range(near) or len(near) > NAME_MAX_CHARS:
                continue
            if looks_like_title(title_text(near)):
                parts += _parts(near)
    parts = [p for p in parts if _name_ok(p) and not _SENTENCE.search(p)]
    parts = [p + ")" if p.count("(") > p.count(")") else p for p in parts]
    titles = [p for p in parts if _TITLE_WORDS.search(p)]
    places = [p for p in parts if not _TITLE_WORDS.search(p) and not _NOT_PLACE.match(p)]
    if not places:
        return None
    return Role(name=places[0], title=titles[0] if titles else "", kind="job")


def _project_name(entry: str) -> str:
    head = _PROJECT_CUT.split(" ".join(entry.split()), maxsplit=1)[0].strip(" .;:")
    return head if _name_ok(head) else ""


def resume_roles(
    sections: list[Section], projects: list[str], limit: int = MAX_ROLES
) -> list[Role]:
    """Return the resume's jobs (employer, position) then its projects, each once, in order."""
    out: list[Role] = []
    seen: set[str] = set()

    def add(role: Role | None) -> None:
        if role is not None and role.name.casefold() not in seen:
            seen.add(role.name.casefold())
            out.append(role)

    for section in sections:
        if section.name not in WORK_SECTIONS:
            continue
        lines = [ln for ln in section.text.splitlines() if ln.strip()]
        for i, line in enumerate(lines):
            if line.strip()[:1] not in BULLET_CHARS and has_date_range(line):
                add(_entry(lines, i))
    for entry in projects:
        name = _project_name(entry) if isinstance(entry, str) else ""
        if name:
            add(Role(name=name, kind="project"))
    return out[:limit]
