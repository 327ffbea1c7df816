"""DOCX text in document order, read with a hardened XML parser after checking the ZIP."""

from __future__ import annotations

import posixpath
import re
import zipfile

from lxml import etree

from resume._docx_styles import Styles, paragraph_look
from resume._extract_common import normalise_text
from resume.errors import DamagedFile, HostileFile
from resume.layout import Line, align

MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART_BYTES = 30 * 1024 * 1024
# Deflate tops out near 1000:1; real Office XML is 5-30:1. Only large parts are judged.
MAX_RATIO = 200
RATIO_MIN_SIZE = 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
R_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_DTD_MARKERS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

_DAMAGED = "The Word document is damaged or not readable."


def _parser() -> etree.XMLParser:
    """Return an XML parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse archives whose size, entry count or compression ratio points to a bomb."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise HostileFile(f"The Word document has too many parts ({len(infos)}).")
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise HostileFile(
                "The Word document expands to more than 100 MB; it may be a ZIP bomb."
            )
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise HostileFile(
                "The Word document is compressed suspiciously well; it may be a ZIP bomb."
            )


def _read_xml(zf: zipfile.ZipFile, name: str) -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations outright."""
    info = zf.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise HostileFile("A part of the Word document is too large to read.")
    with zf.open(info) as fh:
        # zipfile stops at the declared size, so a lying header cannot make this grow.
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise HostileFile("A part of the Word document is too large to read.")
    if _DTD_MARKERS.search(data):
        raise HostileFile(
            "The Word document contains XML entity declarations, which are not allowed."
        )
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        raise DamagedFile(_DAMAGED) from None


def _local(tag: object) -> str:
    """Return an element's tag without its namespace ('' for comments and the like)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _ns(tag: object) -> str:
    """Return an element's namespace URI."""
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].split("}", 1)[0]


def _children_named(el: etree._Element, name: str):
    """Yield el's w:<name> children, including those wrapped in content controls."""
    for child in el:
        if _ns(child.tag) != W:
            continue
        local = _local(child.tag)
        if local == name:
            yield child
        elif local == "sdt":
            content = child.find(f"{{{W}}}sdtContent")
            if content is not None:
                yield from _children_named(content, name)
        elif local in ("customXml", "ins"):
            yield from _children_named(child, name)


_MAJOR_HEADING = re.compile(r"^(Title|Heading ?[12])$", re.IGNORECASE)


def _is_major_heading(p: etree._Element) -> bool:
    """Tell whether a paragraph is styled as a title or a top-level heading."""
    style = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    return style is not None and bool(_MAJOR_HEADING.match(style.get(f"{{{W}}}val", "")))


