"""Tests for resume.extract: type sniffing, isolation, hostile files and reading order."""

from __future__ import annotations

import os
import signal
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from api.errors import status_for
from resume import extract as extract_module
from resume._extract_common import normalise_text
from resume._extract_pdf import join_hyphenated, join_wrapped_tokens
from resume.errors import ResumeError, TextTooLong, UnreadableFile, UnsupportedFileType
from resume.extract import extract_text, sniff_kind
from tests import hostile

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

DEV_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write bytes to a file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _extract(tmp_path: Path, name: str, data: bytes, **kwargs: object) -> str:
    """Sniff and extract a file the way the upload view does."""
    kind = sniff_kind(data, name)
    return extract_text(_write(tmp_path, name, data), kind, **kwargs)


def _refused(tmp_path: Path, name: str, data: bytes, **kwargs: object) -> ResumeError:
    """Return the ResumeError that extracting this file raises."""
    with pytest.raises(ResumeError) as info:
        _extract(tmp_path, name, data, **kwargs)
    return info.value


# ---------------------------------------------------------------- sniffing


def test_sniff_accepts_pdf_and_docx_with_matching_names() -> None:
    assert sniff_kind(hostile.text_pdf(), "CV.PDF") == "pdf"
    assert sniff_kind(hostile.rich_docx(), "resume.Docx") == "docx"


def test_zip_entry_needing_a_newer_zip_version_is_a_4xx(tmp_path: Path) -> None:
    # zipfile raises NotImplementedError (not BadZipFile) for "version needed to extract" > 6.3.
    data = bytearray(hostile.rich_docx())
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (64).to_bytes(2, "little")
    with pytest.raises(ResumeError) as caught:
        sniff_kind(bytes(data), "resume.docx")
    assert 400 <= status_for(caught.value) < 500
    # Past the sniffer too (the reader is called with the kind), it is a damaged file.
    with pytest.raises(ResumeError) as caught:
        extract_text(_write(tmp_path, "new.docx", bytes(data)), "docx")
    assert 400 <= status_for(caught.value) < 500


def test_sniff_refuses_empty_file_with_422() -> None:
    with pytest.raises(ResumeError) as info:
        sniff_kind(b"", "resume.pdf")
    assert isinstance(info.value, UnreadableFile)
    assert status_for(info.value) == 422
    assert info.value.message == "The file is empty."


@pytest.mark.parametrize(
    ("data_factory", "name", "found"),
    [
        (hostile.fake_exe, "resume.pdf", "Windows executable"),
        (hostile.plain_zip, "resume.pdf", "ZIP archive"),
        (hostile.rich_docx, "resume.pdf", "Word document"),
        (hostile.text_pdf, "resume.docx", "a PDF"),
        (hostile.plain_zip, "resume.docx", "ZIP archive without a Word document"),
        (hostile.fake_exe, "resume.docx", "Windows executable"),
        (lambda: b"Jane Doe, engineer", "resume.txt", ".txt"),
        (hostile.text_pdf, "resume.doc", ".doc"),
        (hostile.text_pdf, "resume", "no extension"),
    ],
)
def test_sniff_refuses_mismatched_content_with_415(data_factory, name: str, found: str) -> None:
    with pytest.raises(ResumeError) as info:
        sniff_kind(data_factory(), name)
    assert isinstance(info.value, UnsupportedFileType)
    assert status_for(info.value) == 415
    assert found in info.value.message


# ---------------------------------------------------------------- hostile files


