"""Builders of real PDF and DOCX files, friendly and hostile, for extraction and upload tests.

Every builder returns the file's bytes; write them wherever the test needs them.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

LOREM = (
    "Built data pipelines with Python and SQL for analytics teams across three regions",
    "Led migration of services to Kubernetes and cut deployment time in half",
    "Mentored junior engineers and ran weekly code reviews for the platform group",
)

# ---------------------------------------------------------------- PDF, friendly


def one_page_pdf(draw: Callable[[canvas.Canvas], None]) -> bytes:
    """Return a one-page letter PDF whose content `draw` puts on the canvas."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def text_pdf(lines: list[str] | None = None, pages: int = 1) -> bytes:
    """Return a plain one-column PDF with the given lines on each of `pages` pages."""
    lines = lines or ["Jane Doe", "Software Engineer", *LOREM]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for page in range(pages):
        y = 720
        for line in lines:
            c.setFont("Helvetica", 11)
            c.drawString(72, y, line)
            y -= 16
        c.drawString(72, 60, f"Page {page + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def two_column_pdf() -> bytes:
    """Return a resume-like page: a full-width header, then a sidebar and a main column."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 20)
        c.drawString(50, 740, "Alex Example Person Name Header Spanning")
        c.setFont("Helvetica", 10)
        left = ["Contact", "alex@example.com", "Skills", "Python", "Docker", "PostgreSQL", "Linux"]
        right = [
            "Experience",
            "Senior Engineer at Acme Corporation",
            "Designed the billing platform used by many customers",
            "Reduced cloud costs by a third with better autoscaling",
            "Engineer at Globex Industries",
            "Built internal tools for the support organisation",
            "Maintained the data warehouse and its nightly loads",
        ]
        # Same line pitch in both columns: a naive reader interleaves them line by line.
        for i, line in enumerate(left):
            c.drawString(50, 690 - 16 * i, line)
        for i, line in enumerate(right):
            c.drawString(200, 690 - 16 * i, line)

    return one_page_pdf(draw)


def short_sidebar_pdf() -> bytes:
    """Return a page with a three-line sidebar beside a long main column, baselines aligned."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        for i, line in enumerate(["Languages", "English", "Spanish"]):
            c.drawString(50, 720 - 14 * i, line)
        for i in range(12):
            c.drawString(200, 720 - 14 * i, f"Main column line {i} about {LOREM[i % 3][:40]}")

    return one_page_pdf(draw)


def dated_entries_pdf() -> bytes:
    """Return a page whose job titles carry right-aligned dates on the same line."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        y = 720
        for title, dates, lines in [
            ("Staff Engineer, Initech", "2019 - Present", LOREM[:2]),
            ("Engineer, Hooli", "2015 - 2019", LOREM[1:]),
            ("Intern, Pied Piper", "2014 - 2015", ()),
            ("Junior Developer, Vandelay", "2013 - 2014", ()),
        ]:
            c.drawString(72, y, title)
            c.drawRightString(540, y, dates)
            y -= 15
            for line in lines:
                c.drawString(72, y, line)
                y -= 15
            y -= 8

    return one_page_pdf(draw)


def letter_spaced_pdf() -> bytes:
    """Return a page with a heading set with wide letter spacing, then body text."""

    def draw(c: canvas.Canvas) -> None:
        t = c.beginText(72, 720)
        t.setFont("Helvetica-Bold", 12)
        t.setCharSpace(6)
        t.textLine("SKILLS")
        t.setCharSpace(0)
        t.setFont("Helvetica", 10)
        t.textLine("Python, Go and Terraform for cloud infrastructure automation")
        c.drawText(t)

    return one_page_pdf(draw)


def hyphenated_pdf() -> bytes:
    """Return a page where "development" is split across two lines by a hyphen."""
    return text_pdf(
        [
            "Ten years of software develop-",
            "ment in finance and retail, plus end-to-end testing of payment",
            "services and continuous delivery pipelines for mobile applications.",
        ]
    )


def ligature_pdf(font_path: str | Path) -> bytes:
    """Return a page whose text uses the single ligature character U+FB01 ("fi")."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("LigatureTestFont", str(font_path)))

    def draw(c: canvas.Canvas) -> None:
        c.setFont("LigatureTestFont", 11)
        c.drawString(72, 720, "Certi\ufb01ed \ufb01nancial analyst with pro\ufb01ciency in SQL")
        c.drawString(72, 700, "Worked on reporting, forecasting and budgeting systems")

    return one_page_pdf(draw)


def image_only_pdf() -> bytes:
    """Return a page that is only a picture (like a scan): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).text((20, 80), "Scanned resume text", fill="black")

    def draw(c: canvas.Canvas) -> None:
        c.drawImage(ImageReader(img), 72, 500, width=400, height=200)

    return one_page_pdf(draw)


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """Return a text PDF that needs a password to open."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    buf = io.BytesIO()
    enc = StandardEncryption(user_password, ownerPassword="owner-" + user_password, strength=128)
    c = canvas.Canvas(buf, pagesize=LETTER, encrypt=enc)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(LOREM):
        c.drawString(72, 720 - 16 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def truncated_pdf() -> bytes:
    """Return the first third of a valid PDF, as an interrupted upload would leave it."""
    data = text_pdf(pages=3)
    return data[: len(data) // 3]


# ---------------------------------------------------------------- PDF, hand-written


def _assemble_pdf(objects: dict[int, bytes], root: int = 1) -> bytes:
    """Return a PDF file from numbered object bodies, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    size = max(objects) + 1
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def _page_objects(first: int, parent: int) -> dict[int, bytes]:
    """Return a text page (page, content, font objects numbered from first) under parent."""
    content = b"BT /F1 12 Tf 72 720 Td (Experienced engineer with Python and SQL) Tj ET"
    return {
        first: b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
        % (parent, first + 2, first + 1),
        first + 1: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        first + 2: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }


def looping_page_tree_pdf() -> bytes:
    """Return a PDF whose page tree loops: a Pages node lists itself and its parent as kids."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 3 0 R 6 0 R] /Count 999999 >>",
        6: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 999999 >>",
    }
    objects.update(_page_objects(3, 2))
    return _assemble_pdf(objects)


def deep_page_tree_pdf(depth: int = 20000) -> bytes:
    """Return a PDF whose single page sits under `depth` nested Pages nodes."""
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    first_page = depth + 2
    for i in range(depth):
        num = 2 + i
        kid = num + 1 if i < depth - 1 else first_page
        parent = b"/Parent %d 0 R " % (num - 1) if i else b""
        objects[num] = b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, kid)
    objects.update(_page_objects(first_page, depth + 1))
    return _assemble_pdf(objects)


# ---------------------------------------------------------------- DOCX

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document_xml(body: str, prolog: str = "") -> str:
    """Return a word/document.xml with the given body XML and optional DOCTYPE prolog."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )


def _para(text: str) -> str:
    """Return one WordprocessingML paragraph of plain text."""
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def minimal_docx(document_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    """Return a DOCX package around the given document.xml text (and extra raw parts)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def billion_laughs_docx() -> bytes:
    """Return a DOCX whose body expands a nested entity to gigabytes if entities are resolved."""
    ents = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    prolog = f"<!DOCTYPE w:document [{ents}]>"
    return minimal_docx(_document_xml(_para("&lol9;") + _para(LOREM[0]), prolog))


def xxe_docx(target: str = "file:///etc/passwd") -> bytes:
    """Return a DOCX whose body pulls an external entity (a local file) into the text."""
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'
    return minimal_docx(_document_xml(_para("&xxe;") + _para(LOREM[0]), prolog))


def zip_bomb_docx(megabytes: int = 60) -> bytes:
    """Return a DOCX whose document.xml really inflates to `megabytes` MB of blank XML."""
    body = _para(LOREM[0]) + " " * (megabytes * 1024 * 1024)
    return minimal_docx(_document_xml(body))


def declared_huge_docx(declared: int = 3 * 1024**3) -> bytes:
    """Return a small DOCX whose directory claims one part inflates to `declared` bytes."""
    data = bytearray(
        minimal_docx(_document_xml(_para(LOREM[0])), {"word/media/blob.bin": b"x" * 1000})
    )
    # Patch the central directory's uncompressed size (offset 24) for the blob entry.
    name = b"word/media/blob.bin"
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, min(declared, 0xFFFFFFFE))
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def many_entries_docx(count: int = 3000) -> bytes:
    """Return a DOCX padded with thousands of tiny parts."""
    extra = {f"word/media/p{i}.bin": b"" for i in range(count)}
    return minimal_docx(_document_xml(_para(LOREM[0]) + _para(LOREM[1])), extra)


