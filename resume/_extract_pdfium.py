"""PDF pages read with PDFium (C++) instead of pdfminer (pure Python), shaped like pdfplumber's.

A page offers the few things resume/_extract_lines.py reads from a pdfplumber page: its chars as
pdfplumber-style dicts (box, size, font name, upright), words grouped by pdfplumber's own
extract_words, its bbox, and its thin horizontal rules. So every grouping rule stays the same;
only the reading of characters changes. Each char gets pdfminer's box: from the glyph's origin
across its advance, and one font size up from the descent the font's descriptor gives.
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
# A space up to this share of the font size wider than the letter gaps beside it is tracking;
# those gaps are looked for this many letters away at most.
_TRACKING_SLACK = 0.08
_TRACKING_REACH = 40
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


def iter_pages(
    doc: pdfium.PdfDocument, max_pages: int, descents: dict[str, float] | None = None
) -> Iterator[PdfiumPage]:
    """Yield up to max_pages pages of an open document, each closed after use."""
    for index in range(min(len(doc), max_pages)):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            raise DamagedFile(_DAMAGED) from None
        try:
            yield PdfiumPage(page, descents=descents)
        finally:
            page.close()


class PdfiumPage:
    """One page's characters and rules in pdfplumber's coordinates (top-left origin)."""

    def __init__(
        self,
        page: pdfium.PdfPage,
        chars: list[dict[str, Any]] | None = None,
        descents: dict[str, float] | None = None,
    ) -> None:
        self._page = page
        left, bottom, right, top = page.get_mediabox()
        self._left, self._top = left, top
        self.bbox = (0.0, 0.0, right - left, top - bottom)
        if chars is None:
            chars = _page_chars(page, left, top, descents or {})
        self.chars = chars

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


def _page_chars(
    page: pdfium.PdfPage, left: float, top: float, descents: dict[str, float]
) -> list[dict[str, Any]]:
    """Return the page's characters as pdfplumber char dicts, with a space where words part."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        fonts: dict[int | None, tuple[str, float]] = {}
        # Each char's text object, by address: it has one font, so its name and descent are
        # looked up once per object, not once per char.
        objects: dict[int | None, tuple[str, float]] = {}
        pending = False
        out: list[dict[str, Any]] = []
        # Bound once: a dense page makes ten of these calls for each of thousands of chars.
        get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
        map_error, loose_box = raw.FPDFText_HasUnicodeMapError, raw.FPDFText_GetLooseCharBox
        get_matrix, font_size = raw.FPDFText_GetMatrix, raw.FPDFText_GetFontSize
        char_origin = raw.FPDFText_GetCharOrigin
        for i in range(max(n, 0)):
            code = get_unicode(tp, i)
            if is_generated(tp, i) == 1:
                # PDFium reports space glyphs as spaces of its own, and adds more where letters
                # are set apart; its line breaks are not characters.
                pending = pending or code == 0x20
                continue
            if map_error(tp, i) == 1:
                continue
            if code == 0x02:
                # PDFium marks a hyphen that ends a line as 0x02; pdfminer keeps the hyphen.
                code = 0x2D
            if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                continue
            text = chr(code)
            if text in "\r\n":
                continue
            if not loose_box(tp, i, rect):
                continue
            get_matrix(tp, i, matrix)
            x0, x1 = min(rect.left, rect.right), max(rect.left, rect.right)
            y0, y1 = min(rect.bottom, rect.top), max(rect.bottom, rect.top)
            upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0
            size = y1 - y0
            address = _text_object_address(tp, i)
            found = objects.get(address) if address else None
            if found is None:
                found = _font(tp, i, address, fonts, descents)
                if address:
                    objects[address] = found
            name, descent = found
            if abs(matrix.b) < 1e-6 and abs(matrix.c) < 1e-6:
                # pdfminer's box rises one font size from the font's descent below the
                # baseline; PDFium's loose box spans the font's (or a glyph's) ascent instead.
                size = font_size(tp, i) * abs(matrix.d)
                if char_origin(tp, i, ox, oy):
                    y0 = oy.value + descent * size
                    # A glyph under /ActualText (Chromium's small caps) gets its ink box as
                    # its loose box; pdfminer's box starts at the glyph's origin.
                    x0 = ox.value
                    x1 = max(x1, x0)
                y1 = y0 + size
            if pending and out:
                out.append({**out[-1], "text": " ", "fontname": ""})
            pending = False
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
                    # Rounded: words part where the size changes, so float noise must not.
                    "size": round(size, 3),
                    "fontname": name,
                }
            )
        return _drop_tracking_spaces(out)
    finally:
        textpage.close()


# FPDFText_GetTextObject and FPDFTextObj_GetFont returning addresses as ints: pypdfium2's typed
# pointers would need a ctypes.cast per char to be compared (some PDFs set each char apart).
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value
)
_font_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(
    ctypes.cast(raw.FPDFTextObj_GetFont, ctypes.c_void_p).value
)


