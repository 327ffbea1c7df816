"""Line-level vocabulary the parser's stages share: titles, bullets, addresses, sidebars."""

from __future__ import annotations

import re
from datetime import date

from resume.experience import parse_date_ranges
from resume.sections import clean_line

# Any fixed date does for finding where date ranges are in a line; "today" only matters when
# a range runs to the present, and these callers only need the ranges' positions.
EPOCH = date(2000, 1, 1)
SPOKEN = re.compile(
    r"^(?:english|spanish|french|german|chinese|mandarin|cantonese|japanese|korean|hindi|"
    r"portuguese|italian|russian|arabic|dutch|polish|ukrainian|turkish|swedish|norwegian|"
    r"danish|finnish|greek|hebrew|czech|romanian|hungarian|vietnamese|thai|indonesian|malay|"
    r"tamil|telugu|bengali|urdu|punjabi|marathi|catalan|galician|basque|persian|farsi|"
    # The same languages in their own names.
    r"español|castellano|français|deutsch|italiano|português|polski|nederlands|svenska|"
    r"norsk|dansk|suomi|čeština|magyar|română|türkçe|ελληνικά|русский|українська|valencià|"
    r"català|galego|euskara|中文|日本語|한국어)$",
    re.I,
)
LOCATION = re.compile(r"^[A-Z][\w .'-]{1,30},\s*[A-Z][\w .'-]{1,30}$")
BULLET_CHARS = "•·●▪◦‣-–*"
# Words that make a short line a job title ("Senior Data Engineer", "Head of Product").
JOB_TITLE = re.compile(
    r"\b(?:engineer|developer|programmer|architect|manager|director|lead|head|analyst|"
    r"consultant|designer|scientist|administrator|specialist|officer|intern|associate|"
    r"technician|coordinator|advisor|adviser|owner|founder|co-founder|cto|ceo|vp|president|"
    r"researcher|assistant|tester|devops|sre|freelancer?|contractor|teacher|lecturer|"
    r"editor|writer|accountant|nurse|strategist|executive|supervisor|principal)\b",
    re.I,
)
# Domains in lower case only: "ASP.NET" and "Paint.NET" are not web addresses.
URLISH = re.compile(r"(?i:https?://|www\.)|[a-z0-9]\.(?:com|io|org|net|dev|app|ai)\b|@")

# A title ("Senior Software Engineer, Acme Corp, Berlin") fits on one line; longer text is a
# description. Generous on purpose: a long title missed costs an internship, prose kept costs
# nothing more than a wrong candidate that the nearest-date rule then rejects.
TITLE_MAX_CHARS = 90
TITLE_MAX_WORDS = 12

_DURATION = re.compile(
    r"\(?\b\d+\+?\s*(?:years?|yrs?|months?|mos?|weeks?|days?)\b(?:,?\s*\d+\s*(?:months?|mos?)\b)?\)?",
    re.I,
)


def title_text(line: str) -> str:
    """Return a line without its dates, durations and "Present": the title or name it holds."""
    line = clean_line(line)
    ranges = parse_date_ranges(line, EPOCH)
    for rng in ranges:
        line = line[: rng.begin] + " " + line[rng.finish :]
    if ranges:
        # A length printed beside the range ("May 2019 - Dec 2019 7 months") is date text too.
        line = _DURATION.sub(" ", line)
    line = re.sub(r"\b(?:present|current|now)\b", " ", line, flags=re.I)
    line = re.sub(r"\(\s*[,;–—-]?\s*\)|\[\s*\]", " ", line)  # "(2021)" once the year is gone
    return " ".join(line.split()).strip(" ,|-–—·")


def looks_like_title(line: str) -> bool:
    """Tell whether a line reads like an entry's title rather than a sentence of description."""
    if re.search(r"[a-z]{2}[.!?]\s+\S", line):  # two sentences: a description
        return False
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not line.endswith(".")
    )


def dedupe(items: list[str]) -> list[str]:
    """Drop items that repeat an earlier one, ignoring case and punctuation; keep the first."""
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        key = re.sub(r"[^a-z0-9]+", " ", item.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


# A job's dates sit within three lines of its title (title, company, place, dates).
DATES_MAX_LINES_AWAY = 3
# A job title is a few words ("Senior Data Engineer (Contract)"); more is a sentence.
JOB_TITLE_MAX_WORDS = 8


def job_title_rows(lines: list[str]) -> list[tuple[int, bool]]:
    """Return (index, dated) for each job-title line: dated when a date range is near it."""
    dated = [bool(parse_date_ranges(line, EPOCH)) for line in lines]
    out = []
    for i, raw in enumerate(lines):
        title = title_text(raw)
        if raw.strip()[:1] in BULLET_CHARS or not title or not looks_like_title(title):
            continue
        if not JOB_TITLE.search(title) or len(title.split()) > JOB_TITLE_MAX_WORDS:
            continue
        near = dated[max(0, i - DATES_MAX_LINES_AWAY) : i + DATES_MAX_LINES_AWAY + 1]
        out.append((i, any(near)))
    return out