def rich_docx() -> bytes:
    """Return a python-docx document with a header, a table and a text box (with fallback)."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Taylor Header Name"
    doc.add_paragraph("Experience")
    doc.add_paragraph("Data engineer building pipelines\tfor analytics")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Python"
    table.cell(0, 1).text = "Expert"
    table.cell(1, 0).text = "Kubernetes"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Nested cell skill Terraform"
    para = doc.add_paragraph("Anchor paragraph")
    box = (
        f'<w:r xmlns:w="{_W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        "<w:p><w:r><w:t>Text box certification AWS Solutions Architect</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Text box certification AWS Solutions Architect</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    para._p.append(parse_xml(box))
    line = doc.add_paragraph("First line")
    line.runs[0].add_break()
    line.add_run("Second line after break")
    doc.add_paragraph("Closing paragraph about the candidate")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def fake_exe() -> bytes:
    """Return the first bytes of a Windows executable."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def plain_zip() -> bytes:
    """Return a ZIP archive that holds no Word document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    return buf.getvalue()


def ole_container() -> bytes:
    """Return the start of an OLE compound file: a legacy .doc, or an encrypted .docx."""
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 4000


def rtf() -> bytes:
    """Return a small RTF document."""
    return b"{\\rtf1\\ansi Jane Doe, Python engineer\\par}"
