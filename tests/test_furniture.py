"""Tests for resume.furniture: page numbers, running headers and form labels are not content."""

from __future__ import annotations

from datetime import date

import pytest

from resume.furniture import is_form_label, strip_furniture
from resume.parse import parse_resume


@pytest.mark.parametrize("line", ["1/2", "2 / 2", "Page 3 of 4", "Seite 2 von 3", "- 2 -"])
def test_page_numbers_are_blanked(line: str) -> None:
    assert strip_furniture(f"Projects\nTide Clock\n{line}\nRecipe Box") == (
        "Projects\nTide Clock\n\nRecipe Box"
    )


def test_running_header_beside_page_numbers_is_blanked_on_every_page() -> None:
    text = "Ana Ruiz — Résumé\nCertifications\nCKA\n1/2\n\nAna Ruiz — Résumé\nAWS SAA\n2/2\n"
    parsed = parse_resume(text, today=date(2026, 11, 24))
    assert parsed.certifications == ["CKA", "AWS SAA"]


def test_a_repeated_line_far_from_any_page_number_is_kept() -> None:
    text = "Experience\nAcme Corp\nEngineer\nAcme Corp\nLead\n" + "Built things.\n" * 5 + "1/1"
    assert strip_furniture(text).split("\n")[:5] == [
        "Experience",
        "Acme Corp",
        "Engineer",
        "Acme Corp",
        "Lead",
    ]


def test_page_footer_naming_the_document_is_blanked() -> None:
    text = "Projects\nTide Clock\nPage 1 - Curriculum vitae of\nAna Ruiz\n\nAna Ruiz\nRecipe Box"
    assert "Curriculum" not in strip_furniture(text)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Occupation or position held", True),
        ("Name and address of employer", True),
        ("Mother tongue(s)", True),
        ("Main activities and responsibilities", True),
        ("Occupational therapist", False),
        ("Senior Engineer", False),
    ],
)
def test_europass_form_labels(line: str, label: bool) -> None:
    assert is_form_label(line) is label


def test_europass_label_column_leaves_the_dates_in_the_work_history() -> None:
    text = (
        "Work experience\nSep 2020–Sep 2024\nOccupation or position held\nMain activities\n"
        "Name of employer\n\nMar 2016–Jul 2020\nOccupation or position held\nMain activities\n"
        "Name of employer\nSenior Engineer\nBuilt payment services.\nAcme\n"
        "Engineer\nWrote APIs.\nBeta\n"
    )
    assert parse_resume(text, today=date(2026, 11, 24)).experience_years == 8


def test_form_labels_read_onto_one_line_with_the_dates_leave_the_dates() -> None:
    text = "Sep 2022–Sep 2024 Occupation or position held Main activities\nLead Engineer"
    assert strip_furniture(text) == "Sep 2022–Sep 2024\nLead Engineer"


def test_a_label_phrase_inside_a_sentence_is_kept() -> None:
    line = "Main activities included Occupation or position held reviews for 40 staff."
    assert strip_furniture(line) == line
