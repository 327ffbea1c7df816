"""The line model (resume/layout.py) and the rules that read it (resume/layout_rules.py).

Documents are built here (PDF with reportlab, DOCX with python-docx) and read through the
isolated extractor, so the line model is checked as it crosses the process boundary.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from resume.extract import extract_document
from resume.layout import Line, align, from_plain, to_plain
from resume.layout_rules import reflow, section_for, style_headings
from resume.parse import parse_resume

TODAY = date(2026, 1, 1)
TOP = A4[1]


def _pdf(tmp_path: Path, draw) -> Path:
    """Write a one-page PDF drawn by draw(canvas) and return its path."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    draw(c)
    c.save()
    path = tmp_path / "r.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _text(c: Canvas, x: float, y: float, text: str, size: float = 10, bold: bool = False):
    c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    c.drawString(x, TOP - y, text)


# ---------------------------------------------------------------- plain data


def test_line_model_crosses_as_plain_dicts_and_rejects_junk() -> None:
    lines = [Line("Skills", 10.0, 60.04, 50.0, 14.0, True, 1, 12.0, 2), Line("")]
    plain = to_plain(lines)
    assert plain[0]["x1"] == 60.0 and plain[1] == {"text": ""}
    back = from_plain(plain)
    assert back is not None and back[0].bold and back[0].column == 2 and not back[1].known
    assert from_plain("junk") is None and from_plain([{"text": 3}]) is None


def test_align_keeps_layout_for_lines_that_match_and_none_for_the_rest() -> None:
    lines = [Line("Experience", size=14), Line("develop-", size=10), Line("ment", size=10)]
    got = align("Experience\ndevelopment", lines)
    assert got is not None and got[0].size == 14 and not got[1].known
    assert align("anything", None) is None


# ---------------------------------------------------------------- date column


def test_a_right_hand_date_column_goes_back_on_its_entries_lines() -> None:
    # Titles in the main column; their dates in a column of their own, read after them.
    titles = [Line(t, 50, 200, top, 10, True, 1, 4, 0) for t, top in
              [("Staff Engineer, Acme", 100), ("Engineer, Initech", 140)]]  # fmt: skip
    dates = [Line(t, 450, 540, top, 10, False, 1, 4, 1) for t, top in
             [("2019 – 2025", 100.5), ("2012 – 2019", 140.5)]]  # fmt: skip
    out = reflow([Line("Experience", 50, 120, 80, 14, True, 1, 0, 0), *titles, *dates])
    assert [x.text for x in out] == [
        "Experience",
        "Staff Engineer, Acme\t2019 – 2025",
        "Engineer, Initech\t2012 – 2019",
    ]


def test_a_lone_date_beside_dated_text_is_not_a_date_column() -> None:
    lines = [Line("Engineer, Acme 2019 – 2020", 50, 300, 100, 10, False, 1, 0, 0),
             Line("2015 – 2019", 450, 540, 100, 10, False, 1, 0, 1)]  # fmt: skip
    assert [x.text for x in reflow(lines)] == [x.text for x in lines]


