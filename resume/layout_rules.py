"""Rules that read the line model (resume/layout.py): plain functions on plain lines.

- reflow: put a right-hand column of dates back on its entries' lines, and join items that a
  narrow column wrapped onto two lines (a skill tag, a school's name);
- style_headings: lines set in the style of the known headings are headings too, even when
  their words are not in the vocabulary;
- the column of each line lets split_sections read a side column's sections apart.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from resume.experience import parse_date_ranges
from resume.layout import Line, body_size, style_of
from resume.lines import EPOCH, title_text
from resume.sections import clean_line, heading_name

# A column this narrow, as a share of the page's text width, is a side column.
NARROW_SHARE = 0.45
# A wrapped line sits this close (points) above the tightest gap its column uses.
WRAP_SLACK = 0.35
# Lines on one baseline differ in top by less than this share of their size.
BASELINE_SHARE = 0.5
# A column is a date column when this share of its lines are dates alone.
DATE_COLUMN_SHARE = 0.6
# A column of this many lines at most, all beside lines at their left, annotates one entry.
ANNOTATION_MAX_LINES = 4
# A heading is a few words.
HEADING_MAX_WORDS = 5
HEADING_MAX_CHARS = 40
# Headings learnt from style must be set at least this much (points) above the body text.
HEADING_SIZE_STEP = 0.9
# ... and stand at least this share of the known headings' least space below what precedes.
HEADING_GAP_SHARE = 0.8
# A line no larger than the body text by more than this, regular and not in capitals, is plain.
PLAIN_SIZE_SLACK = 0.4


def _date_only(text: str) -> bool:
    line = clean_line(text)
    return bool(line) and not title_text(line) and bool(parse_date_ranges(line, EPOCH))


def _page_width(lines: list[Line], page: int) -> float:
    on_page = [x for x in lines if x.page == page and x.known and x.text.strip()]
    if not on_page:
        return 0.0
    return max(x.x1 for x in on_page) - min(x.x0 for x in on_page)


def _columns(lines: list[Line]) -> dict[tuple[int, int], list[int]]:
    """Return the indexes of the non-blank PDF lines of each (page, column)."""
    out: dict[tuple[int, int], list[int]] = {}
    for i, line in enumerate(lines):
        if line.known and line.top > 0 and line.text.strip():
            out.setdefault((line.page, line.column), []).append(i)
    return out


def reflow(lines: list[Line]) -> list[Line]:
    """Return the lines with date columns put back on their entries, wrapped items joined
    and run-in bold titles read as titles."""
    return _run_in_titles(_join_wraps(_attach_dates(lines)))


_RUN_IN = re.compile(r"^\s*[–—-]\s+")
# A line that ends within this many font sizes of its column's right edge is full: it wrapped.
FULL_LINE_SLACK = 1.0
# A title is a few words; a bold line longer than this is emphasis in a paragraph.
TITLE_MAX_WORDS = 14


def _run_in_titles(lines: list[Line]) -> list[Line]:
    """Read a bold title run in before regular text as a title, not a sentence.

    "**Smart City platform.** – Side project; open source" names an entry in bold and
    describes it after a dash, on one line; read as text, the full stop makes the line a
    sentence and no entry's name. The name loses its full stop, so the line reads as
    "name – what it is". A whole bold line ending in a full stop is such a name too, when
    the body text is not bold.
    """
    body_bold = sum(x.bold for x in lines if x.known) > 0.5 * max(sum(x.known for x in lines), 1)
    right = {}
    for x in lines:
        if x.known and x.text.strip():
            k = (x.page, x.column)
            right[k] = max(right.get(k, 0.0), x.x1)
    out: list[Line] = []
    for line in lines:
        if body_bold or not line.known:
            out.append(line)
            continue
        prev = out[-1] if out else None
        # A bold title that fills its line and runs on into the next line's bold head is one.
        if (
            prev is not None
            and prev.known
            and prev.bold
            and line.head
            and _RUN_IN.match(line.text[line.head :])
            and "\t" not in prev.text
            and not parse_date_ranges(prev.text, EPOCH)
            and (prev.page, prev.column) == (line.page, line.column)
            and prev.x1 >= right[(line.page, line.column)] - FULL_LINE_SLACK * line.size
            and line.gap <= 0.5 * line.size
        ):
            joined = f"{prev.text} {line.text}"
            line = replace(line, text=joined, head=len(prev.text) + 1 + line.head)
            out.pop()
        text = line.text
        head = text[: line.head].strip()
        rest = text[line.head :]
        if line.head and _RUN_IN.match(rest) and _title_words(head):
            out.append(replace(line, text=_no_stop(head) + rest, head=len(_no_stop(head))))
        elif line.bold and text.rstrip().endswith(".") and _title_words(text):
            out.append(replace(line, text=_no_stop(text)))
        else:
            out.append(line)
    return out


def _title_words(text: str) -> bool:
    """Tell whether text is one short phrase: a few words, no second sentence."""
    return 0 < len(text.split()) <= TITLE_MAX_WORDS and not re.search(r"[a-z]{3}\.\s+[A-Z]", text)


def _no_stop(text: str) -> str:
    """Drop a title's closing full stop (not an abbreviation's, as in "Inc.")."""
    text = text.rstrip()
    return text[:-1] if re.search(r"[a-z]{3}\.$", text) else text


def _attach_dates(lines: list[Line]) -> list[Line]:
    """Append each line of a right-hand date column to the line on its baseline at its left.

    A column whose lines are mostly dates alone, beside entries without dates, was read after
    them; the date belongs to the entry line it shares a baseline with. A column of a few
    lines that all sit on baselines of lines at their left, one of them a date ("Sep. 2017 -
    Feb. 2018" over "Toronto, ON"), annotates that entry: all its lines go back.
    """
    out = list(lines)
    drop: set[int] = set()
    cols = _columns(lines)
    for (page, col), rows in cols.items():
        dates = [i for i in rows if _date_only(lines[i].text)]
        others = [i for (p, c), r in cols.items() if p == page and c != col for i in r]
        partners = {i: _baseline_partner(lines, out, i, others, drop) for i in rows}
        annotates = (
            bool(dates)
            and len(rows) <= ANNOTATION_MAX_LINES
            and all(j is not None for j in partners.values())
        )
        if not annotates and (len(dates) < 2 or len(dates) < DATE_COLUMN_SHARE * len(rows)):
            continue
        for i in rows if annotates else dates:
            j = _baseline_partner(lines, out, i, others, drop)
            if j is None:
                continue
            out[j] = _with_text(out[j], f"{out[j].text}\t{lines[i].text}")
            drop.add(i)
    return [line for i, line in enumerate(out) if i not in drop]


def _baseline_partner(
    lines: list[Line], out: list[Line], i: int, others: list[int], drop: set[int]
) -> int | None:
    """Return the line at the left of line i on its baseline (without a date, if i is one)."""
    d = lines[i]
    dated = _date_only(d.text)
    beside = [
        j
        for j in others
        if j not in drop
        and lines[j].x1 < d.x0
        and abs(lines[j].top - d.top) <= BASELINE_SHARE * max(d.size, lines[j].size)
        and not (dated and parse_date_ranges(out[j].text, EPOCH))
    ]
    return min(beside, key=lambda k: abs(lines[k].top - d.top)) if beside else None


def _with_text(line: Line, text: str) -> Line:
    return replace(line, text=text)


def _join_wraps(lines: list[Line]) -> list[Line]:
    """Join lines a narrow column wrapped: set at the column's tightest gap, in one style.

    In a side column, items (skill tags, certificates) are set apart by a gap, and a long
    item wraps onto a second line at the tightest gap the column uses: "C (Programming" over
    "Language)". Two lines of one bold title ("University of" over "Tokyo | 2018") wrap too.
    """
    cols = _columns(lines)
    join: set[int] = set()
    for (page, _), rows in cols.items():
        width = _page_width(lines, page)
        x0 = min(lines[i].x0 for i in rows)
        x1 = max(lines[i].x1 for i in rows)
        if width <= 0 or x1 - x0 > NARROW_SHARE * width or len(rows) < 3:
            continue
        pairs = [(a, b) for a, b in zip(rows, rows[1:], strict=False) if b == a + 1]
        tight: dict[tuple[float, bool], float] = {}
        for a, b in pairs:
            key = (lines[b].size, lines[b].bold)
            if style_of(lines[a])[:2] == style_of(lines[b])[:2] and lines[b].gap > 0:
                tight[key] = min(tight.get(key, 99.0), lines[b].gap)
        for a, b in pairs:
            pa, pb = lines[a], lines[b]
            if style_of(pa)[:2] != style_of(pb)[:2] or (pb.size, pb.bold) not in tight:
                continue
            gaps = [lines[y].gap for x, y in pairs if style_of(lines[y])[:2] == style_of(pb)[:2]]
            usual = statistics.median(gaps)
            low = tight[(pb.size, pb.bold)]
            # Wraps only stand out where items are set further apart than lines of one item.
            if usual < 1.6 * low and not pb.bold:
                continue
            # The style is the line's before it, so "Language)" under "C (Programming" is
            # the rest of an item, not a heading, whatever its words.
            if pb.gap <= low + WRAP_SLACK and not pa.text.rstrip().endswith((".", ";", ":")):
                join.add(b)
    out: list[Line] = []
    for i, line in enumerate(lines):
        if i in join and out:
            out[-1] = _with_text(out[-1], f"{out[-1].text.rstrip()} {line.text.lstrip()}")
        else:
            out.append(line)
    return out


# Words that name a section inside a heading the vocabulary does not hold ("Things I Made").
_KEYWORDS = [
    ("internships", r"intern|apprentic|placement"),
    ("certifications", r"certif|licen[cs]|credential|badge|accredit"),
    ("projects", r"project|portfolio|built|made|hack|creat|shipped"),
    # Not "university" or "college": those name an entry's school, not a section.
    ("education", r"educat|degree|academ|stud(?:y|ies)|qualification|schooling"),
    ("skills", r"skill|tools?\b|\btech\b|stack|competen|proficien|expertise|abilit"),
    ("experience", r"experience|employ|work|career|job|position|professional"),
    ("languages", r"language"),
    ("awards", r"award|honou?r|achiev|prize"),
    ("publications", r"publicat|paper|talk|speak|writing"),
    ("volunteer", r"volunt|communit|civic"),
    ("interests", r"interest|hobb|passion"),
    ("contact", r"contact"),
    ("summary", r"about|summary|profile|objective|intro"),
]


def section_for(text: str) -> str:
    """Name the section a heading outside the vocabulary most likely opens ("other" if none)."""
    low = clean_line(text).lower()
    for name, pattern in _KEYWORDS:
        if re.search(pattern, low):
            return name
    return "other"


def _heading_shape(text: str) -> bool:
    """Tell whether a line could be a heading: a few words, no digits, no sentence end."""
    raw = clean_line(text)
    words = raw.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and len(raw) <= HEADING_MAX_CHARS
        and not re.search(r"\d|[.,;]$|[\t@()]", raw)
        and raw[:1].isupper()
    )


def style_headings(lines: list[Line]) -> dict[str, str]:
    """Return {heading text: section} for lines set like the known headings but not known,
    and {text: ""} for known heading words set as plain body text.

    The document's heading style is the style (size, weight, capitals) that at least two
    recognised headings share. It is trusted only when it marks few other lines: when body
    lines share it (bold job titles in a theme with bold headings), style says nothing.
    """
    known = [x for x in lines if x.known and heading_name(x.text)]
    styles: dict[tuple[float, bool, bool], int] = {}
    for x in known:
        styles[style_of(x)] = styles.get(style_of(x), 0) + 1
    if not styles:
        return {}
    style, count = max(styles.items(), key=lambda kv: kv[1])
    if count < 2:
        return {}
    body = [x for x in lines if x.known and x.text.strip()]
    if style[0] < body_size(body) + HEADING_SIZE_STEP:
        return {}  # headings no larger than the body text: bold alone marks titles too
    seen = {clean_line(x.text) for x in known}
    others = [x for x in body if style_of(x) == style and clean_line(x.text) not in seen]
    # More lines in the style than known headings: the style marks entries too.
    if len(others) > count:
        return {}
    # Where the page shows gaps, a heading stands apart as the known ones do; an entry's
    # first line (a school set large) follows its section's heading closely.
    space = min(x.gap for x in known)
    found = {
        clean_line(x.text): section_for(x.text)
        for x in others
        if _heading_shape(x.text) and x.gap >= HEADING_GAP_SHARE * space
    }
    # A heading that names no section (a person's name set large) is not taken on style alone.
    found = {k: v for k, v in found.items() if v != "other"}
    # Known words in the body's plain style ("Languages" as a label inside a form's skills
    # group, under "Personal skills and competences") label a group, not a section: "".
    plain = body_size(body) + PLAIN_SIZE_SLACK
    for x in known:
        look = style_of(x)
        if look != style and not look[1] and not look[2] and x.size <= plain:
            found[clean_line(x.text)] = ""
    return found


def entry_titles(lines: list[Line]) -> tuple[set[str], set[str]]:
    """Return the titles the page sets in bold: run-in heads, and short whole bold lines.

    A run-in head opens a line and a dash leads on to regular text ("**Name** – what it is").
    Only where the body text is regular: when everything is bold, bold marks nothing.
    """
    known = [x for x in lines if x.known and x.text.strip()]
    if not known or sum(x.bold for x in known) > 0.5 * len(known):
        return set(), set()
    run_in, whole = set(), set()
    for x in known:
        text = clean_line(x.text)
        if x.head and _RUN_IN.match(x.text[x.head :]) and _title_words(x.text[: x.head]):
            run_in.add(clean_line(x.text[: x.head]))
        elif x.bold and _title_words(text) and not _date_only(text):
            whole.add(text)
    return run_in, whole


def titled_names(text: str, titles: tuple[set[str], set[str]]) -> list[str] | None:
    """Return the bold titles that open a section's entries, or None unless two are run in.

    A project list may run its names long ("Development and implementation of the platform
    for Coruña Smart City – Prototype written over a weekend"): the bold run says where the
    name ends, as no rule about words can. Lists with names on lines of their own are left
    to the text reading, which knows them well.
    """
    run_in, whole = titles
    names, runs = [], 0
    for raw in text.splitlines():
        line = clean_line(raw)
        head = next((t for t in run_in if line.startswith(t) and len(t) >= 3), None)
        if head and _RUN_IN.match(line[len(head) :]):
            names.append(head)
            runs += 1
        elif line in whole:
            names.append(line)
    return names if runs >= 2 else None
