"""The line model: what the page knows about each line of a resume's text, as plain data.

Extraction (PDF and DOCX, in the isolated child) describes every line it writes: where it
starts and ends across the page, its font size, whether it is bold, its page, its column and
the vertical gap above it. The description crosses the process boundary as a list of dicts
(`to_plain` / `from_plain`), one per line of the text, and the parser uses it to find headings
by style, put a column of dates back beside its entries and read side columns apart. Without
a description (text pasted or stored before), the parser reads the text alone, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass
class Line:
    """One line of text with its place and style; a blank line has empty text."""

    text: str
    # Left and right edges, in points from the page's left (DOCX: indent and tab stops).
    x0: float = 0.0
    x1: float = 0.0
    # Top edge on its page, in points; 0 when unknown (DOCX has no fixed page geometry).
    top: float = 0.0
    # Median font size in points; 0 when unknown.
    size: float = 0.0
    bold: bool = False
    page: int = 0
    # Vertical whitespace above the line, in points, from the previous line of its column.
    gap: float = 0.0
    # Column (region) the line was read from: lines of one column share the number.
    column: int = 0
    # Characters of a bold run that opens a line set regular after it (a run-in title).
    head: int = 0

    @property
    def known(self) -> bool:
        """Tell whether the line carries layout at all (a size), not just text."""
        return self.size > 0


_FIELDS = [f.name for f in fields(Line)]


def to_plain(lines: list[Line]) -> list[dict[str, Any]]:
    """Return the lines as JSON-ready dicts, numbers rounded to a tenth of a point."""
    out = []
    for line in lines:
        d: dict[str, Any] = {"text": line.text}
        if line.known:
            for name in _FIELDS[1:]:
                value = getattr(line, name)
                d[name] = round(value, 1) if isinstance(value, float) else value
        out.append(d)
    return out


def from_plain(data: object) -> list[Line] | None:
    """Rebuild lines from plain dicts; None when the data is missing or not a line list."""
    if not isinstance(data, list):
        return None
    out = []
    for d in data:
        if not isinstance(d, dict) or not isinstance(d.get("text"), str):
            return None
        kwargs: dict[str, Any] = {"text": d["text"]}
        for name in _FIELDS[1:]:
            value = d.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                kwargs[name] = int(value) if name in ("page", "column", "head") else float(value)
            elif name == "bold" and isinstance(value, bool):
                kwargs[name] = value
        out.append(Line(**kwargs))
    return out


def _key(text: str) -> str:
    """Return a line's letters and digits, lower-cased, for matching text to layout."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


# Clean-up after layout (hyphen joins, page seams) shifts lines a little; look this far ahead.
_ALIGN_WINDOW = 8


def align(text: str, lines: list[Line] | None) -> list[Line] | None:
    """Return one Line per line of text, matched by content; unmatched lines carry no layout.

    The text is the extractor's, after clean-up that may join, drop or reflow a few lines;
    matching in order with a short look-ahead keeps every other line's layout.
    """
    if not lines:
        return None
    rows = text.split("\n")
    out: list[Line] = []
    j = 0
    for row in rows:
        k = _key(row)
        found = None
        if k:
            for m in range(j, min(j + _ALIGN_WINDOW, len(lines))):
                if _key(lines[m].text) == k:
                    found = m
                    break
        if found is None:
            out.append(Line(row))
            continue
        src = lines[found]
        # Clean-up may change a line's spacing; a bold head no longer at its start is dropped.
        head = src.head if row.startswith(src.text[: src.head]) else 0
        out.append(replace(src, text=row, head=head))
        j = found + 1
    return out


def body_size(lines: list[Line]) -> float:
    """Return the font size most of the text is set in (weighted by characters), or 0."""
    sizes: dict[float, int] = {}
    for line in lines:
        if line.known and line.text.strip():
            s = round(line.size * 2) / 2
            sizes[s] = sizes.get(s, 0) + len(line.text)
    if not sizes:
        return 0.0
    return max(sizes, key=lambda s: sizes[s])


_CAPS = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")


def style_of(line: Line) -> tuple[float, bool, bool]:
    """Return a line's style: size to half a point, bold, and set in capitals."""
    return round(line.size * 2) / 2, line.bold, bool(_CAPS.match(line.text.strip()))