def test_pdf_with_dates_in_a_right_column_gives_years_of_work(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        _text(c, 50, 60, "Alex Doe", 18, bold=True)
        _text(c, 50, 100, "EXPERIENCE", 13, bold=True)
        y = 125
        for title, when in [("Senior Software Engineer, Acme", "Jan 2016 – Jan 2024"),
                            ("Software Engineer, Initech", "Jan 2012 – Jan 2016")]:  # fmt: skip
            _text(c, 50, y, title, bold=True)
            _text(c, 460, y, when, 9)
            _text(c, 50, y + 14, "Built services in Python and Go for payments.")
            y += 40
        _text(c, 50, y + 10, "EDUCATION", 13, bold=True)
        _text(c, 50, y + 35, "BSc Computer Science, University of Leeds")

    got = extract_document(_pdf(tmp_path, draw), "pdf")
    assert got.lines is not None and len(got.lines) == len(got.text.split("\n"))
    title = next(x for x in got.lines if x.text.startswith("Senior Software Engineer"))
    assert title.bold and title.size == 10 and title.page == 1
    parsed = parse_resume(got.text, TODAY, layout=got.lines)
    assert parsed.experience_years == 12


# ---------------------------------------------------------------- side columns


def test_a_narrow_column_joins_a_wrapped_tag_and_keeps_items_apart() -> None:
    rows = [("Skills", 0, 12, True), ("Python", 8, 9, False), ("C (Programming", 8, 9, False),
            ("Language)", 1.8, 9, False), ("Go", 8, 9, False),
            ("Kubernetes", 8, 9, False)]  # fmt: skip
    side = []
    top = 100.0
    for text, gap, size, bold in rows:
        top += gap + size
        side.append(Line(text, 20, 120, top, size, bold, 1, gap, 0))
    main = [Line("Experience " * 6, 200, 560, 100, 10, False, 1, 0, 1)]
    out = [x.text for x in reflow(side + main)]
    assert "C (Programming Language)" in out and "Go" in out and "Python" in out


def test_pdf_sidebar_reads_as_its_own_column_with_wrapped_and_glued_tags(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        _text(c, 20, 60, "SKILLS", 11, bold=True)
        y = 80.0
        for tag in ["Python", "C (Programming", "Language)", "Go"]:
            y += 2.0 if tag == "Language)" else 9.0
            _text(c, 24, y, tag, 8)
            y += 8
        # Two tags set in one row: a gap of an em among ordinary spaces.
        _text(c, 24, y + 9, "Feature Flags", 8)
        _text(c, 24 + c.stringWidth("Feature Flags", "Helvetica", 8) + 9.5, y + 9, "Pricing", 8)
        for k, line in enumerate(["Jordan Smith", "EXPERIENCE", "Engineer, Acme 2018 – 2024"]):
            _text(c, 220, 60 + 22 * k, line, 11, bold=k < 2)
        for k in range(8):
            _text(c, 220, 140 + 12 * k, "Shipped payment services used by many merchants.")

    got = extract_document(_pdf(tmp_path, draw), "pdf")
    assert got.lines is not None
    side = [x for x in got.lines if x.text in ("Python", "Go")]
    main = next(x for x in got.lines if x.text == "Jordan Smith")
    assert len({x.column for x in side}) == 1 and side[0].column != main.column
    text = "\n".join(x.text for x in reflow(align(got.text, got.lines) or []))
    assert "C (Programming Language)" in text.splitlines()
    assert "Feature Flags\tPricing" in text.splitlines()
    parsed = parse_resume(got.text, TODAY, layout=got.lines)
    assert {"Feature Flags", "Pricing"} <= set(parsed.skills)


# ---------------------------------------------------------------- headings by style


def test_headings_by_style_name_unknown_headings_and_skip_names() -> None:
    def body(text: str) -> Line:
        return Line(text, 50, 400, 0, 10, False, 1, 2, 0)

    def head(text: str) -> Line:
        return Line(text, 50, 200, 0, 14, True, 1, 16, 0)

    lines = [Line("Ana Lopez", 50, 200, 0, 22, True, 1, 0, 0), head("Experience"),
             body("Engineer, Acme, 2019 – 2024"), head("Education"), body("BSc, Leeds"),
             head("Things I Made"), body("Chai Tracker"), head("Miscellany"),
             body("Chess")]  # fmt: skip
    assert style_headings(lines) == {"Things I Made": "projects"}
    assert section_for("Passion Projects & Hacks") == "projects"
    assert section_for("University of Leeds") == "other"


def test_bold_titles_in_the_body_style_are_not_headings() -> None:
    lines = [Line(t, 50, 300, 0, 10, True, 1, 10, 0) for t in
             ["Experience", "Education", "Senior Engineer", "Projects"]]  # fmt: skip
    assert style_headings(lines) == {}


def test_pdf_heading_outside_the_vocabulary_opens_its_section(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        _text(c, 50, 60, "Sam Lee", 20, bold=True)
        y = 100
        for heading, rows in [
            ("Experience", ["Engineer, Acme, Jan 2020 – Dec 2024", "Built billing in Go."]),
            ("Weekend Hacks", ["Chai Tracker", "Kirana Ledger"]),
            ("Education", ["BSc Computer Science, University of Leeds, 2016 – 2019"]),
        ]:
            _text(c, 50, y, heading, 14, bold=True)
            y += 20
            for row in rows:
                _text(c, 50, y, row)
                y += 14
            y += 14

    got = extract_document(_pdf(tmp_path, draw), "pdf")
    with_layout = parse_resume(got.text, TODAY, layout=got.lines)
    assert "Weekend Hacks" not in [s.heading for s in parse_resume(got.text, TODAY).sections]
    assert {"Chai Tracker", "Kirana Ledger"} <= set(with_layout.projects)


# ---------------------------------------------------------------- DOCX


def test_docx_line_model_has_styles_bold_indent_tabs_and_cells(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Side Quests", level=1)
    p = doc.add_paragraph()
    run = p.add_run("Staff Engineer, Acme")
    run.bold = True
    p.add_run("\tJan 2019 – Dec 2024")
    q = doc.add_paragraph("Kept the lights on.")
    q.paragraph_format.left_indent = Pt(18)
    q.runs[0].font.size = Pt(9)
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "SKILLS\nPython\nGo"
    table.cell(0, 1).text = "EXPERIENCE\nEngineer, Initech\n2015 – 2018"
    path = tmp_path / "r.docx"
    doc.save(str(path))

    got = extract_document(path, "docx")
    assert got.lines is not None and len(got.lines) == len(got.text.split("\n"))
    by_text = {x.text: x for x in got.lines}
    heading = by_text["Side Quests"]
    assert heading.size > by_text["Kept the lights on."].size and heading.size >= 14
    assert heading.bold and "Staff Engineer, Acme\tJan 2019 – Dec 2024" in by_text
    assert by_text["Kept the lights on."].x0 == 18 and by_text["Kept the lights on."].size == 9
    assert by_text["Python"].column != by_text["Engineer, Initech"].column
    assert by_text["Python"].column == by_text["SKILLS"].column


def test_text_alone_still_parses() -> None:
    parsed = parse_resume("Skills\nPython, Go\n", TODAY, layout=None)
    assert {"Python", "Go"} <= set(parsed.skills)


# ---------------------------------------------------------------- bold titles


def test_run_in_bold_titles_name_the_projects_whatever_their_length() -> None:
    def run_in(name: str, rest: str, top: float) -> Line:
        return Line(f"{name} – {rest}", 60, 500, top, 10, False, 1, 4, 0, head=len(name))

    lines = [
        Line("Projects", 60, 130, 90, 14, True, 1, 20, 0),
        run_in(
            "Development and implementation of a social bond management system.",
            "Side project; open",
            110,
        ),  # fmt: skip
        Line("source, about 160 users.", 60, 200, 122, 10, False, 1, 2, 0),
        Line("Development of the Lugo Smart City initiative.", 60, 300, 136, 10, True, 1, 2, 0),
        run_in("SOA platform migration and support-maintenance.", "Prototype.", 150),
        Line("Body text set in the regular face of the page.", 60, 400, 170, 10, False, 1, 2, 0),
    ]
    text = "\n".join(x.text for x in lines)
    parsed = parse_resume(text, TODAY, layout=lines)
    assert parsed.projects == [
        "Development and implementation of a social bond management system",
        "Development of the Lugo Smart City initiative",
        "SOA platform migration and support-maintenance",
    ]


def test_pdf_line_model_marks_a_bold_run_in_head(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        _text(c, 50, 60, "Smart City platform.", bold=True)
        c.setFont("Helvetica", 10)
        c.drawString(50 + c.stringWidth("Smart City platform. ", "Helvetica-Bold", 10),
                     TOP - 60, "– Side project; open source, about 40 users.")  # fmt: skip
        _text(c, 50, 80, "Plain text under it, long enough to be the body of the page.")

    got = extract_document(_pdf(tmp_path, draw), "pdf")
    assert got.lines is not None
    line = next(x for x in got.lines if x.text.startswith("Smart City"))
    assert line.text[: line.head] == "Smart City platform." and not line.bold


def test_skill_items_joined_by_ampersand_count_only_their_words() -> None:
    parsed = parse_resume("SKILLS\nMicroservices\nVideo codec & 3D graphics\nCloud-native\n", TODAY)
    assert "Video codec & 3D graphics" in parsed.skills


# ---------------------------------------------------------------- form label columns


def _form_pdf(tmp_path: Path) -> Path:
    """A Europass-like page: right-aligned labels in a margin, each beside or above its value."""

    def draw(c: Canvas) -> None:
        def label(y: float, text: str, bold: bool = False) -> None:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 11 if bold else 10)
            c.drawRightString(180, TOP - y, text)

        label(60, "Personal skills and", bold=True)
        label(73, "competences", bold=True)
        label(95, "Technical skills")
        for k, row in enumerate(["Python, Go, Kubernetes, Terraform, PostgreSQL, Kafka,",
                                 "Docker, Redis, GraphQL"]):  # fmt: skip
            _text(c, 200, 95 + 12 * k, row)
        label(140, "Certifications", bold=True)
        # The list starts two lines under its label, as Europass sets it.
        for k, row in enumerate(["Certified Kubernetes Administrator (CKA)",
                                 "AWS Certified Solutions Architect"]):  # fmt: skip
            _text(c, 200, 164 + 13 * k, row)
        label(210, "Projects", bold=True)
        projects = [
            ("paella-index", "Index of paella recipes."),
            ("Metro Valencia Delays", "Dashboard of delays."),
            ("Spark Tuning Notes", "Notes on tuning Spark."),
        ]
        for k, (name, what) in enumerate(projects):
            label(232 + 14 * k, name)
            _text(c, 200, 232 + 14 * k, what)

    return _pdf(tmp_path, draw)


def test_a_form_reads_each_label_before_what_it_names(tmp_path: Path) -> None:
    got = extract_document(_form_pdf(tmp_path), "pdf")
    rows = [x for x in got.text.splitlines() if x.strip()]
    assert rows.index("Personal skills and competences") < rows.index("Technical skills")
    assert rows.index("Technical skills") < rows.index(
        "Python, Go, Kubernetes, Terraform, PostgreSQL, Kafka,"
    )
    assert rows.index("Certifications") + 1 == rows.index(
        "Certified Kubernetes Administrator (CKA)"
    )
    # Names set close under each other stay apart; each stands before its description.
    assert rows.index("Metro Valencia Delays") + 1 == rows.index("Dashboard of delays.")
    parsed = parse_resume(got.text, TODAY, layout=got.lines)
    assert "Certified Kubernetes Administrator (CKA)" in parsed.certifications
    assert {"paella-index", "Metro Valencia Delays", "Spark Tuning Notes"} <= set(parsed.projects)
    assert {"Python", "Kafka", "Redis"} <= set(parsed.skills)


def test_vocabulary_words_set_as_plain_text_label_a_group_not_a_section() -> None:
    def head(text: str) -> Line:
        return Line(text, 50, 200, 0, 13, True, 1, 16, 0)

    def body(text: str) -> Line:
        return Line(text, 50, 400, 0, 10, False, 1, 2, 0)

    lines = [head("Experience"), body("Engineer, Acme, 2019 – 2024"),
             head("Personal skills and competences"), body("Languages"),
             body("Méthodes agiles, Développement web"), head("Certifications"),
             body("Symfony Certified Developer")]  # fmt: skip
    assert style_headings(lines)["Languages"] == ""
    parsed = parse_resume("\n".join(x.text for x in lines), TODAY, layout=lines)
    assert "languages" not in [s.name for s in parsed.sections]


def test_a_long_project_name_opens_an_entry_after_a_blank_line() -> None:
    text = (
        "Projects\nMyAssistant: AI Chat app and agents for internal use\n"
        "Side project; open source, about 310 users.\n\n"
        "Development and implementation of a social bond management system\n"
        "Side project; open source, about 160 users.\n"
    )
    assert parse_resume(text, TODAY).projects == [
        "MyAssistant",
        "Development and implementation of a social bond management system",
    ]


def test_a_short_column_beside_one_entry_goes_back_on_its_lines() -> None:
    lines = [
        Line("Safety Consultant", 49, 139, 428.0, 10, True, 1, 20, 1),
        Line("KULR Technology Corporation", 49, 174, 440.8, 9, False, 1, 2, 1),
        Line("• Reduced incident volume by 7%.", 45, 381, 460.0, 10, False, 1, 8, 1),
        Line("Sep. 2017 – Feb. 2018", 466, 563, 426.1, 10, False, 1, 0, 2),
        Line("Toronto, ON", 510, 562, 440.8, 9, False, 1, 2, 2),
    ]
    assert [x.text for x in reflow(lines)] == [
        "Safety Consultant\tSep. 2017 – Feb. 2018",
        "KULR Technology Corporation\tToronto, ON",
        "• Reduced incident volume by 7%.",
    ]


# ---------------------------------------------------------------- DOCX layouts


def _docx(tmp_path: Path, doc) -> Path:
    path = tmp_path / "r.docx"
    doc.save(str(path))
    return path


def test_docx_dates_in_a_right_hand_cell_stay_on_their_entry(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Experience", level=1)
    table = doc.add_table(rows=2, cols=2)
    for k, (title, when) in enumerate([("Staff Engineer, Acme", "Jan 2016 – Jan 2024"),
                                       ("Engineer, Initech", "Jan 2012 – Jan 2016")]):  # fmt: skip
        table.cell(k, 0).text = title
        table.cell(k, 1).text = when
    doc.add_heading("Education", level=1)
    doc.add_paragraph("BSc Computer Science, University of Leeds")
    got = extract_document(_docx(tmp_path, doc), "docx")
    assert "Staff Engineer, Acme\tJan 2016 – Jan 2024" in got.text.splitlines()
    assert parse_resume(got.text, TODAY, layout=got.lines).experience_years == 12


def test_docx_sidebar_cell_is_a_column_of_its_own_with_its_tags(tmp_path: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    side, main = table.cell(0, 0), table.cell(0, 1)
    side.text = "SKILLS"
    for tag in ["Python", "Kubernetes", "Terraform", "PostgreSQL"]:
        side.add_paragraph(tag)
    main.text = "EXPERIENCE"
    main.add_paragraph("Platform Engineer, Acme, 2019 – 2024")
    main.add_paragraph("Ran the Kubernetes platform for forty teams.")
    got = extract_document(_docx(tmp_path, doc), "docx")
    assert got.lines is not None
    by_text = {x.text: x for x in got.lines}
    assert by_text["Python"].column == by_text["SKILLS"].column
    assert by_text["Python"].column != by_text["EXPERIENCE"].column
    parsed = parse_resume(got.text, TODAY, layout=got.lines)
    assert {"Python", "Kubernetes", "Terraform", "PostgreSQL"} <= set(parsed.skills)


def test_docx_heading_outside_the_vocabulary_found_by_its_style(tmp_path: Path) -> None:
    doc = Document()
    for heading, rows in [
        ("Experience", ["Engineer, Acme, Jan 2020 – Dec 2024", "Built billing in Go."]),
        ("Weekend Hacks", ["Chai Tracker", "Kirana Ledger"]),
        ("Education", ["BSc Computer Science, University of Leeds, 2016 – 2019"]),
    ]:
        doc.add_heading(heading, level=1)
        for row in rows:
            doc.add_paragraph(row)
    got = extract_document(_docx(tmp_path, doc), "docx")
    text_only = parse_resume(got.text, TODAY)
    with_layout = parse_resume(got.text, TODAY, layout=got.lines)
    assert "projects" not in [s.name for s in text_only.sections]
    assert {"Chai Tracker", "Kirana Ledger"} <= set(with_layout.projects)