@pytest.mark.parametrize(
    ("name", "factory", "says"),
    [
        ("bomb.docx", hostile.zip_bomb_docx, "ZIP bomb"),
        ("declared.docx", hostile.declared_huge_docx, "ZIP bomb"),
        ("parts.docx", hostile.many_entries_docx, "too many parts"),
        ("laughs.docx", hostile.billion_laughs_docx, "entity declarations"),
        ("xxe.docx", hostile.xxe_docx, "entity declarations"),
        ("loop.pdf", hostile.looping_page_tree_pdf, "loops"),
        ("deep.pdf", hostile.deep_page_tree_pdf, "nested too deeply"),
        ("truncated.pdf", hostile.truncated_pdf, "PDF"),
        ("encrypted.pdf", hostile.encrypted_pdf, "encrypted"),
        ("scan.pdf", hostile.image_only_pdf, "no text layer"),
    ],
)
def test_hostile_file_is_refused_with_422(tmp_path: Path, name: str, factory, says: str) -> None:
    error = _refused(tmp_path, name, factory())
    assert status_for(error) == 422
    assert says in error.message


def test_xxe_file_content_never_reaches_the_text(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE-123")
    error = _refused(tmp_path, "xxe.docx", hostile.xxe_docx(secret.as_uri()))
    assert "TOPSECRET" not in error.message


def test_pdf_over_page_cap_names_count_and_limit(tmp_path: Path) -> None:
    error = _refused(tmp_path, "long.pdf", hostile.text_pdf(pages=25))
    assert status_for(error) == 422
    assert error.message == "The PDF has 25 pages; the limit is 20."


def test_page_cap_is_configurable(tmp_path: Path) -> None:
    text = _extract(tmp_path, "long.pdf", hostile.text_pdf(pages=25), max_pages=30)
    assert text.count("Software Engineer") == 25


def test_timeout_kills_the_child_and_raises_422(tmp_path: Path) -> None:
    error = _refused(tmp_path, "slow.pdf", hostile.text_pdf(pages=20), timeout=0.001)
    assert status_for(error) == 422
    assert "too long" in error.message


def test_memory_limit_ends_in_422_not_a_dead_caller(tmp_path: Path) -> None:
    error = _refused(tmp_path, "big.pdf", hostile.text_pdf(pages=5), memory_mb=1)
    assert status_for(error) == 422


def test_caller_stays_healthy_after_hostile_files(tmp_path: Path) -> None:
    pid = os.getpid()
    for name, factory in [
        ("deep.pdf", hostile.deep_page_tree_pdf),
        ("laughs.docx", hostile.billion_laughs_docx),
    ]:
        _refused(tmp_path, name, factory())
    _refused(tmp_path, "slow.pdf", hostile.text_pdf(pages=20), timeout=0.001)
    assert os.getpid() == pid
    text = _extract(tmp_path, "fine.pdf", hostile.text_pdf())
    assert text.startswith("Jane Doe\nSoftware Engineer")


def test_concurrent_extractions_each_get_their_own_text(tmp_path: Path) -> None:
    paths = []
    for i in range(6):
        lines = [f"Candidate number {i}", "Backend developer", *hostile.LOREM]
        paths.append(_write(tmp_path, f"c{i}.pdf", hostile.text_pdf(lines)))
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda p: extract_text(p, "pdf"), paths))
    for i, text in enumerate(texts):
        assert text.splitlines()[0] == f"Candidate number {i}"


def test_fork_server_is_restarted_when_it_dies(tmp_path: Path) -> None:
    path = _write(tmp_path, "cv.pdf", hostile.text_pdf())
    assert extract_text(path, "pdf").startswith("Jane Doe")
    server = extract_module._fork_server
    if server is None or server._proc is None:
        pytest.skip("extraction is not using the fork server")
    server._proc.kill()
    server._proc.wait(5)
    assert extract_text(path, "pdf").startswith("Jane Doe")


def test_forked_caller_gets_its_own_fork_server(tmp_path: Path) -> None:
    # gunicorn forks workers from a master that may have used extraction already.
    path = _write(tmp_path, "cv.pdf", hostile.text_pdf())
    assert extract_text(path, "pdf").startswith("Jane Doe")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            code = 0 if extract_text(path, "pdf").startswith("Jane Doe") else 3
        finally:
            os._exit(code)
    for _ in range(300):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked caller hung")
    assert os.waitstatus_to_exitcode(status) == 0
    assert extract_text(path, "pdf").startswith("Jane Doe")


