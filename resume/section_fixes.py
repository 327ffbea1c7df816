"""Fix the section split that headings alone give: spoken vs programming languages, and
skill lists a page layout left without a heading or under another section's heading."""

from __future__ import annotations

import re

from resume.experience import parse_date_ranges
from resume.lines import EPOCH, SPOKEN, job_title_rows, title_text
from resume.sections import WORK_SECTIONS, Section, clean_line, normalise_heading
from resume.skills import raw_hits, skill_hits

LEVEL_LINE = re.compile(
    r"^(?:master|expert|advanced|intermediate|beginner|basic|proficient|native|fluent|"
    r"elementary|novice|moderate)$",
    re.I,
)
# Skills headings that are also the title of one group of a skills list.
GROUP_HEADINGS = {"tools", "frameworks", "software", "technologies", "platforms", "libraries"}

# One item of a sidebar skills list ("Kubernetes", "Project Management - Advanced") is a short
# line; a sentence or a job line with its company and place runs longer.
SKILL_LINE_MAX_CHARS = 60
SKILL_LINE_MAX_WORDS = 7
# Fewer than six short lines in a row are as often a contact block or an entry's header lines
# as a list; a sidebar skills list is longer.
MIN_RUN_LINES = 6
# Without a proficiency line, half the run must be names the taxonomy knows: an address block
# or a list of hobbies has next to none.
LOOSE_KNOWN_SHARE = 0.5
# Proficiency lines ("Master", "Intermediate") already mark a skills grid, and half its lines
# are those levels; a fifth known names is then enough.
LEVELLED_KNOWN_SHARE = 0.2
# Two dates in a row, alone on their lines, are a column of dates; one is an entry's own.
DATE_COLUMN_MIN_LINES = 2


