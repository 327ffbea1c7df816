"""Reading order for one PDF page: columns, lines, blocks."""

from __future__ import annotations

from typing import Any


def page_text(page: Any) -> str:
    """Return one page's text in reading order."""
    return page.extract_text() or ""
