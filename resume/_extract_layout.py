"""Reading order for one PDF page: columns found from whitespace gutters, then lines, then blocks.

A page is cut recursively: find the tallest vertical strip of whitespace that has text on both
sides (a gutter), read what is above it, then the text left of it, then right of it, then what
is below it. Regions without a gutter are read line by line, top to bottom. Narrow,
right-aligned text whose lines sit on the baselines of lines to its left (dates beside job
titles) is not a column: it stays on its entry's line.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from resume._extract_common import clean_chunk, is_private_use

# Narrowest whitespace, in points, that can separate columns (a space is ~3 pt at 10 pt).
MIN_GUTTER = 9.0
# Narrow gutters are trusted only when many lines on each side agree.
WIDE_GUTTER = 16.0
MAX_DEPTH = 12
# Column search uses a 1 pt grid; absurd page sizes (a hostile MediaBox) are read as lines.
MAX_GRID_CELLS = 8_000_000
# A gap inside a line wider than this many font sizes separates items, not words.
TAB_GAP_EMS = 2.0
# Text lines whose vertical gap exceeds this share of the line height start a new block.
BLOCK_GAP_RATIO = 0.75

_CID = re.compile(r"\(cid:\d+\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


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
            )
        )
    words = _join_size_changes(words)
    words.extend(_rules(page))
    return words


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


def _group_rows(words: list[Word]) -> list[list[Word]]:
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


def _row_text(row: list[Word]) -> str:
    """Join a line's words with spaces, or a tab across a gap far wider than a space.

    A wide gap inside one line separates items (tags set in a row, a title and its date);
    the tab keeps that boundary, as a DOCX tab stop does.
    """
    words = _join_letter_spaced(row)
    parts = [words[0].text] if words else []
    for a, b in zip(words, words[1:], strict=False):
        wide = b.x0 - a.x1 > TAB_GAP_EMS * max(a.size, b.size, 1.0)
        parts.append(("\t" if wide else " ") + b.text)
    return "".join(parts)


def _lines_text(words: list[Word]) -> str:
    """Read a column-free region line by line, with a blank line where the spacing jumps."""
    rows = _group_rows([w for w in words if not w.rule])
    if not rows:
        return ""
    heights = [max(w.bottom - w.top for w in r) for r in rows]
    gaps = [
        min(w.top for w in b) - max(w.bottom for w in a)
        for a, b in zip(rows, rows[1:], strict=False)
    ]
    # Themes differ in line spacing; a block break is a gap clearly above the usual one.
    usual_gap = statistics.median(gaps) if gaps else 0.0
    starts = Counter(round(r[0].x0) for r in rows)
    body_left = max(starts, key=lambda x: (starts[x], -x))
    out: list[str] = []
    prev_bottom = None
    for row, h in zip(rows, heights, strict=False):
        top = min(w.top for w in row)
        gap = top - prev_bottom if prev_bottom is not None else 0.0
        if prev_bottom is not None and gap > max(BLOCK_GAP_RATIO * h, 1.5 * usual_gap + 1):
            out.append("")
        label, rest = _split_margin_label(row, body_left)
        if label:
            out.append(_row_text(label))
        out.append(_row_text(rest))
        prev_bottom = max(w.bottom for w in row)
    return "\n".join(out)


def _split_margin_label(row: list[Word], body_left: float) -> tuple[list[Word], list[Word]]:
    """Split off a label set in the left margin from the line it heads ("Work | Lean Mind")."""
    if row[0].x0 > body_left - WIDE_GUTTER:
        return [], row
    for i in range(1, min(len(row), 4)):
        if abs(row[i].x0 - body_left) <= 8 and row[i].x0 - row[i - 1].x1 >= WIDE_GUTTER:
            return row[:i], row[i:]
    return [], row


# ---------------------------------------------------------------- columns


def _find_gutter(words: list[Word]) -> tuple[float, float, float, float] | None:
    """Return (x_left, x_right, y_top, y_bottom) of the best column gutter, or None."""
    if sum(1 for w in words if not w.rule) < 4:
        return None
    x_min = int(np.floor(min(w.x0 for w in words)))
    x_max = int(np.ceil(max(w.x1 for w in words)))
    y_min = int(np.floor(min(w.top for w in words)))
    y_max = int(np.ceil(max(w.bottom for w in words)))
    width, height = x_max - x_min, y_max - y_min
    win = int(MIN_GUTTER)
    if width <= win + 2 or height <= 2 or width * height > MAX_GRID_CELLS:
        return None
    occ = np.zeros((height, width), dtype=bool)
    for w in words:
        occ[
            int(w.top) - y_min : int(np.ceil(w.bottom)) - y_min,
            int(w.x0) - x_min : int(np.ceil(w.x1)) - x_min,
        ] = True
    free = ~occ
    # free_w[y, x]: the window of width `win` starting at x is free at row y.
    n = width - win + 1
    free_w = free[:, :n].copy()
    for k in range(1, win):
        free_w &= free[:, k : k + n]
    # Vertical runs of free windows, per x: candidate strips.
    padded = np.zeros((height + 2, n), dtype=np.int8)
    padded[1:-1] = free_w
    diff = np.diff(padded, axis=0)
    starts_y, starts_x = np.nonzero(diff == 1)
    ends_y, ends_x = np.nonzero(diff == -1)
    order_s = np.lexsort((starts_y, starts_x))
    order_e = np.lexsort((ends_y, ends_x))
    sx, sy = starts_x[order_s], starts_y[order_s]
    ey = ends_y[order_e]
    run_len = ey - sy
    keep = run_len >= 20
    if not keep.any():
        return None
    sx, sy, ey, run_len = sx[keep], sy[keep], ey[keep], run_len[keep]
    # Many neighbouring x positions describe the same strip; examine each strip once.
    seen: set[tuple[int, int, int]] = set()
    cand = []
    for idx in np.argsort(-run_len, kind="stable"):
        key = (int(sy[idx]), int(ey[idx]), int(sx[idx]) // 24)
        if key in seen:
            continue
        seen.add(key)
        cand.append((int(sx[idx]) + x_min, int(sy[idx]) + y_min, int(ey[idx]) + y_min))
        if len(cand) >= 40:
            break
    for x, ya, yb in cand:
        found = _check_strip(words, x + win / 2, ya, yb)
        if found is not None:
            return found
    return None


def _check_strip(
    words: list[Word], x_mid: float, ya: float, yb: float
) -> tuple[float, float, float, float] | None:
    """Accept a whitespace strip as a gutter when both sides hold real columns of text."""
    inside = [w for w in words if not w.rule and w.top >= ya - 0.5 and w.bottom <= yb + 0.5]
    left = [w for w in inside if w.x1 <= x_mid]
    right = [w for w in inside if w.x0 >= x_mid]
    if not left or not right:
        return None
    left_rows, right_rows = _group_rows(left), _group_rows(right)
    xa = max(w.x1 for w in left)
    xb = min(w.x0 for w in right)
    gutter = xb - xa
    if gutter < MIN_GUTTER or len(left_rows) < 2 or len(right_rows) < 2:
        return None
    if gutter < WIDE_GUTTER and min(len(left_rows), len(right_rows)) < 4:
        return None
    if _is_attached_column(left_rows, right_rows, words):
        return None
    return xa, xb, ya, yb


def _is_attached_column(
    left_rows: list[list[Word]], right_rows: list[list[Word]], words: list[Word]
) -> bool:
    """Tell whether one side only annotates the other's lines (dates at right, labels at left)."""
    region_x0 = min(w.x0 for w in words if not w.rule)
    region_x1 = max(w.x1 for w in words if not w.rule)
    right_x0 = min(w.x0 for r in right_rows for w in r)
    if (region_x1 - right_x0) <= 0.4 * (region_x1 - region_x0):
        ends = [max(w.x1 for w in r) for r in right_rows]
        # Right-aligned text ends at the same x to a fraction of a point; ragged text does not.
        # Sections may pad differently, so each line need only share its end with another.
        aligned = sum(
            any(abs(e - f) <= 0.8 for k, f in enumerate(ends) if k != i) for i, e in enumerate(ends)
        )
        right_aligned = aligned >= 0.7 * len(ends)
        # Short dated lines ("2016 — 2019", "Apr 2017") beside entries are their dates too.
        texts = [_row_text(r) for r in right_rows]
        dates = all(_YEAR.search(t) and len(t.split()) <= 5 for t in texts)
        if (right_aligned or dates) and _share_of_rows_on(right_rows, left_rows) >= 0.7:
            return True
    # Section labels in a left margin: few, far apart, each on the first line of its section.
    # A short sidebar also has few lines and may share baselines, but they follow each other.
    return (
        2 * len(left_rows) <= len(right_rows)
        and _sparse(left_rows)
        and _share_of_rows_on(left_rows, right_rows) >= 0.7
    )


