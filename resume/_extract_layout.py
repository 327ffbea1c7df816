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
from typing import Any

import numpy as np

from resume._extract_lines import (
    BLOCK_GAP_RATIO,
    WIDE_GUTTER,
    Word,
    group_rows,
    page_words,
    region_lines,
    row_line,
    row_text,
)
from resume.layout import Line

# Narrowest whitespace, in points, that can separate columns (a space is ~3 pt at 10 pt).
MIN_GUTTER = 9.0
# Real layouts nest a few columns deep; the recursion stops well before the stack could.
MAX_DEPTH = 12
# Column search uses a 1 pt grid; absurd page sizes (a hostile MediaBox) are read as lines.
MAX_GRID_CELLS = 8_000_000

# Dates in a label column beside values with none: a form's labels, not a sidebar.
FORM_MIN_DATES = 3
# How many line heights above its block a right-aligned form label may stand.
MARGIN_LABEL_PAD = 3.0

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


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
    left_rows, right_rows = group_rows(left), group_rows(right)
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
        texts = [row_text(r) for r in right_rows]
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


# A block of lines and the horizontal band of the page it was read from: the gutters that cut
# the page bound the band, so blocks of one column share it.
Block = tuple[tuple[float, float], list[Line]]
_WHOLE = (float("-inf"), float("inf"))


def _layout(words: list[Word], depth: int = 0, band: tuple[float, float] = _WHOLE) -> list[Block]:
    """Return the blocks of lines of a region in reading order, each with its band."""
    if not any(not w.rule for w in words):
        return []
    gutter = _find_gutter(words) if depth < MAX_DEPTH else None
    if gutter is None:
        return [(band, region_lines(words))]
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
    blocks: list[Block] = []
    if _is_label_column(left, right):
        blocks.extend(_layout(above, depth + 1, band))
        blocks.extend((band, b) for b in _interleave_labels(left, right, depth + 1, band))
        blocks.extend(_layout(below, depth + 1, band))
        return blocks
    sides = ((band[0], x_mid), (x_mid, band[1]))
    for part, part_band in zip((above, left, right, below), (band, *sides, band), strict=True):
        blocks.extend(_layout(part, depth + 1, part_band))
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
    left = group_rows([w for w in inside if (w.x0 + w.x1) / 2 < x_mid])
    right = group_rows([w for w in inside if (w.x0 + w.x1) / 2 >= x_mid])
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
    left_rows = group_rows([w for w in left if not w.rule])
    right_rows = group_rows([w for w in right if not w.rule])
    if len(left_rows) < 3 or not right_rows:
        return False
    left_w = max(w.x1 for r in left_rows for w in r) - min(w.x0 for r in left_rows for w in r)
    right_w = max(w.x1 for r in right_rows for w in r) - min(w.x0 for r in right_rows for w in r)
    # The margin carries the entries' dates; a sidebar leaves them with the entries on the right.
    left_dates = sum(bool(_YEAR.search(row_text(r))) for r in left_rows)
    right_dates = sum(bool(_YEAR.search(row_text(r))) for r in right_rows)
    # A form's label column (Europass: "Occupation or position held" beside each value) is
    # dense, with several labels per entry, but it holds every date and the values none.
    margin = _label_margin(left_rows, right_rows)
    form = (left_dates >= FORM_MIN_DATES and right_dates == 0) or margin
    if len(left_rows) > len(right_rows) and not form:
        return False
    if left_w > 0.6 * right_w or not (form or _sparse(left_rows, 2.0)):
        return False
    if not form and (left_dates < 2 or 2 * right_dates >= left_dates):
        return False
    # A label may stand a line above or below the block it belongs to.
    pad = statistics.median(max(w.bottom - w.top for w in r) for r in right_rows)
    # A form's label may stand a few lines above a list it names; page furniture (a footer in
    # the margin) stands beside nothing.
    if margin:
        pad *= MARGIN_LABEL_PAD
    spans = [_span(b) for b in _row_blocks(right_rows)]
    beside = sum(any(a - pad <= _centre(r) <= b + pad for a, b in spans) for r in left_rows)
    if beside < (0.5 if margin else 0.7) * len(left_rows):
        return False
    # A heading and a date, or a wrapped title, per entry; a list beside one entry is a sidebar.
    per_block = Counter(i for _, i in _assign_labels(left_rows, spans))
    return form or max(per_block.values()) <= 3


def _label_margin(left_rows: list[list[Word]], right_rows: list[list[Word]]) -> bool:
    """Tell whether the left side is a form's labels: few lines, set flush against the gutter.

    Europass-style forms right-align each label ("Technical skills", "Certifications") to
    the gutter, on the first line of the block it names; a sidebar's own lines are set
    flush left, and as densely as the main column.
    """
    if len(left_rows) < 3 or 2 * len(left_rows) > len(right_rows):
        return False
    ends = [max(w.x1 for w in r) for r in left_rows]
    starts = [min(w.x0 for w in r) for r in left_rows]
    right_edge = max(ends)
    flush_right = sum(right_edge - e <= 1.0 for e in ends)
    # Labels of different lengths: right-aligned, not a left-aligned column of one width.
    ragged_left = max(starts) - min(starts) > 8.0
    return ragged_left and flush_right >= 0.8 * len(ends)


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


def _join_wrapped(rows: list[list[Word]]) -> list[tuple[Line, float]]:
    """Return (line, centre) per label, joining rows set tight under each other (a wrap)."""
    groups: list[list[list[Word]]] = []
    prev_bottom = None
    for row in rows:
        top, bottom = _span([row])
        h = max(w.bottom - w.top for w in row)
        if groups and prev_bottom is not None and top - prev_bottom < 0.6 * h:
            groups[-1].append(row)
        else:
            groups.append([row])
        prev_bottom = bottom
    out = []
    for group in groups:
        line = row_line([w for r in group for w in r])
        line.text = " ".join(row_text(r) for r in group)
        out.append((line, sum(_centre(r) for r in group) / len(group)))
    return out


def _assign_labels(
    left_rows: list[list[Word]], spans: list[tuple[float, float]]
) -> list[tuple[Line, int]]:
    """Pair each margin label with the block beside it, else the next below, else the last."""
    out = []
    for line, c in _join_wrapped(left_rows):
        i = next((k for k, (a, b) in enumerate(spans) if a <= c <= b), None)
        if i is None:
            i = next((k for k, (a, _) in enumerate(spans) if a > c), len(spans) - 1)
        out.append((line, i))
    return out


def _interleave_labels(
    left: list[Word], right: list[Word], depth: int, band: tuple[float, float]
) -> list[list[Line]]:
    """Read each right-side block after the margin labels set beside it."""
    right_blocks = _row_blocks(group_rows([w for w in right if not w.rule]))
    spans = [_span(b) for b in right_blocks]
    labels: list[list[Line]] = [[] for _ in right_blocks]
    for line, i in _assign_labels(group_rows([w for w in left if not w.rule]), spans):
        labels[i].append(line)
    out: list[list[Line]] = []
    for block, head in zip(right_blocks, labels, strict=False):
        body = _layout([w for r in block for w in r], depth, band)
        out.append(head + [line for _, b in body for line in b])
    return out


def page_blocks(page: Any) -> list[Block]:
    """Return one page's blocks of lines in reading order, each with its band."""
    return _layout(page_words(page))
