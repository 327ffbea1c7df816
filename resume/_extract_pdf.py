"""PDF text with a layout-aware reading order, read with pdfplumber."""

from __future__ import annotations

import os
import re
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT

from resume import _extract_pdfium
from resume._extract_common import normalise_text
from resume._extract_layout import page_blocks
from resume.errors import DamagedFile, EncryptedFile, HostileFile, NoTextFound, TooManyPages
from resume.layout import Line, align

# Pages counted before giving up on an exact figure in the error message.
COUNT_CEILING = 10_000

# Real page trees are a few levels deep; viewers give up far sooner than this.
MAX_TREE_DEPTH = 64
LITERAL_PAGES = LIT("Pages")

# Which library reads the characters: "pdfium" (C++, fast) or "pdfplumber" (pdfminer, pure
# Python, the reference). Both feed the same word, line and column rules.
PDF_READER = os.environ.get("PDF_READER", "pdfium").strip().lower() or "pdfium"

_DAMAGED = "The PDF is damaged or not readable."
_ENCRYPTED = "The PDF is encrypted; upload an unprotected copy."


def _open(path: str) -> pdfplumber.PDF:
    """Open a PDF, turning encryption and syntax failures into domain errors."""
    try:
        return pdfplumber.open(path)
    except Exception as exc:  # noqa: BLE001  (pdfminer raises many types on bad input)
        # pdfplumber wraps pdfminer's errors; look at the cause as well.
        causes = [exc, *getattr(exc, "args", ())]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise EncryptedFile(_ENCRYPTED) from None
        raise DamagedFile(_DAMAGED) from None


def count_pages(pdf: pdfplumber.PDF, ceiling: int = COUNT_CEILING) -> int:
    """Count pages by walking the page tree, refusing loops and absurd nesting."""
    doc = pdf.doc
    try:
        root = resolve1(doc.catalog.get("Pages"))
    except Exception:  # noqa: BLE001
        raise DamagedFile(_DAMAGED) from None
    if not isinstance(root, dict):
        raise DamagedFile(_DAMAGED)
    seen: set[int] = set()
    count = 0
    # Iterative depth-first walk: a hostile tree cannot exhaust the stack.
    stack: list[tuple[Any, int]] = [(doc.catalog.get("Pages"), 0)]
    while stack:
        ref, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            raise HostileFile("The PDF's page tree is nested too deeply to read.")
        objid = getattr(ref, "objid", None)
        if objid is not None:
            if objid in seen:
                raise HostileFile("The PDF's page tree loops back on itself.")
            seen.add(objid)
        try:
            node = resolve1(ref)
        except Exception:  # noqa: BLE001
            raise DamagedFile(_DAMAGED) from None
        if not isinstance(node, dict):
            continue
        kind = node.get("Type")
        kids = resolve1(node.get("Kids")) if "Kids" in node else None
        if kind is LITERAL_PAGES or (kind is None and isinstance(kids, list)):
            if not isinstance(kids, list):
                continue
            if len(seen) + len(stack) + len(kids) > ceiling * 4:
                raise HostileFile("The PDF's page tree is too large to read.")
            stack.extend((kid, depth + 1) for kid in reversed(kids))
        else:
            count += 1
            if count >= ceiling:
                return count
    return count


def read_pdf(path: str, max_pages: int, reader: str | None = None) -> tuple[str, list[Line]]:
    """Return a PDF's text in reading order and its line model, one Line per line of text."""
    # pdfminer checks the file first with either reader (encryption, page-tree loops, page
    # count), so both refuse the same files with the same errors.
    pdf = _open(path)
    try:
        n = count_pages(pdf)
        if n == 0:
            raise NoTextFound("The PDF has no pages.")
        if n > max_pages:
            shown = f"more than {COUNT_CEILING - 1}" if n >= COUNT_CEILING else str(n)
            raise TooManyPages(f"The PDF has {shown} pages; the limit is {max_pages}.")
        if (reader or PDF_READER) == "pdfplumber":
            pages = _plumber_page_lines(pdf, max_pages)
        else:
            descents = font_descents(pdf, max_pages)
    finally:
        # pdf.close() would walk the whole page tree again, the very thing refused above.
        pdf.stream.close()
    if (reader or PDF_READER) != "pdfplumber":
        pages = _pdfium_page_lines(path, max_pages, descents)
    texts = []
    lines: list[Line] = []
    for page_model in pages:
        lines.extend(page_model)
        texts.append("\n".join(line.text for line in page_model))
    text = join_hyphenated("\n\n".join(drop_page_seams(texts)))
    text = normalise_text(join_wrapped_tokens(text), keep_tabs=True)
    return text, align(text, lines) or []


def _plumber_page_lines(pdf: pdfplumber.PDF, max_pages: int) -> list[list[Line]]:
    """Return each page's lines, characters read by pdfminer through pdfplumber."""
    out = []
    for number, page in enumerate(pdf.pages[:max_pages], start=1):
        out.append(page_lines(page, number))
        page.close()
    return out