def test_missing_file_is_422(tmp_path: Path) -> None:
    with pytest.raises(ResumeError) as info:
        extract_text(tmp_path / "gone.pdf", "pdf")
    assert isinstance(info.value, UnreadableFile)
    assert status_for(info.value) == 422


# ---------------------------------------------------------------- PDF reading order


def test_two_columns_are_not_interleaved(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "two.pdf", hostile.two_column_pdf()).splitlines()
    assert lines[0] == "Alex Example Person Name Header Spanning"
    left = ["Contact", "alex@example.com", "Skills", "Python", "Docker", "PostgreSQL", "Linux"]
    right = [
        "Experience",
        "Senior Engineer at Acme Corporation",
        "Designed the billing platform used by many customers",
        "Engineer at Globex Industries",
    ]
    for line in left + right:
        assert line in lines
    assert max(lines.index(x) for x in left) < min(lines.index(x) for x in right)
    assert lines.index("Skills") + 1 == lines.index("Python")


def test_short_sidebar_with_aligned_baselines_is_its_own_block(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "side.pdf", hostile.short_sidebar_pdf()).splitlines()
    assert lines[:3] == ["Languages", "English", "Spanish"]
    assert lines[4].startswith("Main column line 0 about")
    assert lines[-1].startswith("Main column line 11 about")


def test_right_aligned_dates_stay_on_their_entry_line(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "dated.pdf", hostile.dated_entries_pdf()).splitlines()
    # The wide gap before the dates is kept as a tab.
    assert "Staff Engineer, Initech\t2019 - Present" in lines
    assert "Intern, Pied Piper\t2014 - 2015" in lines
    assert "Junior Developer, Vandelay\t2013 - 2014" in lines


def test_letter_spaced_heading_is_rejoined(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "spaced.pdf", hostile.letter_spaced_pdf()).splitlines()
    assert lines[0] == "SKILLS"
    assert lines[1].startswith("Python, Go and Terraform")


def _small_caps_pdf() -> bytes:
    """Return a page whose headings are set in small caps: a large initial, smaller capitals."""

    def draw(c: Canvas) -> None:
        y = 720
        for big, rest in (("C", "ONTACT"), ("W", "ORK")):
            c.setFont("Helvetica-Bold", 13)
            c.drawString(72, y, big)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(72 + c.stringWidth(big, "Helvetica-Bold", 13) + 0.3, y, rest)
            c.setFont("Helvetica", 10)
            c.drawString(72, y - 16, "Plain body text under the heading, in one size")
            y -= 48

    return hostile.one_page_pdf(draw)


def test_small_caps_heading_is_one_word(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "caps.pdf", _small_caps_pdf()).splitlines()
    assert "CONTACT" in lines
    assert "WORK" in lines
    assert "Plain body text under the heading, in one size" in lines


def _label_margin_pdf(*, dates_on_right: bool = False) -> bytes:
    """Return a page whose section headings and entry dates sit in a narrow left margin.

    Each label is centred beside its entry rather than on the entry's first line, as some
    themes set them. With dates_on_right the entries carry their own dates and the margin
    holds a sidebar list instead.
    """

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 10)
        entries = [
            ("EXPERIENCE", "2019 TO PRESENT", "Staff Engineer at Initech", 4),
            (None, "2015 TO 2019", "Developer at Globex", 3),
            ("EDUCATION", "2011 TO 2015", "State University", 2),
        ]
        y = 720.0
        for heading, dates, title, n_lines in entries:
            block_top = y
            c.drawString(220, y, title + (f" {dates}" if dates_on_right else ""))
            for k in range(1, n_lines):
                c.drawString(
                    220, y - 14 * k, f"Detail line {k} about {title.split()[0].lower()} work"
                )
            centre = block_top - 14 * (n_lines - 1) / 2
            if heading:
                c.drawString(60, block_top + 4, heading)
            c.drawString(60, centre - 6, "Go, SQL" if dates_on_right else dates)
            y -= 14 * n_lines + 24

    return hostile.one_page_pdf(draw)