def retag_sections(sections: list[Section]) -> list[Section]:
    """Fix section names that the heading alone gets wrong, and find unlabelled skill lists."""
    out: list[Section] = []
    for s in sections:
        lines = [clean_line(x) for x in s.text.splitlines() if clean_line(x)]
        if s.name == "languages" and lines:
            # "Languages: Python, Go" lists programming languages, not spoken ones.
            tech = sum(bool(skill_hits(x, lenient=True)) and not SPOKEN.match(x) for x in lines)
            # At least two, and half the lines: one "Python" among spoken languages is a slip.
            if tech >= max(2, len(lines) // 2):
                s = Section("skills", s.heading, s.text)
        if s.name == "skills" and out and normalise_heading(s.heading) in GROUP_HEADINGS:
            kept, moved = _trailing_skills(out[-1])
            if moved:
                out[-1:] = [kept] if kept.text.strip() or kept.heading else []
                s = Section("skills", s.heading, f"{moved}\n{s.text}")
        if s.name in ("summary", "other", "contact"):
            out.extend(_split_skill_runs(s, loose=True))
        elif s.name not in ("skills", "languages"):
            out.extend(_split_skill_runs(s, loose=False))
        else:
            out.append(s)
    return out


def _trailing_skills(section: Section) -> tuple[Section, str]:
    """Split off the short skill lines that end a section just before a "Tools" group.

    Skill groups in a sidebar have their own titles ("Product", "Tools", "Methods"); a title
    that is also a heading ("Tools") starts a skills section, and the groups above it are
    left at the end of whatever section came before. Returns the rest and the moved lines.
    """
    if section.name == "skills":
        return section, ""
    lines = section.text.splitlines()
    start = len(lines)
    while start > 0 and (not lines[start - 1].strip() or _short_skill_line(lines[start - 1])):
        start -= 1
    known = [i for i in range(start, len(lines)) if raw_hits(lines[i])]
    if len(known) < 2:
        return section, ""
    cut = known[0]
    rest = Section(section.name, section.heading, "\n".join(lines[:cut]))
    return rest, "\n".join(lines[cut:])


def _short_skill_line(line: str) -> bool:
    line = clean_line(line)
    if parse_date_ranges(line, EPOCH):  # a dated line belongs to an entry, not a list
        return False
    return (
        0 < len(line) <= SKILL_LINE_MAX_CHARS
        and len(line.split()) <= SKILL_LINE_MAX_WORDS
        and not line.endswith(".")
    )


def _split_skill_runs(section: Section, *, loose: bool) -> list[Section]:
    """Carve runs of short lines, mostly skills, out of a section that has no skills heading.

    Loose: any run of six short lines, half of them known skills (a sidebar list under
    "About"). Strict: only runs with a bare proficiency line ("Master", "Intermediate"), the
    mark of a skills sidebar that the page layout dropped into another section.
    """
    lines = section.text.splitlines()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _short_skill_line(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (_short_skill_line(lines[j]) or not lines[j].strip()):
            j += 1
        run = [x for x in lines[i:j] if x.strip()]
        known = sum(bool(raw_hits(x)) for x in run)
        levels = sum(bool(LEVEL_LINE.match(clean_line(x))) for x in run)
        if len(run) >= MIN_RUN_LINES and (
            (loose and known >= LOOSE_KNOWN_SHARE * len(run))
            or (levels and known >= LEVELLED_KNOWN_SHARE * len(run))
        ):
            runs.append((i, j))
        i = j
    if not runs:
        return [section]
    parts: list[Section] = []
    cursor, heading = 0, section.heading
    for a, b in runs:
        parts.append(Section(section.name, heading, "\n".join(lines[cursor:a])))
        parts.append(Section("skills", "", "\n".join(lines[a:b])))
        cursor, heading = b, ""
    parts.append(Section(section.name, "", "\n".join(lines[cursor:])))
    return [p for p in parts if p.text.strip() or p.heading]


def attach_date_column(sections: list[Section]) -> list[Section]:
    """Move a column of dates read after the work history back into it.

    A two-column page prints short entries (title, company) on the left and their dates in a
    right-hand column; read column by column, the dates come after the whole section, often
    under the next heading. A work section with job titles that have no dates near them
    takes the first run of date-only lines that follows it, one date per such title at most.
    """
    out = list(sections)
    for k, s in enumerate(out):
        if s.name not in WORK_SECTIONS:
            continue
        own = s.text.splitlines()
        title_rows = [i for i, dated in job_title_rows(own) if not dated]
        titles = len(title_rows)
        if titles < DATE_COLUMN_MIN_LINES:
            continue
        for m in range(k + 1, len(out)):
            if out[m].name in WORK_SECTIONS:
                break
            lines = out[m].text.splitlines()
            run = _date_run(lines)
            if run is None:
                continue
            taken = run[:titles]
            dates = [lines[i] for i in taken]
            if len(dates) == titles:
                # One date per title, in order: each under its title, so that the title
                # nearest a date (an internship's) is its own.
                for row, when in zip(reversed(title_rows), reversed(dates), strict=True):
                    own.insert(row + 1, when)
            else:
                own.extend(dates)
            out[k] = Section(s.name, s.heading, "\n".join(own))
            rest = "\n".join(x for i, x in enumerate(lines) if i not in taken)
            out[m] = Section(out[m].name, out[m].heading, rest)
            break
    return [s for s in out if s.text.strip() or s.heading]


def _date_run(lines: list[str]) -> list[int] | None:
    """Return the rows of the first run of date-only lines, single blank lines allowed within.

    A run needs DATE_COLUMN_MIN_LINES dates; a blank line inside it is a gap between two
    entries of the column, not its end.
    """
    i = 0
    while i < len(lines):
        rows: list[int] = []
        j = i
        while j < len(lines):
            after = lines[j + 1] if j + 1 < len(lines) else ""
            if _date_only(lines[j]):
                rows.append(j)
            elif not (rows and not lines[j].strip() and _date_only(after)):
                break
            j += 1
        if len(rows) >= DATE_COLUMN_MIN_LINES:
            return rows
        i = j + 1
    return None


def _date_only(line: str) -> bool:
    line = clean_line(line)
    return bool(line) and not title_text(line) and bool(parse_date_ranges(line, EPOCH))
