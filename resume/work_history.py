"""Years of work and internships from the dated entries of a resume's work history."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from resume.experience import (
    DATE_RE,
    DateRange,
    merged_years,
    parse_date_ranges,
    stated_years,
)
from resume.lines import BULLET_CHARS, EPOCH, dedupe, looks_like_title, title_text
from resume.sections import SIDEBAR, WORK_SECTIONS, Section

# Sections whose dates are never paid work.
NOT_WORK = {
    "education", "projects", "certifications", "awards", "publications", "volunteer",
    "languages", "interests", "references", "skills",
}  # fmt: skip
INTERN = re.compile(
    r"\b(?:intern|internship|trainee|co-?op|apprentice(?:ship)?|werkstudent|stagiaire|"
    r"praktikant(?:in)?|summer\s+analyst|summer\s+associate)\b",
    re.I,
)

# An entry's title sits at most three lines from its dates (title, company, place, dates);
# farther away it names another entry.
TITLE_MAX_LINES_AWAY = 3


def work_years(sections: list[Section], text: str, today: date) -> tuple[float, float, list[str]]:
    """Return (work years, internship years, internship titles) from the work history."""
    work = work_sections(sections)
    if not work:
        work = [s for s in sections if s.name not in NOT_WORK]
    jobs: list[tuple[date, date]] = []
    interns: list[tuple[date, date]] = []
    titles: list[str] = []
    for s in work:
        for rng, title in _dated_entries(s.text, today):
            is_intern = s.name == "internships" or bool(title and INTERN.search(title))
            span = (rng.start, rng.end)
            if is_intern:
                interns.append(span)
                if title:
                    titles.append(title)
            elif rng.end > rng.start:
                jobs.append(span)
    for s in work:  # intern titles whose dates we could not read still belong in the list
        for line in s.text.splitlines():
            title = title_text(line)
            if title and INTERN.search(title) and looks_like_title(title):
                titles.append(title)
    exact = merged_years(jobs)
    if not jobs and not interns:
        exact = stated_years(text) or 0.0
    return exact, merged_years(interns), dedupe(titles)


def work_sections(sections: list[Section]) -> list[Section]:
    """Return the work-history sections, with side-column sections that interrupted them.

    A sidebar ("Languages", "Interests") printed in the middle of the work history leaves the
    jobs after it under the sidebar's heading; dated lines there still belong to the history.
    """
    out: list[Section] = []
    last_main = ""
    for s in sections:
        if s.name in WORK_SECTIONS:
            out.append(s)
        elif s.name in SIDEBAR and last_main in WORK_SECTIONS and _dated_entries(s.text, EPOCH):
            out.append(Section(last_main, s.heading, s.text))
        if s.name not in SIDEBAR:
            last_main = s.name
    return out


def _aside(text: str, rng: DateRange) -> bool:
    """Tell whether a range is a parenthesised aside in a bullet ("Led X (2021 – 2023)")."""
    start = text.rfind("\n", 0, rng.begin) + 1
    end = text.find("\n", rng.finish)
    line = text[start : len(text) if end < 0 else end]
    before, after = text[start : rng.begin], text[rng.finish : len(text) if end < 0 else end]
    enclosed = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    return enclosed and len(line.split()) >= 8


def _current_starts(
    text: str, found: list[DateRange], offsets: list[int], today: date
) -> list[DateRange]:
    """Return lone start dates of current jobs as ranges to today.

    Themes print an entry with no end date as its start alone ("Team Lead  Nov 2023"). A
    lone date on an entry's heading line, no earlier than the end of every finished job in the
    section, starts the job held now.
    """
    finished = [r.end for r in found if r.end > r.start and not r.open_ended]
    if not finished:
        return []
    out = []
    for r in found:
        if r.end != r.start or r.open_ended or r.start < max(finished) or r.start > today:
            continue
        if not DATE_RE.fullmatch(text[r.begin : r.finish]):
            continue  # "Jun 2025 - Jun 2025" is a written range, not a lone start
        i = bisect_right(offsets, r.begin) - 1
        end = text.find("\n", r.begin)
        line = text[offsets[i] : len(text) if end < 0 else end].strip()
        if line[:1] in BULLET_CHARS or not looks_like_title(line):
            continue
        out.append(DateRange(r.start, today, r.begin, r.finish, True))
    return out


def _dated_entries(text: str, today: date) -> list[tuple[DateRange, str]]:
    """Pair each date range of a work section with the internship title near it, if any."""
    lines = text.splitlines()
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    found = [r for r in parse_date_ranges(text, today) if not _aside(text, r)]
    ranges = [r for r in found if r.end > r.start or r.open_ended]
    ranges = sorted(ranges + _current_starts(text, found, offsets, today), key=lambda r: r.begin)
    if not ranges:
        return []
    line_of = [bisect_right(offsets, r.begin) - 1 for r in ranges]
    titles = [""] * len(ranges)
    best = [TITLE_MAX_LINES_AWAY + 1] * len(ranges)
    for i, line in enumerate(lines):
        raw = line.strip()
        if raw[:1] in BULLET_CHARS or raw.startswith("(cid:"):
            continue
        candidate = title_text(raw)
        if not (candidate and INTERN.search(candidate) and looks_like_title(candidate)):
            continue
        # The entry it names is the nearest date; on a tie, the one below (title above dates).
        j = bisect_left(line_of, i)
        near = [k for k in (j - 1, j) if 0 <= k < len(ranges)]
        k = min(near, key=lambda k: (abs(line_of[k] - i), line_of[k] < i))
        distance = abs(line_of[k] - i)
        if distance <= TITLE_MAX_LINES_AWAY and distance < best[k]:
            titles[k], best[k] = candidate, distance
    return list(zip(ranges, titles, strict=True))