class _Walker:
    """Collect the text of a WordprocessingML tree as lines with their look, in document order.

    A line's text may hold line breaks (w:br); the caller splits it. Table cells are columns:
    a cell's lines carry the cell's number, so a two-column layout table reads as two columns.
    """

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.column = 0

    def blocks_of(self, container: etree._Element) -> list[Line]:
        """Return the lines of a body-like container (body, cell, text box, header)."""
        out: list[Line] = []
        for child in self._content_children(container):
            name = _local(child.tag)
            if name == "p":
                line, boxes = self._paragraph(child)
                if out and _is_major_heading(child):
                    out.append(Line(""))  # a blank line before a section heading, as on the page
                out.append(line)
                out.extend(boxes)
            elif name == "tbl":
                out.extend(self._table(child))
        return out

    def _content_children(self, container: etree._Element):
        """Yield block-level children, looking through w:sdt and mc:AlternateContent wrappers."""
        for child in container:
            name, ns = _local(child.tag), _ns(child.tag)
            if ns == W and name in ("p", "tbl"):
                yield child
            elif ns == W and name == "sdt":
                content = child.find(f"{{{W}}}sdtContent")
                if content is not None:
                    yield from self._content_children(content)
            elif ns == W and name in ("customXml", "smartTag", "ins", "sdtContent"):
                yield from self._content_children(child)
            elif ns == MC and name == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    yield from self._content_children(choice)

    def _paragraph(self, p: etree._Element) -> tuple[Line, list[Line]]:
        """Return a paragraph's own line and the lines of the text boxes anchored in it."""
        parts: list[str] = []
        boxes: list[Line] = []
        self._inline(p, parts, boxes)
        size, bold, indent = paragraph_look(p, self.styles)
        line = Line("".join(parts), x0=indent, size=size, bold=bold, column=self.column)
        return line, boxes

    def _inline(self, el: etree._Element, parts: list[str], boxes: list[Line]) -> None:
        """Append the inline text under el to parts, and its text boxes to boxes."""
        for child in el:
            name, ns = _local(child.tag), _ns(child.tag)
            if ns == MC:
                if name == "AlternateContent":
                    # Choice and Fallback hold the same text box twice; read one.
                    choice = child.find(f"{{{MC}}}Choice")
                    if choice is not None:
                        self._inline(choice, parts, boxes)
                continue
            if ns == W:
                if name == "t":
                    parts.append(child.text or "")
                    continue
                if name == "tab" and _local(el.tag) == "r":
                    parts.append("\t")
                    continue
                if name in ("br", "cr"):
                    parts.append("\n")
                    continue
                if name == "noBreakHyphen":
                    parts.append("-")
                    continue
                if name == "txbxContent":
                    for line in self.blocks_of(child):
                        if line.text.strip():
                            boxes.extend([Line(""), line] if boxes else [line])
                    continue
                if name in ("delText", "instrText", "del", "rPr", "pPr", "fldData"):
                    continue
            # Runs, hyperlinks, fields, drawings, VML shapes: look inside.
            self._inline(child, parts, boxes)

    def _table(self, tbl: etree._Element) -> list[Line]:
        """Return a table's lines: one line per row of one-line cells, else a block per cell."""
        out: list[Line] = []
        outer = self.column
        for tr in _children_named(tbl, "tr"):
            cells: list[list[Line]] = []
            for k, tc in enumerate(_children_named(tr, "tc")):
                self.column = outer * 10 + k + 1
                lines = [x for x in self.blocks_of(tc) if x.text.strip()]
                if lines:
                    cells.append(lines)
            self.column = outer
            if not cells:
                continue
            if all(len(c) == 1 and "\n" not in c[0].text for c in cells):
                first = cells[0][0]
                text = "\t".join(c[0].text for c in cells)
                out.append(Line(text, first.x0, 0.0, 0.0, first.size, first.bold, 0, 0.0, outer))
            else:
                for c in cells:
                    out.extend([Line(""), *c, Line("")])
        return out


def _related_parts(zf: zipfile.ZipFile, rel_type_suffix: str) -> list[str]:
    """Return the document's parts of one relationship type (header, footer), in rels order."""
    names = set(zf.namelist())
    rels_name = "word/_rels/document.xml.rels"
    found: list[str] = []
    if rels_name in names:
        root = _read_xml(zf, rels_name)
        for rel in root.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith("/" + rel_type_suffix) and rel.get("TargetMode") != (
                "External"
            ):
                target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
                if target in names and target not in found:
                    found.append(target)
    return found


def _part_lines(zf: zipfile.ZipFile, name: str, styles: Styles) -> list[Line]:
    """Return the lines of one header, footer or body part, one Line per line of text."""
    root = _read_xml(zf, name)
    walker = _Walker(styles)
    body = root.find(f"{{{W}}}body")
    out: list[Line] = []
    for line in walker.blocks_of(body if body is not None else root):
        for piece in line.text.split("\n"):
            out.append(Line(piece, line.x0, line.x1, 0.0, line.size, line.bold, 0, 0.0,
                            line.column))  # fmt: skip
    return out


def _styles(zf: zipfile.ZipFile) -> Styles:
    """Return the document's styles, or Word's defaults when it has none."""
    if "word/styles.xml" not in set(zf.namelist()):
        return Styles(None)
    return Styles(_read_xml(zf, "word/styles.xml"))


def _text(lines: list[Line]) -> str:
    """Return the text of some lines."""
    return "\n".join(line.text for line in lines)


def read_docx(path: str) -> tuple[str, list[Line]]:
    """Return a DOCX's text (headers, body, footers) and its line model, one Line per line."""
    try:
        zf = zipfile.ZipFile(path)
    # zipfile raises NotImplementedError for an entry needing a newer ZIP version.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise DamagedFile(_DAMAGED) from None
    with zf:
        check_zip(zf)
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise DamagedFile(_DAMAGED)
        styles = _styles(zf)
        texts: list[str] = []
        lines: list[Line] = []
        seen: set[str] = set()
        for header in _related_parts(zf, "header"):
            part = _part_lines(zf, header, styles)
            text = _text(part).strip()
            # Different first-page/even headers often repeat the same text.
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
                lines.extend(part)
        body = _part_lines(zf, "word/document.xml", styles)
        texts.append(_text(body))
        lines.extend(body)
        for footer in _related_parts(zf, "footer"):
            part = _part_lines(zf, footer, styles)
            text = _text(part).strip()
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
                lines.extend(part)
    text = normalise_text("\n\n".join(texts), keep_tabs=True)
    return text, align(text, lines) or []