def test_margin_labels_are_read_before_the_entry_beside_them(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "margin.pdf", _label_margin_pdf()).splitlines()
    lines = [x for x in lines if x]
    i = lines.index("Staff Engineer at Initech")
    assert lines[i - 2 : i] == ["EXPERIENCE", "2019 TO PRESENT"]
    assert lines[lines.index("Developer at Globex") - 1] == "2015 TO 2019"
    j = lines.index("State University")
    assert lines[j - 2 : j] == ["EDUCATION", "2011 TO 2015"]
    # Each entry's details stay with it, after the label.
    assert lines.index("Detail line 3 about staff work") < lines.index("2015 TO 2019")


def test_margin_without_the_dates_is_read_as_its_own_column(tmp_path: Path) -> None:
    text = _extract(tmp_path, "side.pdf", _label_margin_pdf(dates_on_right=True))
    lines = [x for x in text.splitlines() if x]
    assert "Staff Engineer at Initech 2019 TO PRESENT" in lines
    # The entries are not split up by the margin's lines.
    i = lines.index("Staff Engineer at Initech 2019 TO PRESENT")
    assert lines[i + 1] == "Detail line 1 about staff work"


def _entry_grid_pdf() -> bytes:
    """Return a page with two education entries side by side, then a section on the left."""

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 720, "EDUCATION")
        c.setFont("Helvetica", 10)
        for x, lines in (
            (
                50,
                ["Delft University of Technology", "Sep 2015 - Dec 2017", "MSc - Computer Science"],
            ),
            (310, ["University of Lagos", "Sep 2010 - Jun 2015", "BEng - Electrical Engineering"]),
        ):
            for k, line in enumerate(lines):
                c.drawString(x, 690 - 14 * k, line)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 600, "PUBLICATIONS")
        c.setFont("Helvetica", 10)
        for k, line in enumerate(["Low-resource speech recognition", "Interspeech", "2020"]):
            c.drawString(50, 575 - 14 * k, line)

    return hostile.one_page_pdf(draw)


def test_row_of_side_by_side_entries_is_read_before_what_follows(tmp_path: Path) -> None:
    lines = [x for x in _extract(tmp_path, "grid.pdf", _entry_grid_pdf()).splitlines() if x]
    assert lines.index("University of Lagos") < lines.index("PUBLICATIONS")
    assert lines.index("MSc - Computer Science") < lines.index("University of Lagos")
    assert lines[lines.index("PUBLICATIONS") + 1] == "Low-resource speech recognition"


def _two_pad_dates_pdf() -> bytes:
    """Return entries with right-aligned dates whose sections pad the right edge differently."""

    def draw(c: Canvas) -> None:
        y = 720.0
        for edge, entries in (
            (
                567.5,
                [
                    ("Initech | Staff Engineer", "2019"),
                    ("Globex | Developer", "2015"),
                    ("Hooli | Intern", "2014"),
                ],
            ),
            (570.0, [("CKA | CNCF", "May 2020"), ("Terraform Associate | HashiCorp", "Aug 2021")]),
        ):
            for title, dates in entries:
                c.setFont("Helvetica", 10)
                c.drawString(100, y, title)
                c.drawRightString(edge, y, dates)
                c.drawString(100, y - 14, "Detail line about this entry and its work")
                y -= 40

    return hostile.one_page_pdf(draw)


def test_right_aligned_dates_with_two_paddings_stay_on_their_lines(tmp_path: Path) -> None:
    text = _extract(tmp_path, "pads.pdf", _two_pad_dates_pdf())
    lines = [" ".join(x.split()) for x in text.splitlines()]
    assert "Initech | Staff Engineer 2019" in lines
    assert "Globex | Developer 2015" in lines
    assert "Hooli | Intern 2014" in lines
    assert "CKA | CNCF May 2020" in lines
    assert "Terraform Associate | HashiCorp Aug 2021" in lines


