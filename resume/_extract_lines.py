"""Words and lines of a PDF page: characters to words, words to lines, lines to text.

The column finder (resume/_extract_layout.py) decides which words form a region; this module
reads a region without columns line by line.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from resume._extract_common import clean_chunk, is_private_use
from resume.layout import Line

# Narrow gutters are trusted only when many lines on each side agree; a margin label is set at
# least this far left of the body text.
WIDE_GUTTER = 16.0
# A gap inside a line wider than this many font sizes separates items, not words.
TAB_GAP_EMS = 2.0
# Beside ordinary spaces in the same line, a gap of this many font sizes separates items too.
ITEM_GAP_EMS = 1.0
# Text lines whose vertical gap exceeds this share of the line height start a new block.
BLOCK_GAP_RATIO = 0.75

_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class Word:
    """A word on the page with its box and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    # Horizontal rules take part in gutter finding (a rule crossing a gap means no gutter
    # there) but carry no text.
    rule: bool = False
    # Share of the word's characters set in a bold face.
    bold: float = 0.0

    @property
    def cy(self) -> float:
        """Return the vertical centre."""
        return (self.top + self.bottom) / 2


def _keep_char(obj: dict[str, Any]) -> bool:
    """Keep every object except icon-font glyphs and characters with no known meaning."""
    if obj.get("object_type") != "char":
        return True
    text = obj.get("text", "")
    if not text or _CID.fullmatch(text):
        return False
    return not all(is_private_use(ch) for ch in text)


def page_words(page: Any) -> list[Word]:
    """Return the page's words, without icon glyphs, with letter-spaced runs rejoined."""
    page = page.filter(_keep_char)
    raw = page.extract_words(
        x_tolerance=2.5,
        y_tolerance=3,
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["size"],
        return_chars=True,
    )
    words = []
    x_lo, y_lo, x_hi, y_hi = (float(v) for v in page.bbox)
    for w in raw:
        if w["x1"] < x_lo or w["x0"] > x_hi or w["bottom"] < y_lo or w["top"] > y_hi:
            continue  # off the page: never seen by a reader
        text = _CID.sub("", clean_chunk(w["text"])).strip()
        if not text:
            continue
        words.append(
            Word(
                text,
                float(w["x0"]),
                float(w["x1"]),
                float(w["top"]),
                float(w["bottom"]),
                float(w.get("size") or (w["bottom"] - w["top"])),
                bold=_bold_share(w.get("chars") or ()),
            )
        )
    words = _join_size_changes(words)
    words.extend(_rules(page))
    return words


_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|cmbx|-bd\b|,b\b", re.I)


def _bold_share(chars: Any) -> float:
    """Return the share of characters whose font name says bold (Arial-BoldMT, LMRoman12-Bold)."""
    if not chars:
        return 0.0
    bold = sum(bool(_BOLD_FONT.search(str(c.get("fontname", "")))) for c in chars)
    return bold / len(chars)


def _join_size_changes(words: list[Word]) -> list[Word]:
    """Rejoin words split only by a font-size change, as small caps are ("C" + "ONTACT").

    Words are read with their size, so a change of size ends a word even with no space;
    a touching neighbour on the same baseline is the same word.
    """
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if (
            prev is not None
            and abs(prev.size - w.size) >= 0.5
            and -0.5 <= w.x0 - prev.x1 <= 0.15 * min(prev.size, w.size)
            and abs(prev.bottom - w.bottom) <= 0.25 * max(prev.size, w.size)
        ):
            out[-1] = Word(
                prev.text + w.text,
                prev.x0,
                w.x1,
                min(prev.top, w.top),
                max(prev.bottom, w.bottom),
                max(prev.size, w.size),
                bold=(prev.bold * len(prev.text) + w.bold * len(w.text))
                / max(len(prev.text) + len(w.text), 1),
            )
            continue
        out.append(w)
    return out


def _rules(page: Any) -> list[Word]:
    """Return the page's horizontal rules (thin lines and rectangles) as textless words."""
    out = []
    for obj in list(page.lines) + list(page.rects):
        x0, x1 = float(obj["x0"]), float(obj["x1"])
        top, bottom = float(obj["top"]), float(obj["bottom"])
        if bottom - top <= 3 and x1 - x0 >= 40:
            out.append(Word("", x0, x1, top, max(bottom, top + 0.5), 0.0, rule=True))
    return out