def _sparse(rows: list[list[Word]], heights: float = 3.0) -> bool:
    """Tell whether consecutive rows are far apart (several line heights), not a text column."""
    if len(rows) < 2:
        return True
    tops = [min(w.top for w in r) for r in rows]
    height = statistics.median(max(w.bottom - w.top for w in r) for r in rows)
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    return statistics.median(steps) > heights * height


def _share_of_rows_on(rows: list[list[Word]], others: list[list[Word]]) -> float:
    """Return the share of rows whose vertical centre falls within one of the other rows."""
    bands = [(min(w.top for w in r), max(w.bottom for w in r)) for r in others]
    hits = 0
    for r in rows:
        cy = sum(w.cy for w in r) / len(r)
        if any(top <= cy <= bottom for top, bottom in bands):
            hits += 1
    return hits / max(len(rows), 1)


def _layout(words: list[Word], depth: int = 0) -> list[str]:
    """Return the text blocks of a region in reading order."""
    if not any(not w.rule for w in words):
        return []
    gutter = _find_gutter(words) if depth < MAX_DEPTH else None
    if gutter is None:
        return [_lines_text(words)]
    xa, xb, ya, yb = _trim_grid_gutter(words, gutter)
    x_mid = (xa + xb) / 2
    above, left, right, below = [], [], [], []
    for w in words:
        if w.cy < ya:
            above.append(w)
        elif w.cy > yb:
            below.append(w)
        elif (w.x0 + w.x1) / 2 < x_mid:
            left.append(w)
        else:
            right.append(w)
    blocks: list[str] = []
    if _is_label_column(left, right):
        blocks.extend(_layout(above, depth + 1))
        blocks.extend(_interleave_labels(left, right, depth + 1))
        blocks.extend(_layout(below, depth + 1))
        return blocks
    for part in (above, left, right, below):
        blocks.extend(_layout(part, depth + 1))
    return blocks


