"""Word-style DOCX layouts written by python-docx; PDF by LibreOffice headless.

word (style "tables"): named styles (Title, Heading 1, List Bullet), a header table (name |
contact), each job as "Position<TAB>dates" on a right-aligned tab stop over an italic company
line, skills in a three-column table, education as table rows (institution | years).
word (style "tabs"): the same without tables: tab stops only.
gdocs-docx: a Google-Docs-like export: direct formatting only (no heading styles), dates on
their own upper-case line.
twopage-docx: a Word resume with a running header (the name) and a footer page number as
fields ("Page X of Y", or "X/Y" in style "slash"), set large enough to run to two pages.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from common import edu_years, heading, skills_flat, span
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor


def _tabbed(doc, left: str, right: str, bold: bool = True, width: float = 6.5):
    para = doc.add_paragraph()
    para.paragraph_format.tab_stops.add_tab_stop(Inches(width), WD_TAB_ALIGNMENT.RIGHT)
    para.paragraph_format.space_after = Pt(0)
    para.add_run(left).bold = bold
    para.add_run("\t" + right)
    return para


def _field(para, code: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) to a paragraph."""
    run = para.add_run()
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def word(p: dict, style: str, big: bool = False):
    """Return a Word-style resume Document."""
    doc = Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Inches(1)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(12 if big else 10.5)
    if style == "tables":
        tbl = doc.add_table(rows=1, cols=2)
        tbl.cell(0, 0).paragraphs[0].add_run(p["name"]).font.size = Pt(22)
        tbl.cell(0, 0).add_paragraph(p["title"])
        tbl.cell(0, 1).paragraphs[0].add_run(f"{p['email']}\n{p['phone']}\n{p['location']}")
    else:
        doc.add_paragraph(p["name"], style="Title")
        doc.add_paragraph(f"{p['title']} | {p['email']} | {p['phone']} | {p['location']}")
    if p.get("summary"):
        doc.add_heading(heading(p, "summary"), level=1)
        doc.add_paragraph(p["summary"])
    doc.add_heading(heading(p, "experience"), level=1)
    for j in p["jobs"]:
        _tabbed(doc, j["position"], span(j, "month"))
        co = doc.add_paragraph()
        co.add_run(j["company"] + (f", {j['location']}" if j["location"] else "")).italic = True
        for b in j["bullets"]:
            doc.add_paragraph(b, style="List Bullet")
    if p["education"]:
        doc.add_heading(heading(p, "education"), level=1)
        if style == "tables":
            tbl = doc.add_table(rows=0, cols=2)
            for e in p["education"]:
                row = tbl.add_row().cells
                row[0].paragraphs[0].add_run(e["institution"]).bold = True
                row[0].add_paragraph(e["degree"])
                row[1].paragraphs[0].add_run(edu_years(e))
        else:
            for e in p["education"]:
                _tabbed(doc, e["institution"], edu_years(e))
                doc.add_paragraph(e["degree"])
    doc.add_heading(heading(p, "skills"), level=1)
    if style == "tables":
        items = skills_flat(p)
        rows = (len(items) + 2) // 3
        tbl = doc.add_table(rows=rows, cols=3)
        for i, s in enumerate(items):
            tbl.cell(i % rows, i // rows).paragraphs[0].add_run(s)
    else:
        for g in p["skill_groups"]:
            para = doc.add_paragraph()
            if g["label"]:
                para.add_run(g["label"] + ": ").bold = True
            para.add_run(", ".join(g["items"]))
    if p["projects"]:
        doc.add_heading(heading(p, "projects"), level=1)
        for pr in p["projects"]:
            para = doc.add_paragraph()
            para.add_run(pr["name"]).bold = True
            if pr["desc"]:
                para.add_run(" – " + pr["desc"])
    if p["certifications"]:
        doc.add_heading(heading(p, "certifications"), level=1)
        for c in p["certifications"]:
            if c["date"]:
                _tabbed(doc, c["name"], c["date"], bold=False)
            else:
                doc.add_paragraph(c["name"])
    if p["languages"]:
        doc.add_heading(heading(p, "languages"), level=1)
        doc.add_paragraph(" · ".join(p["languages"]))
    return doc


def gdocs_docx(p: dict, style: str):
    """Return a Google-Docs-like export: direct formatting, no named heading styles."""
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)

    def head(text: str) -> None:
        para = doc.add_paragraph()
        para.paragraph_format.space_before = Pt(14)
        r = para.add_run(text.upper())
        r.bold, r.font.size, r.font.color.rgb = True, Pt(11), RGBColor(0x2B, 0x6C, 0xB0)

    r = doc.add_paragraph().add_run(p["name"])
    r.font.size = Pt(26)
    doc.add_paragraph(f"{p['location']} • {p['phone']} • {p['email']}")
    if p.get("summary"):
        head(heading(p, "summary"))
        doc.add_paragraph(p["summary"])
    head(heading(p, "experience"))
    for j in p["jobs"]:
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        para.add_run(j["company"]).bold = True
        para.add_run(f" — {j['position']}").italic = True
        d = doc.add_paragraph().add_run(span(j, "month", " - ").upper())
        d.font.size, d.font.color.rgb = Pt(8), RGBColor(0x66, 0x66, 0x66)
        for b in j["bullets"]:
            doc.add_paragraph("● " + b)
    if p["education"]:
        head(heading(p, "education"))
        for e in p["education"]:
            para = doc.add_paragraph()
            para.add_run(e["institution"]).bold = True
            para.add_run(f", {e['degree']} — {edu_years(e)}")
    head(heading(p, "skills"))
    for g in p["skill_groups"]:
        doc.add_paragraph((g["label"] + ": " if g["label"] else "") + ", ".join(g["items"]))
    if p["projects"]:
        head(heading(p, "projects"))
        for pr in p["projects"]:
            para = doc.add_paragraph()
            para.add_run(pr["name"]).bold = True
            if pr["desc"]:
                para.add_run(". " + pr["desc"])
    if p["certifications"]:
        head(heading(p, "certifications"))
        for c in p["certifications"]:
            doc.add_paragraph(c["name"])
    if p["languages"]:
        head(heading(p, "languages"))
        doc.add_paragraph(", ".join(p["languages"]))
    return doc


def twopage_docx(p: dict, style: str):
    """Return a Word resume with a running header and page-number footers."""
    doc = word(p, "tabs", big=True)
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = f"{p['name']} — Résumé"
    foot = sec.footer.paragraphs[0]
    if style == "slash":
        _field(foot, "PAGE")
        foot.add_run("/")
        _field(foot, "NUMPAGES")
    else:
        foot.add_run("Page ")
        _field(foot, "PAGE")
        foot.add_run(" of ")
        _field(foot, "NUMPAGES")
    return doc


LAYOUTS = {"word": word, "gdocs-docx": gdocs_docx, "twopage-docx": twopage_docx}


def to_pdf(src: Path, out: Path) -> None:
    """Convert a DOCX to PDF with LibreOffice headless (its own throwaway profile)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copy(Path(tmp) / (src.stem + ".pdf"), out)


def render(p: dict, family: str, style: str, out: Path) -> None:
    """Write one person through one DOCX layout to out (.docx, or .pdf via LibreOffice)."""
    doc = LAYOUTS[family](p, style)
    if out.suffix == ".docx":
        doc.save(out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.docx"
        doc.save(src)
        to_pdf(src, out)
