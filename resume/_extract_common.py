"""Text clean-up shared by the PDF and DOCX extractors."""

from __future__ import annotations

import re
import unicodedata

# Fewer letters/digits than this means there is no usable text layer.
MIN_MEANINGFUL_CHARS = 20

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MANY_BLANKS = re.compile(r"\n{3,}")
# A year run into the length printed after it ("Jan, 20243 months": two spans with no space).
_YEAR_DURATION = re.compile(
    r"\b((?:19|20)\d\d)(\d{1,2}\s*(?:years?|yrs?|months?|mos?|weeks?|days?)\b)", re.I
)


def is_private_use(ch: str) -> bool:
    """Tell whether a character is in a private-use area (icon fonts live there)."""
    return unicodedata.category(ch) == "Co"


def clean_chunk(text: str) -> str:
    """NFKC-normalise a run of text and drop icon glyphs, invisible and control characters."""
    text = unicodedata.normalize("NFKC", text)
    # Lone surrogates (from broken font maps) cannot be stored as UTF-8; icons are noise.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Co", "Cs"))
    text = _ZERO_WIDTH.sub("", text)
    return _CONTROL.sub("", text)


def normalise_text(text: str, *, keep_tabs: bool = False) -> str:
    """Clean every line, collapse runs of spaces and keep at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in clean_chunk(text).split("\n"):
        if keep_tabs:
            parts = [_SPACES.sub(" ", p).strip() for p in line.split("\t")]
            line = "\t".join(p for p in parts if p)
        else:
            line = _SPACES.sub(" ", line).strip()
        lines.append(_YEAR_DURATION.sub(r"\1 \2", line))
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def meaningful_chars(text: str) -> int:
    """Count letters and digits, the characters that carry meaning in a resume."""
    return sum(1 for ch in text if ch.isalnum())
