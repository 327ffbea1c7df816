"""Date ranges in resume text, and years of experience from merged spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Other languages' month names that are common on English-rendered resumes.
MONTHS.update({"ene": 1, "abr": 4, "ago": 8, "dic": 12, "mai": 5, "okt": 10, "dez": 12})
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_PRESENT = (
    r"(?:present|current(?:ly)?|curr\b|now|today|ongoing|till\s+date|to\s+date|"
    r"still\s+working|actual|presente|actualidad|atual|attuale|heute|aujourd['’]hui|"
    r"en\s+cours|hoy)(?![\w'’])"
)
# One date: month-name + year, season + year, numeric month/year, year/month, bare year, present.
_DATE = (
    rf"(?:{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
    rf"|(?:{_MONTH_NAME}|{_SEASON})(?:[\s,]*|\s*[/.\-]\s*)(?:{_YEAR}|['’]\d{{2}})(?!\d)"
    rf"|(?:0?[1-9]|1[0-2])\s*[/.\-]\s*{_YEAR}(?!\d)"
    rf"|{_YEAR}\s*[/.\-]\s*(?:0[1-9]|1[0-2]|[1-9])(?![\d/.\-]*\d)"
    rf"|(?<![\d/.]){_YEAR}(?![\d])"
    rf"|{_PRESENT}"
    # "Jan – Mar 2019": a bare month that takes its year from the end of the range.
    rf"|{_MONTH_NAME}(?=\s*(?:[-–—]|to)\s*{_MONTH_NAME}[\s,]*{_YEAR})"
    rf")"
)
DATE_RE = re.compile(rf"(?<![\w]){_DATE}", re.I)
# What may stand between the two ends of a range, a line break included.
_RANGE_GAP = re.compile(
    r"^\s*(?:[-–—~]|to|until|till|through|thru|a|al|bis|à|au)?\s*[-–—]?\s*$", re.I
)
_YEARS_STATEMENT = re.compile(
    r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b[^.\n]{0,40}?\bexperience"
    r"|experience\s+of\s+(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b",
    re.I,
)


@dataclass(frozen=True)
class DateRange:
    """A start and end date found in text, with the span of characters it covers."""

    start: date
    end: date
    begin: int
    finish: int
    open_ended: bool  # the end was "Present" or similar


def parse_date(token: str, today: date) -> date | None:
    """Turn one date token ("Mar 2019", "03/2019", "2019", "Summer '18", "Present") into a date."""
    t = token.strip().lower().rstrip(".")
    if re.fullmatch(_PRESENT, t, re.I):
        return today
    m = re.fullmatch(
        rf"({_MONTH_NAME}|{_SEASON})(?:[\s,]*|\s*[/.\-]\s*)(\d{{4}}|['’]\d{{2}})", t, re.I
    )
    if m:
        word = m.group(1).rstrip(".")
        month = SEASONS.get(word) or MONTHS.get(word[:3], 1)
        return date(_year(m.group(2)), month, 1)
    m = re.fullmatch(r"(\d{4})-(\d{2})-\d{2}", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), 1)
    m = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{4})", t)
    if m:
        return date(int(m.group(2)), int(m.group(1)), 1)
    m = re.fullmatch(r"(\d{4})\s*[/.\-]\s*(\d{1,2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), 1)
    m = re.fullmatch(r"\d{4}", t)
    if m:
        return date(int(t), 1, 1)
    return None


def _year(text: str) -> int:
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    # Two-digit years on a resume are recent: '98 is 1998, '19 is 2019.
    return 2000 + two if two <= 50 else 1900 + two


def _is_present(token: str) -> bool:
    return re.fullmatch(_PRESENT, token.strip().rstrip("."), re.I) is not None


def parse_date_ranges(text: str, today: date) -> list[DateRange]:
    """Find date ranges in text ("Mar 2019 – Present", "2017 to 2019", split over two lines)."""
    matches = list(DATE_RE.finditer(text))
    tokens = []
    for k, m in enumerate(matches):
        d = parse_date(m.group(0), today)
        if d is None and k + 1 < len(matches):
            d = _month_with_year_of(m.group(0), parse_date(matches[k + 1].group(0), today))
        if d is not None:
            tokens.append((m, d))
    out: list[DateRange] = []
    i = 0
    while i < len(tokens):
        m, start = tokens[i]
        if _is_present(m.group(0)):
            i += 1
            continue
        if i + 1 < len(tokens):
            m2, end = tokens[i + 1]
            gap = text[m.end() : m2.start()]
            # "2021\n2023": two bare dates on consecutive lines are a range too.
            if (
                _RANGE_GAP.match(gap)
                and gap.count("\n") <= 1
                and end >= start
                and ("\n" not in gap or re.search(r"[-–—]|to", gap) or _alone_on_lines(text, m, m2))
            ):
                out.append(DateRange(start, end, m.start(), m2.end(), _is_present(m2.group(0))))
                i += 2
                continue
        # "Since 2019", "2019 – " with nothing after: a start that runs to today.
        tail = text[m.end() : m.end() + 4]
        if re.match(r"^\s*[-–—]\s*(?:$|\n)", tail) or re.search(
            r"\bsince\s*$", text[max(0, m.start() - 8) : m.start()], re.I
        ):
            out.append(DateRange(start, today, m.start(), m.end(), True))
        else:
            out.append(DateRange(start, start, m.start(), m.end(), False))
        i += 1
    return out


# "Present" read as the far future, so that any range ending in it is a range whatever its start.
_FAR_FUTURE = date(9999, 12, 1)


def has_date_range(line: str) -> bool:
    """Tell whether text holds a written date range ("Jan 2019 - Present", "2017 to 2019")."""
    return any(
        not DATE_RE.fullmatch(line[r.begin : r.finish])
        for r in parse_date_ranges(line, _FAR_FUTURE)
    )


def _month_with_year_of(token: str, end: date | None) -> date | None:
    """Date a bare month ("Nov") by the year of the range's end ("Nov – Feb 2019" -> Nov 2018)."""
    month = MONTHS.get(token.strip().lower().rstrip(".")[:3])
    if end is None or month is None:
        return None
    return date(end.year if month <= end.month else end.year - 1, month, 1)


def _alone_on_lines(text: str, m1: re.Match[str], m2: re.Match[str]) -> bool:
    """Tell whether the start ends its line and the end begins the next (a split range)."""
    line1_start = text.rfind("\n", 0, m1.start()) + 1
    before = text[line1_start : m1.start()]
    line2_end = text.find("\n", m2.end())
    after = text[m2.end() : len(text) if line2_end < 0 else line2_end]
    return not re.search(r"\d", before) and not re.search(r"\d", after)


def months_between(start: date, end: date) -> int:
    """Count whole calendar months from start to end."""
    return (end.year - start.year) * 12 + end.month - start.month


def merge_spans(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Merge overlapping or touching spans into disjoint ones."""
    merged: list[tuple[date, date]] = []
    for a, b in sorted(s for s in spans if s[1] >= s[0]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def merged_years(spans: list[tuple[date, date]]) -> float:
    """Return the years covered by spans, overlaps counted once."""
    return sum(months_between(a, b) for a, b in merge_spans(spans)) / 12


def stated_years(text: str) -> float | None:
    """Return the largest "N+ years of experience" stated in text, if any."""
    found = []
    for m in _YEARS_STATEMENT.finditer(text):
        value = float(m.group(1) or m.group(2))
        if 0 < value <= 60:
            found.append(value)
    return max(found) if found else None
