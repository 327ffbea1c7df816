"""Tests for resume.warnings: sentences about what the parser could not read."""

from __future__ import annotations

from datetime import date

from resume.parse import parse_resume
from resume.sections import split_sections
from resume.warnings import job_titles_without_dates

TODAY = date(2026, 11, 24)
FILLER = "Built and ran services for customers in many markets with a small team. " * 6


def test_job_titles_without_dates_are_counted() -> None:
    bullets = "• Led the team.\n• Wrote the APIs.\n• Ran the on-call rota.\n"
    text = (
        f"Experience\nSenior Software Engineer, Acme\n{bullets}"
        f"Software Engineer, Beta\nJan 2015 - Dec 2017\n{bullets}"
        f"Developer, Gamma\n{bullets}"
    )
    assert job_titles_without_dates(split_sections(text)) == (3, 2)


def test_undated_titles_warn_that_experience_may_be_low() -> None:
    text = (
        f"Summary\n{FILLER}\nExperience\nData Engineer, Acme\nBuilt pipelines.\n"
        "Data Analyst, Beta\nWrote reports.\nEducation\nUniversity of Leeds\nSkills\nPython, SQL\n"
    )
    warnings = parse_resume(text, today=TODAY).warnings
    assert warnings == [
        "Found 2 job titles but could not read dates for 2 of them: experience years may be "
        "low. Check the years of experience."
    ]


def test_dated_history_with_education_and_skills_has_no_warnings() -> None:
    text = (
        f"Summary\n{FILLER}\nExperience\nData Engineer, Acme\nMar 2019 - Present\n"
        "Built pipelines.\nEducation\nUniversity of Leeds\nBSc Computer Science\n"
        "Skills\nPython, SQL\n"
    )
    assert parse_resume(text, today=TODAY).warnings == []


def test_missing_sections_and_short_text_are_named() -> None:
    warnings = parse_resume("Jo Bloggs\nPython\nProjects\n• did things", today=TODAY).warnings
    assert warnings[0].startswith("Only 7 words could be read from the file")
    assert any(w.startswith("No work experience section found") for w in warnings)
    assert any(w.startswith("No education section found.") for w in warnings)
    assert (
        "A projects section was found but no project could be read from it: check the "
        "projects list." in warnings
    )


def test_an_empty_education_section_says_so() -> None:
    text = (
        f"Summary\n{FILLER}\nExperience\nData Engineer, Acme\nMar 2019 - Present\n"
        "Education\n2010 – 2014\nSkills\nPython\n"
    )
    assert parse_resume(text, today=TODAY).warnings == [
        "An education section was found but no education could be read from it: "
        "check the education list."
    ]