def font_descents(pdf: pdfplumber.PDF, max_pages: int) -> dict[str, float]:
    """Return each page font's descent per point as its descriptor gives it, by base name."""
    out: dict[str, float] = {}
    for page in pdf.pages[:max_pages]:
        try:
            fonts = resolve1(resolve1(page.page_obj.resources or {}).get("Font")) or {}
            for ref in fonts.values() if isinstance(fonts, dict) else ():
                font = resolve1(ref)
                if not isinstance(font, dict):
                    continue
                desc = resolve1(font.get("FontDescriptor"))
                base = getattr(resolve1(font.get("BaseFont")), "name", None)
                if isinstance(desc, dict) and isinstance(base, str):
                    value = resolve1(desc.get("Descent", 0))
                    if isinstance(value, (int, float)):
                        out.setdefault(_extract_pdfium.base_name(base), -abs(value) / 1000)
        except Exception:  # noqa: BLE001  (a damaged resource leaves PDFium's own metrics)
            continue
    return out


def _pdfium_page_lines(path: str, max_pages: int, descents: dict[str, float]) -> list[list[Line]]:
    """Return each page's lines, characters read by PDFium."""
    doc = _extract_pdfium.open_document(path)
    try:
        pages = _extract_pdfium.iter_pages(doc, max_pages, descents)
        return [page_lines(page, number) for number, page in enumerate(pages, start=1)]
    finally:
        doc.close()


_HYPHENATED = re.compile(r"([A-Za-z]*[a-z])[-\u00ad]\n([a-z][a-z]*)([^\s]*) ?")
# Word endings that cannot stand alone: "develop-\nment" was split by hyphenation.
_SUFFIXES = frozenset(
    [
        "ment",
        "ments",
        "tion",
        "tions",
        "sion",
        "sions",
        "ing",
        "ings",
        "ed",
        "er",
        "ers",
        "est",
        "ly",
        "ity",
        "ities",
        "ness",
        "ance",
        "ances",
        "ence",
        "ences",
        "able",
        "ible",
        "ive",
        "ives",
        "ure",
        "ures",
        "al",
        "ally",
        "ic",
        "ical",
        "ous",
        "age",
        "ages",
        "ation",
        "ations",
        "ist",
        "ists",
        "ism",
        "ize",
        "ized",
        "izes",
        "ise",
        "ised",
        "ility",
        "ilities",
        "ency",
        "ancy",
        "ful",
        "less",
        "ship",
        "ships",
        "ward",
        "wards",
    ]
)


def join_hyphenated(text: str) -> str:
    """Join lower-case words split by a hyphen at a line end ("develop-" / "ment")."""
    words = set(re.findall(r"[A-Za-z]+", text.lower()))

    def fix(m: re.Match[str]) -> str:
        """Return the replacement for one line-end hyphen."""
        head, tail, rest = m.group(1), m.group(2), m.group(3)
        joined = head + tail
        # Chromium only breaks lines at real hyphens unless CSS asks for hyphenation, so
        # keep the hyphen unless the tail is a bare suffix or the joined word occurs elsewhere.
        if m.group(0)[len(head)] == "\u00ad" or tail in _SUFFIXES or joined.lower() in words:
            return joined + rest + "\n"
        return head + "-" + tail + rest + "\n"

    return _HYPHENATED.sub(fix, text)


# An address or link wrapped in a narrow sidebar leaves a stub line ("example.co" + "m").
_WRAPPED_TOKEN = re.compile(r"(\S*[@/.]\S*[A-Za-z0-9])\n([a-z0-9]{1,3})$", re.MULTILINE)


def join_wrapped_tokens(text: str) -> str:
    """Rejoin an email address or URL whose last few characters wrapped onto their own line."""
    return _WRAPPED_TOKEN.sub(r"\1\2", text)


def drop_page_seams(pages: list[str]) -> list[str]:
    """Drop lines at a page's foot that reappear at the next page's head (clipped reprints)."""

    def key(line: str) -> str:
        """Return a line's letters and digits, lower-cased, for comparison."""
        return "".join(ch for ch in line.lower() if ch.isalnum())

    out = list(pages)
    for i in range(len(out) - 1):
        head_keys = {key(line) for line in out[i + 1].split("\n")[:6]}
        lines = out[i].split("\n")
        while lines and (k := key(lines[-1])) and len(k) >= 8 and k in head_keys:
            lines.pop()
        while lines and not lines[-1].strip():
            lines.pop()
        out[i] = "\n".join(lines)
    return out


def page_lines(page: Any, page_no: int = 0) -> list[Line]:
    """Return one page's lines in reading order, blocks separated by blank lines.

    Each line carries its page and its column: the number of the band between gutters that
    its block was read from (0 for the whole width), so a sidebar's lines share one number.
    """
    bands: list[tuple[float, float]] = []
    out: list[Line] = []
    for band, block in page_blocks(page):
        lines = _trim_blanks(block)
        if not any(line.text.strip() for line in lines):
            continue
        key = (round(band[0], -1), round(band[1], -1))
        if key not in bands:
            bands.append(key)
        if out:
            out.append(Line(""))
        for line in lines:
            line.page, line.column = page_no, bands.index(key)
            out.append(line)
    return out


def _trim_blanks(block: list[Line]) -> list[Line]:
    """Drop blank lines at a block's ends."""
    lo, hi = 0, len(block)
    while lo < hi and not block[lo].text.strip():
        lo += 1
    while hi > lo and not block[hi - 1].text.strip():
        hi -= 1
    return block[lo:hi]