def _tag_row_pdf() -> bytes:
    """Return a skills row of tags set apart by wide gaps, as chips in a grid."""

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(72, 720, "Skills")
        x = 72.0
        for tag in ("Critical Care", "Patient Education", "Wound Care"):
            c.drawString(x, 700, tag)
            x += c.stringWidth(tag, "Helvetica", 10) + 36
        c.drawString(72, 680, "Ordinary words keep their single spaces")

    return hostile.one_page_pdf(draw)


def test_wide_gaps_in_a_row_become_tabs(tmp_path: Path) -> None:
    lines = _extract(tmp_path, "tags.pdf", _tag_row_pdf()).splitlines()
    assert "Critical Care\tPatient Education\tWound Care" in lines
    assert "Ordinary words keep their single spaces" in lines


def _margin_heads_and_ragged_dates_pdf() -> bytes:
    """Return entries under headings in a left margin, with short dates at ragged right ends."""

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 10)
        rows = [
            ("PROJECTS", "flaky-hunter", "Jan 2022", 560.0),
            (None, "Detects flaky tests from CI history.", None, 0.0),
            (None, "", None, 0.0),
            ("EDUCATION", "Politecnico di Milano", "2012 - 2016", 548.0),
            (None, "Laurea - Computer Engineering", None, 0.0),
            (None, "Final project on test automation", None, 0.0),
        ]
        y = 720.0
        for head, body, dates, x in rows:
            if head:
                c.drawString(30, y, head)
            if body:
                c.drawString(120, y, body)
            if dates:
                c.drawString(x, y, dates)
            y -= 14

    return hostile.one_page_pdf(draw)


def test_margin_headings_and_ragged_dates_stay_on_their_entry_lines(tmp_path: Path) -> None:
    text = _extract(tmp_path, "heads.pdf", _margin_heads_and_ragged_dates_pdf())
    lines = [" ".join(x.split()) for x in text.splitlines() if x]
    assert lines == [
        "PROJECTS",
        "flaky-hunter Jan 2022",
        "Detects flaky tests from CI history.",
        "EDUCATION",
        "Politecnico di Milano 2012 - 2016",
        "Laurea - Computer Engineering",
        "Final project on test automation",
    ]


def test_hyphenated_word_is_joined_but_compounds_keep_hyphens(tmp_path: Path) -> None:
    text = _extract(tmp_path, "hyph.pdf", hostile.hyphenated_pdf())
    assert "software development" in text
    assert "develop-" not in text
    assert "end-to-end testing" in text


@pytest.mark.skipif(not FONT.exists(), reason="needs a TrueType font with the fi ligature")
def test_ligature_is_normalised(tmp_path: Path) -> None:
    text = _extract(tmp_path, "lig.pdf", hostile.ligature_pdf(FONT))
    assert "Certified financial analyst with proficiency in SQL" in text
    assert "\ufb01" not in text


def test_normalise_text_folds_ligatures_drops_icons_and_collapses_space() -> None:
    raw = "\ue0b0 Pro\ufb01le\u00a0\u00a0 summary  \n\n\n\n\uf0e0 mail\u200b@example.com "
    assert normalise_text(raw) == "Profile summary\n\nmail@example.com"
    assert normalise_text("bad\ud800 surrogate") == "bad surrogate"


def test_normalise_text_parts_a_year_run_into_a_length() -> None:
    text = normalise_text("Oct, 2023 - Jan, 20243 months\nMar 2023 - Mar 20231 day")
    assert text.splitlines() == ["Oct, 2023 - Jan, 2024 3 months", "Mar 2023 - Mar 2023 1 day"]
    # Longer digit runs are identifiers, not a year and a length.
    assert normalise_text("Ticket 2024123 months") == "Ticket 2024123 months"


