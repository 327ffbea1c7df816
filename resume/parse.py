"""Parse resume text into plain data: sections, skills, years of experience and entry lists.

The stages live in their own modules: section_fixes (sections the headings get wrong),
skill_lists (skills), work_history (years of work and internships) and entries (projects,
certifications, education).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from resume.credentials import certifications, education
from resume.entries import projects
from resume.furniture import strip_furniture
from resume.layout import Line, align
from resume.layout_rules import entry_titles, reflow, style_headings, titled_names
from resume.lines import dedupe
from resume.section_fixes import attach_date_column, retag_sections
from resume.sections import Section, split_sections
from resume.skill_lists import listed_skills
from resume.warnings import parse_warnings
from resume.work_history import work_years

__all__ = ["ParsedResume", "Section", "parse_resume"]


@dataclass
class ParsedResume:
    """Everything parsed from one resume's text."""

    text: str
    sections: list[Section] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    experience_years: int = 0
    experience_years_exact: float = 0.0
    internship_years: float = 0.0
    projects: list[str] = field(default_factory=list)
    internships: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    education: list[str] = field(default_factory=list)
    # What could not be read, as sentences saying what to check (resume.warnings).
    warnings: list[str] = field(default_factory=list)

    def extracted(self) -> dict[str, Any]:
        """Return the fields the API reports for a resume, as plain JSON-ready data."""
        return {
            "skills": self.skills,
            "experience_years": self.experience_years,
            "projects": self.projects,
            "certifications": self.certifications,
            "internships": self.internships,
            "education": self.education,
            "warnings": self.warnings,
        }


def parse_resume(
    text: str, today: date | None = None, layout: list[Line] | None = None
) -> ParsedResume:
    """Parse resume text into sections, skills, years of work and the entry lists.

    layout is the extractor's line model (resume/layout.py); without it the text alone is read.
    """
    today = today or date.today()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = align(text, layout)
    headings = None
    titles: tuple[set[str], set[str]] = (set(), set())
    if lines:
        lines = reflow(lines)
        text = "\n".join(line.text for line in lines)
        headings = style_headings(lines)
        titles = entry_titles(lines)
    sections = split_sections(strip_furniture(text), headings)
    sections = attach_date_column(retag_sections(sections))
    exact, intern_years, internships = work_years(sections, text, today)
    parsed = ParsedResume(
        text=text,
        sections=sections,
        skills=listed_skills(sections),
        # A hair under a whole year (11.999... from month arithmetic) is that whole year.
        experience_years=math.floor(exact + 1e-9),
        experience_years_exact=round(exact, 2),
        internship_years=round(intern_years, 2),
        projects=_projects(sections, titles),
        internships=internships,
        certifications=certifications(sections),
        education=education(sections),
    )
    parsed.warnings = parse_warnings(parsed, today)
    return parsed


def _projects(sections: list[Section], titles: tuple[set[str], set[str]]) -> list[str]:
    """Return project names: bold titles where the page sets them, else read from the text."""
    named: list[str] = []
    rest = []
    for s in sections:
        found = titled_names(s.text, titles) if s.name == "projects" else None
        if found:
            named.extend(found)
        else:
            rest.append(s)
    return dedupe(named + projects(rest))
