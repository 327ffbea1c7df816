"""PDF pages read with PDFium (C++) instead of pdfminer (pure Python), shaped like pdfplumber's.

A page offers the few things resume/_extract_lines.py reads from a pdfplumber page: its chars as
pdfplumber-style dicts (box, size, font name, upright), words grouped by pdfplumber's own
extract_words, its bbox, and its thin horizontal rules. So every grouping rule stays the same;
only the reading of characters changes. PDFium's loose character box is pdfminer's box: the
glyph's advance across, the font size up from the font's descent.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.utils import extract_words

from resume.errors import DamagedFile, EncryptedFile

_DAMAGED = "The PDF is damaged or not readable."
_ENCRYPTED = "The PDF is encrypted; upload an unprotected copy."

# A rule is a thin, wide shape: what _extract_lines._rules keeps of pdfplumber's lines and rects.
_RULE_MAX_HEIGHT = 3.0
_RULE_MIN_WIDTH = 40.0
# Path objects inspected per page: a hostile page of millions of shapes is read without rules.
_MAX_PATHS = 20_000
# Font names longer than this are cut; names are matched only for weight words.
_NAME_BUF = 128


def open_document(path: str) -> pdfium.PdfDocument:
    """Open a PDF with PDFium, turning password and format failures into domain errors."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise EncryptedFile(_ENCRYPTED) from None
        raise DamagedFile(_DAMAGED) from None


def iter_pages(doc: pdfium.PdfDocument, max_pages: int) -> Iterator[PdfiumPage]:
    """Yield up to max_pages pages of an open document, each closed after use."""
    for index in range(min(len(doc), max_pages)):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            raise DamagedFile(_DAMAGED) from None
        try:
            yield PdfiumPage(page)
        finally:
            page.close()


class PdfiumPage:
    """One page's characters and rules in pdfplumber's coordinates (top-left origin)."""

    def __init__(self, page: pdfium.PdfPage, chars: list[dict[str, Any]] | None = None) -> None:
        self._page = page
        left, bottom, right, top = page.get_mediabox()
        self._left, self._top = left, top
        self.bbox = (0.0, 0.0, right - left, top - bottom)
        self.chars = _page_chars(page, left, top) if chars is None else chars

    def filter(self, keep: Callable[[dict[str, Any]], bool]) -> PdfiumPage:
        """Return the page with only the chars that keep accepts."""
        return PdfiumPage(self._page, [c for c in self.chars if keep(c)])

    def extract_words(self, **kwargs: Any) -> list[dict[str, Any]]:
        """Group the chars into words with pdfplumber's own rules."""
        return extract_words(self.chars, **kwargs)

    @property
    def lines(self) -> list[dict[str, float]]:
        """Return no lines: every thin straight shape is listed under rects."""
        return []

    @property
    def rects(self) -> list[dict[str, float]]:
        """Return the page's straight-edged path shapes that are thin and wide (rules)."""
        return _rules(self._page, self._left, self._top)


def _page_chars(page: pdfium.PdfPage, left: float, top: float) -> list[dict[str, Any]]:
    """Return the page's characters as pdfplumber char dicts (generated spaces left out)."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        buf = ctypes.create_string_buffer(_NAME_BUF)
        flags = ctypes.c_int()
        names: dict[int, str] = {}
        out: list[dict[str, Any]] = []
        for i in range(max(n, 0)):
            code = raw.FPDFText_GetUnicode(tp, i)
            if raw.FPDFText_IsGenerated(tp, i) == 1:
                # PDFium drops space glyphs and puts its own spaces where words part; they end
                # a word as pdfminer's real spaces do. Its line breaks are not characters.
                if code == 0x20 and out:
                    out.append({**out[-1], "text": " ", "fontname": ""})
                continue
            if raw.FPDFText_HasUnicodeMapError(tp, i) == 1:
                continue
            if code == 0x02:
                # PDFium marks a hyphen that ends a line as 0x02; pdfminer keeps the hyphen.
                code = 0x2D
            if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                continue
            text = chr(code)
            if text in "\r\n":
                continue
            if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
                continue
            raw.FPDFText_GetMatrix(tp, i, matrix)
            x0, x1 = min(rect.left, rect.right), max(rect.left, rect.right)
            y0, y1 = min(rect.bottom, rect.top), max(rect.bottom, rect.top)
            upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0
            if abs(matrix.b) < 1e-6 and abs(matrix.c) < 1e-6:
                # pdfminer's box rises one font size from the font's descent; PDFium's loose
                # box starts there too but rises by the font's ascent.
                y1 = y0 + raw.FPDFText_GetFontSize(tp, i) * abs(matrix.d)
            out.append(
                {
                    "object_type": "char",
                    "text": text,
                    "x0": x0 - left,
                    "x1": x1 - left,
                    "top": top - y1,
                    "bottom": top - y0,
                    "doctop": top - y1,
                    "upright": upright,
                    "size": y1 - y0,
                    "fontname": _font_name(tp, i, buf, flags, names),
                }
            )
        return out
    finally:
        textpage.close()


def _font_name(tp: Any, i: int, buf: Any, flags: Any, names: dict[int, str]) -> str:
    """Return a character's font name, looked up once per font object."""
    obj = raw.FPDFText_GetTextObject(tp, i)
    font = raw.FPDFTextObj_GetFont(obj) if obj else None
    key = ctypes.cast(font, ctypes.c_void_p).value if font else None
    if key is not None and key in names:
        return names[key]
    length = raw.FPDFText_GetFontInfo(tp, i, buf, _NAME_BUF, flags)
    name = buf.raw[: max(length - 1, 0)].decode("utf-8", "replace") if length else ""
    if key is not None:
        names[key] = name
    return name


def _rules(page: pdfium.PdfPage, left: float, top: float) -> list[dict[str, float]]:
    """Return thin, wide path shapes drawn only with straight segments, in top-left coordinates."""
    out = []
    lo, bo, ro, to = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for k, obj in enumerate(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=1)):
        if k >= _MAX_PATHS:
            break
        segments = raw.FPDFPath_CountSegments(obj.raw)
        if not 0 < segments <= 6:
            continue
        if any(
            raw.FPDFPathSegment_GetType(raw.FPDFPath_GetPathSegment(obj.raw, s))
            == raw.FPDF_SEGMENT_BEZIERTO
            for s in range(segments)
        ):
            continue
        if not raw.FPDFPageObj_GetBounds(obj.raw, lo, bo, ro, to):
            continue
        x0, x1, y0, y1 = lo.value, ro.value, bo.value, to.value
        if y1 - y0 <= _RULE_MAX_HEIGHT and x1 - x0 >= _RULE_MIN_WIDTH:
            out.append({"x0": x0 - left, "x1": x1 - left, "top": top - y1, "bottom": top - y0})
    return out
