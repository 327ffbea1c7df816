"""The two PDF readers (PDFium, the default, and pdfplumber) read the same files the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume._extract_pdf import read_pdf
from resume._extract_pdfium import _drop_tracking_spaces, base_name
from resume.errors import DamagedFile, EncryptedFile, HostileFile, NoTextFound, TooManyPages
from tests import hostile

CORPUS = Path(__file__).resolve().parents[1] / "bench" / "corpus" / "set"
READERS = ("pdfium", "pdfplumber")


def _both(tmp_path: Path, data: bytes, max_pages: int = 10) -> dict[str, tuple[str, list]]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return {reader: read_pdf(str(path), max_pages, reader) for reader in READERS}


@pytest.mark.parametrize(
    "factory",
    [
        hostile.text_pdf,
        hostile.two_column_pdf,
        hostile.short_sidebar_pdf,
        hostile.dated_entries_pdf,
        hostile.letter_spaced_pdf,
        hostile.hyphenated_pdf,
    ],
)
def test_readers_give_the_same_text_and_lines(tmp_path: Path, factory) -> None:
    got = _both(tmp_path, factory())
    (text_a, lines_a), (text_b, lines_b) = got["pdfium"], got["pdfplumber"]
    assert text_a == text_b
    assert [(ln.text, ln.page, ln.column, ln.bold) for ln in lines_a] == [
        (ln.text, ln.page, ln.column, ln.bold) for ln in lines_b
    ]
    for a, b in zip(lines_a, lines_b, strict=True):
        assert a.size == pytest.approx(b.size, abs=0.01)
        assert a.x0 == pytest.approx(b.x0, abs=0.5) and a.top == pytest.approx(b.top, abs=0.5)


@pytest.mark.parametrize(
    ("name", "says"),
    [
        # Letter-spaced capitals in a sidebar: PDFium's own spaces between letters are dropped.
        ("210.pdf", "SKILLS\n"),
        ("230.pdf", "PROJECTS\n"),
        ("280.pdf", "HABILIDADES\n"),
        # A descriptor whose descent is zero: the name's letters stay on one baseline.
        ("208.pdf", "Robin Lindqvist"),
        # A single-letter word after a dash keeps its space.
        ("227.pdf", "Treasury API — A small tool"),
    ],
)
def test_pdfium_reads_corpus_files_like_pdfminer(name: str, says: str) -> None:
    path = str(CORPUS / name)
    text = read_pdf(path, 10, "pdfium")[0]
    assert says in text
    assert says in read_pdf(path, 10, "pdfplumber")[0]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    ("factory", "error"),
    [
        (hostile.looping_page_tree_pdf, HostileFile),
        (hostile.deep_page_tree_pdf, HostileFile),
        (hostile.truncated_pdf, DamagedFile),
        (hostile.encrypted_pdf, EncryptedFile),
    ],
)
def test_readers_refuse_hostile_files_alike(tmp_path: Path, reader: str, factory, error) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(factory())
    with pytest.raises(error):
        read_pdf(str(path), 10, reader)


@pytest.mark.parametrize("reader", READERS)
def test_readers_refuse_too_many_pages_alike(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(hostile.text_pdf(pages=5))
    with pytest.raises(TooManyPages, match="5 pages"):
        read_pdf(str(path), 3, reader)


def test_image_only_pdf_has_no_text_with_either_reader(tmp_path: Path) -> None:
    got = _both(tmp_path, hostile.image_only_pdf())
    assert got["pdfium"][0].strip() == got["pdfplumber"][0].strip() == ""


def test_empty_page_tree_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(
        hostile._assemble_pdf(
            {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [] /Count 0 >>"}
        )
    )
    for reader in READERS:
        with pytest.raises(NoTextFound):
            read_pdf(str(path), 10, reader)


def _char(text: str, x0: float, x1: float) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": 0.0, "bottom": 10.0, "size": 10.0}


def _spaced(word: str, gap: float, space_after: set[int]) -> list[dict]:
    out, x = [], 0.0
    for k, ch in enumerate(word):
        out.append(_char(ch, x, x + 6))
        if k in space_after:
            out.append(_char(" ", x, x + 6))
        x += 6 + gap
    return out


def test_tracking_space_between_letter_spaced_capitals_is_dropped() -> None:
    chars = _spaced("SKILLS", 1.5, {4})
    assert "".join(c["text"] for c in _drop_tracking_spaces(chars)) == "SKILLS"


def test_word_space_wider_than_the_letters_beside_it_is_kept() -> None:
    # "of" then "Code" in ordinary text: letters touch, the word space is 1.4 pt wide.
    chars = [_char("o", 0, 5), _char("f", 5, 8), _char(" ", 5, 8), _char("C", 9.4, 16)]
    chars += [_char("o", 16, 21)]
    assert "".join(c["text"] for c in _drop_tracking_spaces(chars)) == "of Co"


def test_subset_tag_is_stripped_from_font_names() -> None:
    assert base_name("ABCDEF+Arial-BoldMT") == "Arial-BoldMT"
    assert base_name("Arial") == "Arial"
    assert base_name("abc+Arial") == "abc+Arial"