def _font(
    tp: Any,
    i: int,
    text_object: int | None,
    fonts: dict[int | None, tuple[str, float]],
    descents: dict[str, float],
) -> tuple[str, float]:
    """Return a character's font name and descent per point of size, once per font object."""
    key = _font_address(text_object) if text_object else None
    if key is not None and key in fonts:
        return fonts[key]
    font = ctypes.cast(key, raw.FPDF_FONT) if key else None
    buf, flags = ctypes.create_string_buffer(_NAME_BUF), ctypes.c_int()
    length = raw.FPDFText_GetFontInfo(tp, i, buf, _NAME_BUF, flags)
    name = buf.raw[: max(length - 1, 0)].decode("utf-8", "replace") if length else ""
    descent = ctypes.c_float()
    if not (font and raw.FPDFFont_GetDescent(font, ctypes.c_float(1.0), descent)):
        descent.value = 0.0
    # pdfminer takes the descent from the font's descriptor, even a zero one; PDFium then falls
    # back to the font program's, which moves the text's box.
    base = ctypes.create_string_buffer(_NAME_BUF)
    if font and raw.FPDFFont_GetBaseFontName(font, base, _NAME_BUF):
        descent.value = descents.get(base_name(base.value.decode("latin-1")), descent.value)
    fonts[key] = (name, min(descent.value, 0.0))
    return fonts[key]


def base_name(name: str) -> str:
    """Return a font name without its subset tag ("ABCDEF+Arial" -> "Arial")."""
    head, plus, tail = name.partition("+")
    return tail if plus and len(head) == 6 and head.isupper() else name


def _drop_tracking_spaces(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop PDFium's spaces that part letter-spaced capitals ("PR OJECTS"), keep word spaces.

    PDFium reports a space glyph as a space of its own and also adds spaces where letters
    stand apart; pdfminer parts such letters only by their gap. A space between words is wider
    than the gaps between the nearest letters of the same line with no space between them; a
    space no wider than those is tracking.
    """
    letters = [k for k, c in enumerate(chars) if c["text"] != " "]
    pairs = list(zip(letters, letters[1:], strict=False))
    gaps: list[float | None] = []
    for a, b in pairs:
        ca, cb = chars[a], chars[b]
        same_line = abs(ca["bottom"] - cb["bottom"]) <= 0.5 * max(ca["size"], 0.1)
        gaps.append(cb["x0"] - ca["x1"] if same_line and cb["x0"] >= ca["x0"] else None)
    spaced = [b - a >= 2 for a, b in pairs]
    drop: set[int] = set()
    for j, (a, b) in enumerate(pairs):
        gap = gaps[j]
        if not spaced[j] or gap is None:
            continue
        beside = [_nearest_unspaced(gaps, spaced, j, step) for step in (-1, 1)]
        found = [g for g in beside if g is not None]
        if found and gap <= min(found) + _TRACKING_SLACK * chars[a]["size"]:
            drop.update(range(a + 1, b))
    return [c for k, c in enumerate(chars) if k not in drop]


def _nearest_unspaced(
    gaps: list[float | None], spaced: list[bool], j: int, step: int
) -> float | None:
    """Return the nearest gap on one side of gap j, on its line, with no space in it."""
    for k in range(j + step, j + step * (_TRACKING_REACH + 1), step):
        if not 0 <= k < len(gaps) or gaps[k] is None:
            return None
        if not spaced[k]:
            return gaps[k]
    return None


def _rules(page: pdfium.PdfPage, left: float, top: float) -> list[dict[str, float]]:
    """Return thin, wide path shapes drawn only with straight segments, in top-left coordinates."""
    out = []
    lo, bo, ro, to = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    # The page's own objects through the raw API, not page.get_objects(): that wraps every
    # object (thousands of text objects on a dense page) in a Python helper before filtering,
    # which cost as much as reading the page's characters.
    handle = page.raw
    paths = 0
    for i in range(max(raw.FPDFPage_CountObjects(handle), 0)):
        obj = raw.FPDFPage_GetObject(handle, i)
        if not obj or raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        paths += 1
        if paths > _MAX_PATHS:
            break
        segments = raw.FPDFPath_CountSegments(obj)
        if not 0 < segments <= 6:
            continue
        if any(
            raw.FPDFPathSegment_GetType(raw.FPDFPath_GetPathSegment(obj, s))
            == raw.FPDF_SEGMENT_BEZIERTO
            for s in range(segments)
        ):
            continue
        if not raw.FPDFPageObj_GetBounds(obj, lo, bo, ro, to):
            continue
        x0, x1, y0, y1 = lo.value, ro.value, bo.value, to.value
        if y1 - y0 <= _RULE_MAX_HEIGHT and x1 - x0 >= _RULE_MIN_WIDTH:
            out.append({"x0": x0 - left, "x1": x1 - left, "top": top - y1, "bottom": top - y0})
    return out
