"""Label columns: a narrow margin of labels (headings, dates, a form's field names) read
together with the text it labels, rather than as a column of its own."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable

from resume._extract_lines import BLOCK_GAP_RATIO, Word, group_rows, row_line, row_text
from resume.layout import Line

# Dates in a label column beside values with none: a form's labels, not a sidebar.
FORM_MIN_DATES = 3
# Labels set this much (points) further apart than a column's tightest rows are separate.
WRAP_GAP_STEP = 1.5
# How many line heights above its block a right-aligned form label may stand.
MARGIN_LABEL_PAD = 3.0

# A year, 1900-2099: what makes a short line a date.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A line that ends on a word like these, or a comma, goes on in the next one.
_OPEN_END = re.compile(r"(?:,|&|\b(?:and|or|of|the|for|in|to|with|a|an|de|y|et|und))$", re.I)

# Reads a region (words, depth, band) into blocks of lines: the column finder, passed in.
Reader = Callable[
    [list[Word], int, tuple[float, float]], list[tuple[tuple[float, float], list[Line]]]
]


def sparse(rows: list[list[Word]], heights: float = 3.0) -> bool:
    """Tell whether consecutive rows are far apart (several line heights), not a text column."""
    if len(rows) < 2:
        return True
    tops = [min(w.top for w in r) for r in rows]
    height = statistics.median(max(w.bottom - w.top for w in r) for r in rows)
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    return statistics.median(steps) > heights * height


def share_of_rows_on(rows: list[list[Word]], others: list[list[Word]]) -> float:
    """Return the share of rows whose vertical centre falls within one of the other rows."""
    bands = [(min(w.top for w in r), max(w.bottom for w in r)) for r in others]
    hits = 0
    for r in rows:
        cy = sum(w.cy for w in r) / len(r)
        if any(top <= cy <= bottom for top, bottom in bands):
            hits += 1
    return hits / max(len(rows), 1)


def is_label_column(left: list[Word], right: list[Word]) -> bool:
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
    left_dates = sum(bool(YEAR.search(row_text(r))) for r in left_rows)
    right_dates = sum(bool(YEAR.search(row_text(r))) for r in right_rows)
    # A form's label column (Europass: "Occupation or position held" beside each value) is
    # dense, with several labels per entry, but it holds every date and the values none.
    margin = label_margin(left_rows, right_rows)
    form = (left_dates >= FORM_MIN_DATES and right_dates == 0) or margin
    if len(left_rows) > len(right_rows) and not form:
        return False
    if left_w > 0.6 * right_w or not (form or sparse(left_rows, 2.0)):
        return False
    if not form and (left_dates < 2 or 2 * right_dates >= left_dates):
        return False
    # A label may stand a line above or below the block it belongs to.
    pad = statistics.median(max(w.bottom - w.top for w in r) for r in right_rows)
    # A form's label may stand a few lines above a list it names; page furniture (a footer in
    # the margin) stands beside nothing.
    if margin:
        pad *= MARGIN_LABEL_PAD
    spans = [span(b) for b in row_blocks(right_rows)]
    beside = sum(any(a - pad <= centre(r) <= b + pad for a, b in spans) for r in left_rows)
    if beside < (0.5 if margin else 0.7) * len(left_rows):
        return False
    # A heading and a date, or a wrapped title, per entry; a list beside one entry is a sidebar.
    per_block = Counter(i for _, i in assign_labels(left_rows, spans))
    return form or max(per_block.values()) <= 3


def label_margin(left_rows: list[list[Word]], right_rows: list[list[Word]]) -> bool:
    """Tell whether the left side is a form's labels: lines set flush against the gutter.

    Europass-style forms right-align each label ("Technical skills", "Certifications") to
    the gutter, on the first line of the block it names; a sidebar's own lines are set
    flush left.
    """
    if len(left_rows) < 3:
        return False
    ends = [max(w.x1 for w in r) for r in left_rows]
    starts = [min(w.x0 for w in r) for r in left_rows]
    right_edge = max(ends)
    flush_right = sum(right_edge - e <= 1.0 for e in ends)
    # Labels of different lengths: right-aligned, not a left-aligned column of one width.
    ragged_left = max(starts) - min(starts) > 8.0
    return ragged_left and flush_right >= 0.8 * len(ends)


def span(rows: list[list[Word]]) -> tuple[float, float]:
    """Return the vertical extent of some rows."""
    return min(w.top for r in rows for w in r), max(w.bottom for r in rows for w in r)


def centre(row: list[Word]) -> float:
    """Return a row's vertical centre."""
    return sum(w.cy for w in row) / len(row)