# ---------------------------------------------------------------- lines


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Group words into text lines: words that overlap vertically by half their height."""
    rows: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = max(w.bottom - w.top, 0.1)
        placed = False
        for i in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom = bands[i]
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.5 * min(h, bottom - top):
                rows[i].append(w)
                bands[i] = (min(top, w.top), max(bottom, w.bottom))
                placed = True
                break
        if not placed:
            rows.append([w])
            bands.append((w.top, w.bottom))
    for row in rows:
        row.sort(key=lambda w: w.x0)
    rows.sort(key=lambda r: min(w.top for w in r))
    return rows


def _join_letter_spaced(row: list[Word]) -> list[Word]:
    """Rejoin runs of single letters set with wide tracking ("S K I L L S" -> "SKILLS")."""
    out: list[Word] = []
    i = 0
    while i < len(row):
        j = i
        while j + 1 < len(row) and _spaced_pair(row[j], row[j + 1]):
            j += 1
        if j - i + 1 >= 3:
            run = row[i : j + 1]
            gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:], strict=False)]
            # The letter gap is the common one; a clearly wider gap is a space between words.
            unit = statistics.median(gaps)
            text = run[0].text
            for gap, w in zip(gaps, run[1:], strict=False):
                text += (" " if gap > 1.8 * unit + 0.5 else "") + w.text
            out.append(
                Word(
                    text,
                    run[0].x0,
                    run[-1].x1,
                    min(w.top for w in run),
                    max(w.bottom for w in run),
                    run[0].size,
                    bold=run[0].bold,
                )
            )
            i = j + 1
        else:
            out.append(row[i])
            i += 1
    return out


def _spaced_pair(a: Word, b: Word) -> bool:
    """Tell whether two adjacent words look like letters of one letter-spaced word."""
    if len(a.text) != 1 or len(b.text) != 1 or not (a.text.isalnum() and b.text.isalnum()):
        return False
    gap = b.x0 - a.x1
    return 0 <= gap <= 1.6 * max(a.size, b.size) and abs(a.size - b.size) < 0.5


def row_text(row: list[Word]) -> str:
    """Join a line's words with spaces, or a tab across a gap far wider than a space.

    A wide gap inside one line separates items (tags set in a row, a title and its date);
    the tab keeps that boundary, as a DOCX tab stop does.
    """
    words = _join_letter_spaced(row)
    parts = [words[0].text] if words else []
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)]
    # Tags set in a row ("Product Strategy   Roadmapping") part at a gap of an em or so,
    # several times the spaces inside each tag; a line of prose spaces its words evenly.
    spaces = [g for g in gaps if g > 0]
    tight = min(spaces) if spaces else 0.0
    for a, b, gap in zip(words, words[1:], gaps, strict=False):
        em = max(a.size, b.size, 1.0)
        wide = gap > TAB_GAP_EMS * em or (gap >= ITEM_GAP_EMS * em and gap >= 3 * tight)
        parts.append(("\t" if wide else " ") + b.text)
    return "".join(parts)


def row_line(row: list[Word], gap: float = 0.0) -> Line:
    """Return a line of the line model for one row of words."""
    text = row_text(row)
    chars = [len(w.text) for w in row]
    total = max(sum(chars), 1)
    sizes = sorted((w.size, n) for w, n in zip(row, chars, strict=True))
    # The size of the middle character: a small symbol or a big initial does not move it.
    seen, size = 0, sizes[-1][0]
    for s, n in sizes:
        seen += n
        if seen * 2 >= total:
            size = s
            break
    bold = sum(w.bold * n for w, n in zip(row, chars, strict=True)) / total
    lead = 0
    while lead < len(row) and row[lead].bold >= 0.6:
        lead += 1
    head = " ".join(w.text for w in row[:lead])
    return Line(
        text,
        x0=min(w.x0 for w in row),
        x1=max(w.x1 for w in row),
        top=min(w.top for w in row),
        size=size,
        bold=bold >= 0.6,
        gap=max(gap, 0.0),
        head=len(head) if 0 < lead < len(row) and text.startswith(head) else 0,
    )


def region_lines(words: list[Word]) -> list[Line]:
    """Read a column-free region line by line, with a blank line where the spacing jumps."""
    rows = group_rows([w for w in words if not w.rule])
    if not rows:
        return []
    heights = [max(w.bottom - w.top for w in r) for r in rows]
    gaps = [
        min(w.top for w in b) - max(w.bottom for w in a)
        for a, b in zip(rows, rows[1:], strict=False)
    ]
    # Themes differ in line spacing; a block break is a gap clearly above the usual one.
    usual_gap = statistics.median(gaps) if gaps else 0.0
    starts = Counter(round(r[0].x0) for r in rows)
    body_left = max(starts, key=lambda x: (starts[x], -x))
    out: list[Line] = []
    prev_bottom = None
    for row, h in zip(rows, heights, strict=False):
        top = min(w.top for w in row)
        gap = top - prev_bottom if prev_bottom is not None else 0.0
        if prev_bottom is not None and gap > max(BLOCK_GAP_RATIO * h, 1.5 * usual_gap + 1):
            out.append(Line(""))
        label, rest = _split_margin_label(row, body_left)
        if label:
            out.append(row_line(label, gap))
        out.append(row_line(rest, gap))
        prev_bottom = max(w.bottom for w in row)
    return out


def lines_text(words: list[Word]) -> str:
    """Read a column-free region line by line, as text."""
    return "\n".join(line.text for line in region_lines(words))


def _split_margin_label(row: list[Word], body_left: float) -> tuple[list[Word], list[Word]]:
    """Split off a label set in the left margin from the line it heads ("Work | Lean Mind")."""
    if row[0].x0 > body_left - WIDE_GUTTER:
        return [], row
    for i in range(1, min(len(row), 4)):
        if abs(row[i].x0 - body_left) <= 8 and row[i].x0 - row[i - 1].x1 >= WIDE_GUTTER:
            return row[:i], row[i:]
    return [], row
