"""Reading order for one PDF page: columns found from whitespace gutters, then lines, then blocks.

A page is cut recursively: find the tallest vertical strip of whitespace that has text on both
sides (a gutter), read what is above it, then the text left of it, then right of it, then what
is below it. Regions without a gutter are read line by line, top to bottom. Narrow,
right-aligned text whose lines sit on the baselines of lines to its left (dates beside job
titles) is not a column: it stays on its entry's line.
"""

from __future__ import annotations

import statistics
from typing import Any

import numpy as np

from resume._extract_labels import (
    YEAR,
    interleave_labels,
    is_label_column,
    label_margin,
    merge_form_labels,
    share_of_rows_on,
    span,
    sparse,
)
from resume._extract_lines import (
    WIDE_GUTTER,
    Word,
    group_rows,
    page_words,
    region_lines,
    row_text,
)
from resume.layout import Line

# Narrowest whitespace, in points, that can separate columns (a space is ~3 pt at 10 pt).
MIN_GUTTER = 9.0
# Real layouts nest a few columns deep; the recursion stops well before the stack could.
MAX_DEPTH = 12
# Column search uses a 1 pt grid; absurd page sizes (a hostile MediaBox) are read as lines.
MAX_GRID_CELLS = 8_000_000


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
        dates = all(YEAR.search(t) and len(t.split()) <= 5 for t in texts)
        if (right_aligned or dates) and share_of_rows_on(right_rows, left_rows) >= 0.7:
            return True
    # Section labels in a left margin: few, far apart, each on the first line of its section.
    # A short sidebar also has few lines and may share baselines, but they follow each other.
    return (
        2 * len(left_rows) <= len(right_rows)
        and sparse(left_rows)
        and share_of_rows_on(left_rows, right_rows) >= 0.7
    )


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
    if is_label_column(left, right):
        blocks.extend(_layout(above, depth + 1, band))
        rows = group_rows([w for w in left if not w.rule])
        if label_margin(rows, group_rows([w for w in right if not w.rule])):
            blocks.append((band, merge_form_labels(rows, right, depth + 1, band, _layout)))
        else:
            blocks.extend(
                (band, b) for b in interleave_labels(left, right, depth + 1, band, _layout)
            )
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
    short, long_ = sorted((left, right), key=lambda rows: span(rows)[1])
    end = span(short)[1]
    beside = [r for r in long_ if span([r])[0] <= end]
    after = [r for r in long_ if span([r])[0] > end]
    if not after or len(beside) < 2 or share_of_rows_on(short, beside) < 0.8:
        return gutter
    heights = [max(w.bottom - w.top for w in r) for r in long_]
    steps = [span([b])[0] - span([a])[1] for a, b in zip(beside, beside[1:], strict=False)]
    usual = statistics.median(steps) if steps else 0.0
    gap = span([after[0]])[0] - span([beside[-1]])[1]
    if gap > max(2 * statistics.median(heights), 1.5 * usual + 1):
        return xa, xb, ya, (end + span([after[0]])[0]) / 2
    return gutter


def page_blocks(page: Any) -> list[Block]:
    """Return one page's blocks of lines in reading order, each with its band."""
    return _layout(page_words(page))