def row_blocks(rows: list[list[Word]]) -> list[list[list[Word]]]:
    """Group consecutive rows into blocks, breaking where the gap jumps above the usual one."""
    if not rows:
        return []
    gaps = [span([b])[0] - span([a])[1] for a, b in zip(rows, rows[1:], strict=False)]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    blocks = [[rows[0]]]
    for row, gap in zip(rows[1:], gaps, strict=False):
        h = max(w.bottom - w.top for w in row)
        if gap > max(BLOCK_GAP_RATIO * h, 1.5 * usual_gap + 1):
            blocks.append([row])
        else:
            blocks[-1].append(row)
    return blocks


def join_wrapped(rows: list[list[Word]]) -> list[tuple[Line, float]]:
    """Return (line, centre) per label, joining rows set tight under each other (a wrap).

    Names set close under each other are labels of their own ("paella-index" over "Metro
    Valencia Delays"). A row goes on from the one above when it is set at the column's
    tightest gap and either the column sets its labels further apart than that, or the
    words say so: lower case, an open end ("and"), or a heading in capitals.
    """
    gaps = [span([b])[0] - span([a])[1] for a, b in zip(rows, rows[1:], strict=False)]
    sizes = [round(2 * statistics.median(w.size for w in r)) / 2 for r in rows]
    cuts: dict[float, float] = {}
    for size in set(sizes):
        # Gaps between rows of one size; halfway from the tightest to the closest one apart.
        same = [g for k, g in enumerate(gaps) if sizes[k] == sizes[k + 1] == size]
        apart = [g for g in same if g >= min(same) + WRAP_GAP_STEP] if same else []
        if apart:
            cuts[size] = (min(same) + min(apart)) / 2
    groups: list[list[list[Word]]] = []
    for k, row in enumerate(rows):
        h = max(w.bottom - w.top for w in row)
        gap = gaps[k - 1] if k else 0.0
        text, above = row_text(row), row_text(groups[-1][-1]) if groups else ""
        says = (
            text[:1].islower()
            or _OPEN_END.search(above) is not None
            or (text.isupper() and above.isupper())
        )
        cut = cuts.get(sizes[k]) if k and sizes[k] == sizes[k - 1] else None
        if groups and gap < 0.6 * h and (says or (cut is not None and gap < cut)):
            groups[-1].append(row)
        else:
            groups.append([row])
    out = []
    for group in groups:
        line = row_line([w for r in group for w in r])
        line.text = " ".join(row_text(r) for r in group)
        out.append((line, sum(centre(r) for r in group) / len(group)))
    return out


def assign_labels(
    left_rows: list[list[Word]], spans: list[tuple[float, float]]
) -> list[tuple[Line, int]]:
    """Pair each margin label with the block beside it, else the next below, else the last."""
    out = []
    for line, c in join_wrapped(left_rows):
        i = next((k for k, (a, b) in enumerate(spans) if a <= c <= b), None)
        if i is None:
            i = next((k for k, (a, _) in enumerate(spans) if a > c), len(spans) - 1)
        out.append((line, i))
    return out


def interleave_labels(
    left: list[Word], right: list[Word], depth: int, band: tuple[float, float], read: Reader
) -> list[list[Line]]:
    """Read each right-side block after the margin labels set beside it."""
    right_blocks = row_blocks(group_rows([w for w in right if not w.rule]))
    spans = [span(b) for b in right_blocks]
    labels: list[list[Line]] = [[] for _ in right_blocks]
    for line, i in assign_labels(group_rows([w for w in left if not w.rule]), spans):
        labels[i].append(line)
    out: list[list[Line]] = []
    for block, head in zip(right_blocks, labels, strict=False):
        body = read([w for r in block for w in r], depth, band)
        out.append(head + [line for _, b in body for line in b])
    return out


def merge_form_labels(
    label_rows: list[list[Word]],
    right: list[Word],
    depth: int,
    band: tuple[float, float],
    read: Reader,
) -> list[Line]:
    """Read a form line by line: each label before the first value line at or below it.

    A form sets each label on the baseline of its value's first line ("Metro Valencia
    Delays" beside "Dashboard of train delays"), or a little above a list it names.
    """
    body: list[Line] = []
    for _, block in read(right, depth, band):
        if body:
            body.append(Line(""))
        body.extend(block)
    out: list[Line] = []
    labels = [line for line, _ in join_wrapped(label_rows)]
    for label in labels:
        # A label names what is beside it; a closing full stop ("Lugo Smart City initiative.")
        # would make it read as a sentence.
        if re.search(r"[a-z]{3}\.$", label.text) and not re.search(r"[a-z]\.\s", label.text):
            label.text = label.text[:-1]
    k = 0
    for line in body:
        while k < len(labels) and line.text.strip() and labels[k].top <= line.top + line.size / 2:
            out.append(labels[k])
            k += 1
        out.append(line)
    return out + labels[k:]