def test_join_hyphenated_rules() -> None:
    assert join_hyphenated("develop-\nment of apps") == "development\nof apps"
    assert join_hyphenated("multi-\ncloud setup") == "multi-cloud\nsetup"
    assert join_hyphenated("Python-\nbased") == "Python-based\n"
    assert join_hyphenated("pre-\nSales") == "pre-\nSales"


def test_join_wrapped_tokens_rejoins_a_wrapped_email_only() -> None:
    assert join_wrapped_tokens("jo.21@example.co\nm\n(555) 0101") == "jo.21@example.com\n(555) 0101"
    assert join_wrapped_tokens("Skills\nGo\nC") == "Skills\nGo\nC"


# ---------------------------------------------------------------- DOCX


def test_docx_reads_header_table_nested_table_text_box_and_breaks(tmp_path: Path) -> None:
    text = _extract(tmp_path, "rich.docx", hostile.rich_docx())
    lines = text.splitlines()
    assert lines[0] == "Taylor Header Name"
    assert "Data engineer building pipelines\tfor analytics" in lines
    assert "Python\tExpert" in lines
    assert "Nested cell skill Terraform" in text
    assert text.count("Text box certification AWS Solutions Architect") == 1
    assert lines.index("First line") + 1 == lines.index("Second line after break")
    assert (
        lines.index("Experience")
        < lines.index("Python\tExpert")
        < lines.index("Closing paragraph about the candidate")
    )


# ---------------------------------------------------------------- dev set


@pytest.mark.skipif(not DEV_DIR.is_dir(), reason="dev set not present")
def test_dev_resumes_extract_clean_text() -> None:
    files = sorted(p for p in DEV_DIR.iterdir() if p.suffix in (".pdf", ".docx"))[:6]
    assert files
    for path in files:
        text = extract_text(path, sniff_kind(path.read_bytes(), path.name))
        assert len(text) > 500, path.name
        assert "(cid:" not in text
        assert not any(unicodedata.category(ch) == "Co" for ch in text)
        assert "\n\n\n" not in text


def test_text_over_the_cap_is_refused_with_its_length_and_the_limit(tmp_path: Path) -> None:
    error = _refused(tmp_path, "long.pdf", hostile.text_pdf(pages=3), max_chars=100)
    assert isinstance(error, TextTooLong)
    assert status_for(error) == 422
    assert error.message.startswith("The resume holds ")
    assert error.message.endswith(" characters of text; the limit is 100.")


def _form_label_pdf() -> bytes:
    """Return a Europass-like page: a right-aligned label column beside each value line."""
    entries = [
        ("Sep 2020 - Sep 2024", "Lead Engineer", "Acme Payments"),
        ("Mar 2016 - Aug 2020", "Backend Engineer", "Globex"),
        ("Jun 2012 - Feb 2016", "Developer", "Initech"),
    ]

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica-Bold", 11)
        c.drawRightString(180, 740, "Work experience")
        c.setFont("Helvetica", 10)
        y = 715
        for dates, title, employer in entries:
            for label, value in (
                (dates, ""),
                ("Occupation or position held", title),
                (
                    "Main activities",
                    "Built and ran the payment services of the team, on call for the ledger",
                ),
                ("Name of employer", employer),
            ):
                c.drawRightString(180, y, label)
                if value:
                    c.drawString(200, y, value)
                y -= 14
            y -= 12

    return hostile.one_page_pdf(draw)


def test_a_form_label_column_is_read_beside_its_values(tmp_path: Path) -> None:
    lines = [x for x in _extract(tmp_path, "form.pdf", _form_label_pdf()).splitlines() if x]
    # Each entry's dates come before its own title, not all dates before all values.
    for dates, title in (("Mar 2016 - Aug 2020", "Backend Engineer"), ("Jun 2012", "Developer")):
        d = next(i for i, x in enumerate(lines) if dates in x)
        t = next(i for i, x in enumerate(lines) if x.endswith(title) or x == title)
        assert 0 < t - d <= 3