def _trim_grid_gutter(
    words: list[Word], gutter: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """End a gutter where a row of side-by-side entries ends, not at the page's foot.

    Entries set two to a row (education cards) leave a whitespace strip that runs on down
    the page when only the left side continues, under a new heading; what follows the row
    is read after both entries, not between them. The row shows as lines on shared baselines
    on both sides, then a clear gap before the side that continues.
    """
    xa, xb, ya, yb = gutter
    x_mid = (xa + xb) / 2
    inside = [w for w in words if not w.rule and ya <= w.cy <= yb]
    left = _group_rows([w for w in inside if (w.x0 + w.x1) / 2 < x_mid])
    right = _group_rows([w for w in inside if (w.x0 + w.x1) / 2 >= x_mid])
    if len(left) < 2 or len(right) < 2:
        return gutter
    short, long_ = sorted((left, right), key=lambda rows: _span(rows)[1])
    end = _span(short)[1]
    beside = [r for r in long_ if _span([r])[0] <= end]
    after = [r for r in long_ if _span([r])[0] > end]
    if not after or len(beside) < 2 or _share_of_rows_on(short, beside) < 0.8:
        return gutter
    heights = [max(w.bottom - w.top for w in r) for r in long_]
    steps = [_span([b])[0] - _span([a])[1] for a, b in zip(beside, beside[1:], strict=False)]
    usual = statistics.median(steps) if steps else 0.0
    gap = _span([after[0]])[0] - _span([beside[-1]])[1]
    if gap > max(2 * statistics.median(heights), 1.5 * usual + 1):
        return xa, xb, ya, (end + _span([after[0]])[0]) / 2
    return gutter


def _is_label_column(left: list[Word], right: list[Word]) -> bool:
    """Tell whether the left side is a margin of labels (headings, dates) for the right side.

    Some layouts set each section's heading and each entry's dates in a narrow left margin,
    centred on the entry rather than on its first line. Such a margin is narrow, holds few
    lines far apart, and each line sits beside a block of the right side; a sidebar of its
    own content (contact, skills) is a dense column instead.
    """
    left_rows = _group_rows([w for w in left if not w.rule])
    right_rows = _group_rows([w for w in right if not w.rule])
    if len(left_rows) < 3 or len(left_rows) > len(right_rows):
        return False
    left_w = max(w.x1 for r in left_rows for w in r) - min(w.x0 for r in left_rows for w in r)
    right_w = max(w.x1 for r in right_rows for w in r) - min(w.x0 for r in right_rows for w in r)
    if left_w > 0.6 * right_w or not _sparse(left_rows, 2.0):
        return False
    # The margin carries the entries' dates; a sidebar leaves them with the entries on the right.
    left_dates = sum(bool(_YEAR.search(_row_text(r))) for r in left_rows)
    right_dates = sum(bool(_YEAR.search(_row_text(r))) for r in right_rows)
    if left_dates < 2 or 2 * right_dates >= left_dates:
        return False
    # A label may stand a line above or below the block it belongs to.
    pad = statistics.median(max(w.bottom - w.top for w in r) for r in right_rows)
    spans = [_span(b) for b in _row_blocks(right_rows)]
    beside = sum(any(a - pad <= _centre(r) <= b + pad for a, b in spans) for r in left_rows)
    if beside < 0.7 * len(left_rows):
        return False
    # A heading and a date, or a wrapped title, per entry; a list beside one entry is a sidebar.
    per_block = Counter(i for _, i in _assign_labels(left_rows, spans))
    return max(per_block.values()) <= 3


def _span(rows: list[list[Word]]) -> tuple[float, float]:
    """Return the vertical extent of some rows."""
    return min(w.top for r in rows for w in r), max(w.bottom for r in rows for w in r)


def _centre(row: list[Word]) -> float:
    """Return a row's vertical centre."""
    return sum(w.cy for w in row) / len(row)


def _row_blocks(rows: list[list[Word]]) -> list[list[list[Word]]]:
    """Group consecutive rows into blocks, breaking where the gap jumps above the usual one."""
    if not rows:
        return []
    gaps = [_span([b])[0] - _span([a])[1] for a, b in zip(rows, rows[1:], strict=False)]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    blocks = [[rows[0]]]
    for row, gap in zip(rows[1:], gaps, strict=False):
        h = max(w.bottom - w.top for w in row)
        if gap > max(BLOCK_GAP_RATIO * h, 1.5 * usual_gap + 1):
            blocks.append([row])
        else:
            blocks[-1].append(row)
    return blocks


def _join_wrapped(rows: list[list[Word]]) -> list[tuple[str, float]]:
    """Return (text, centre) per label, joining rows set tight under each other (a wrap)."""
    out: list[tuple[str, float]] = []
    prev_bottom = None
    for row in rows:
        top, bottom = _span([row])
        h = max(w.bottom - w.top for w in row)
        if out and prev_bottom is not None and top - prev_bottom < 0.6 * h:
            text, centre = out[-1]
            out[-1] = (f"{text} {_row_text(row)}", (centre + _centre(row)) / 2)
        else:
            out.append((_row_text(row), _centre(row)))
        prev_bottom = bottom
    return out


def _assign_labels(
    left_rows: list[list[Word]], spans: list[tuple[float, float]]
) -> list[tuple[str, int]]:
    """Pair each margin label with the block beside it, else the next below, else the last."""
    out = []
    for text, c in _join_wrapped(left_rows):
        i = next((k for k, (a, b) in enumerate(spans) if a <= c <= b), None)
        if i is None:
            i = next((k for k, (a, _) in enumerate(spans) if a > c), len(spans) - 1)
        out.append((text, i))
    return out


def _interleave_labels(left: list[Word], right: list[Word], depth: int) -> list[str]:
    """Read each right-side block after the margin labels set beside it."""
    right_blocks = _row_blocks(_group_rows([w for w in right if not w.rule]))
    spans = [_span(b) for b in right_blocks]
    labels: list[list[str]] = [[] for _ in right_blocks]
    for text, i in _assign_labels(_group_rows([w for w in left if not w.rule]), spans):
        labels[i].append(text)
    out: list[str] = []
    for block, head in zip(right_blocks, labels, strict=False):
        body = _layout([w for r in block for w in r], depth)
        out.append("\n".join(head + body))
    return out


def page_text(page: Any) -> str:
    """Return one page's text in reading order, blocks separated by blank lines."""
    blocks = _layout(page_words(page))
    return "\n\n".join(b for b in blocks if b.strip())
