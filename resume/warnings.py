"""Plain sentences about what the parser could not read, each saying what the user should check."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from resume.lines import job_title_rows
from resume.sections import Section
from resume.work_history import work_sections

if TYPE_CHECKING:
    from resume.parse import ParsedResume

# So few words of text are a scan or an image-only page, not a resume read in full.
MIN_WORDS = 40


def parse_warnings(parsed: ParsedResume, today: date | None = None) -> list[str]:
    """Return what the parser could not read in one resume, as sentences naming what to check."""
    today = today or date.today()
    out: list[str] = []
    words = len(parsed.text.split())
    if words < MIN_WORDS:
        out.append(
            f"Only {words} words could be read from the file: it may be a scanned image. "
            "Check every field, or upload a PDF or DOCX with selectable text."
        )
    names = {s.name for s in parsed.sections}
    titles, undated = job_titles_without_dates(parsed.sections)
    if not names & {"experience", "internships"}:
        out.append(
            "No work experience section found: check the years of experience and add your "
            "jobs' dates by hand if the resume lists any."
        )
    elif titles and undated * 3 >= titles and undated >= 2:
        out.append(
            f"Found {titles} job titles but could not read dates for {undated} of them: "
            "experience years may be low. Check the years of experience."
        )
    elif parsed.experience_years_exact == 0 and not parsed.internships:
        out.append("No dates could be read in the work experience: check the years of experience.")
    if not parsed.skills:
        out.append("No skills were recognised: add your skills to the profile by hand.")
    checks = (
        ("education", parsed.education, "No education section found.", "education"),
        ("projects", parsed.projects, "", "project"),
        ("certifications", parsed.certifications, "", "certification"),
    )
    for name, found, missing_section, noun in checks:
        if name not in names and missing_section:
            out.append(f"{missing_section} Add your education by hand if the resume has one.")
        elif name in names and not found:
            out.append(
                f"{'An' if name[0] in 'aeiou' else 'A'} {name} section was found but no {noun} "
                "could be read from it: "
                f"check the {name} list."
            )
    return out


def job_titles_without_dates(sections: list[Section]) -> tuple[int, int]:
    """Count the job-title lines of the work history, and those with no date range near them."""
    rows = [r for s in work_sections(sections) for r in job_title_rows(s.text.splitlines())]
    return len(rows), sum(not dated for _, dated in rows)
