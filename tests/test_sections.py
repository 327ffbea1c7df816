"""Tests for resume.sections: heading recognition and section splitting."""

from __future__ import annotations

import pytest

from resume.sections import heading_name, split_sections


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Projects Experience", "projects"),
        ("PROJECT EXPERIENCES", "projects"),
        ("Volunteer Experience", "volunteer"),
        ("Internship Experience", "internships"),
        ("Certifications History", "certifications"),
        ("Work Experience", "experience"),
        # Two headings of side-by-side columns: the later one is the running section.
        ("About Experience", "experience"),
    ],
)
def test_section_noun_before_generic_tail_names_the_section(line: str, name: str) -> None:
    assert heading_name(line) == name


def test_generic_tail_alone_does_not_promote_a_non_heading() -> None:
    assert heading_name("Customer Experience") is None


def test_heading_prefix_before_a_mixed_case_first_word_opens_the_section() -> None:
    text = "SKILLS iOS (Expert): Swift, SwiftUI\nAndroid (Advanced): Kotlin, Java"
    sections = split_sections(text)
    assert [s.name for s in sections] == ["skills"]
    assert sections[0].text.splitlines() == [
        "iOS (Expert): Swift, SwiftUI",
        "Android (Advanced): Kotlin, Java",
    ]


def test_heading_prefix_before_a_lower_case_word_is_a_sentence() -> None:
    sections = split_sections("Skills matter more than titles, he said")
    assert [s.name for s in sections] == ["other"]


def test_projects_experience_section_holds_its_entries() -> None:
    text = "Work Experience\nDev, Acme\nProjects Experience\nledgerlint\nA checker"
    names = [(s.name, s.text) for s in split_sections(text)]
    assert names == [("experience", "Dev, Acme"), ("projects", "ledgerlint\nA checker")]


def test_capitals_heading_opens_its_section_before_any_text() -> None:
    text = (
        "PROJECTS secrets-sniffer\n"
        "Pre-commit hook that finds leaked credentials.\n"
        "CERTIFICATES Offensive Security Certified Professional (OSCP) | Offensive Security\n"
        "CISSP | ISC2\n"
    )
    sections = split_sections(text)
    assert [(s.name, s.text.splitlines()[0]) for s in sections] == [
        ("projects", "secrets-sniffer"),
        ("certifications", "Offensive Security Certified Professional (OSCP) | Offensive Security"),
    ]


def test_capitalised_heading_word_before_long_text_is_a_sentence() -> None:
    text = "Projects were delivered on time for every client across the three regions we served"
    assert [s.name for s in split_sections(text)] == ["other"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Experiencia / Experience", "experience"),
        ("Experiência Profissional", "experience"),
        ("DOŚWIADCZENIE ZAWODOWE", "experience"),
        ("Berufserfahrung", "experience"),
        ("KOMPETENZEN", "skills"),
        ("Compétences", "skills"),
        ("What I use", "skills"),
        ("Things I built", "projects"),
        ("Projekte", "projects"),
        ("Formación", "education"),
        ("Educação", "education"),
        ("Zertifikate", "certifications"),
        ("Sprachen", "languages"),
    ],
)
def test_unusual_and_non_english_headings_name_their_section(line: str, name: str) -> None:
    assert heading_name(line) == name


def test_non_english_education_heading_keeps_degrees_out_of_the_work_history() -> None:
    text = (
        "Formación\nUniversidad de Sevilla\nGrado en Informática 2010 - 2014\nCompétences\nPython"
    )
    names = [s.name for s in split_sections(text)]
    assert names == ["education", "skills"]
