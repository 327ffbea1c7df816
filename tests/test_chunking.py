"""Section-aware chunking: model-token limits, entry boundaries, headings, nothing lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rag.chunking import Chunk, chunk_sections, regroup_work, split_entries
from rag.embeddings import count_tokens

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"

EXPERIENCE = """\
Senior Backend Engineer, Acme Corp
Jan 2020 - Present
- Built payment APIs in Python and Go
- Cut p99 latency by 40%

Software Engineer
Initech
2017 - 2019
- Maintained the billing monolith
Data Intern, Globex
06/2016 - 09/2016
- Wrote ETL jobs in SQL"""


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def assert_no_word_lost(sections: list[tuple[str, str]], chunks: list[Chunk]) -> None:
    for name, text in sections:
        body = " ".join(c.text for c in chunks if c.section == name)
        for word in words(text):
            assert word in body, f"{word!r} of section {name!r} is in no chunk"


def test_entries_split_at_blank_lines_and_new_dated_entries():
    entries = split_entries(EXPERIENCE)
    assert len(entries) == 3
    assert entries[0].startswith("Senior Backend Engineer, Acme Corp")
    # The title and company lines above the second date belong to the new entry.
    assert entries[1].splitlines()[:3] == ["Software Engineer", "Initech", "2017 - 2019"]
    assert entries[2].startswith("Data Intern, Globex\n06/2016 - 09/2016")


def test_small_section_is_one_chunk_with_heading_prefix():
    chunks = chunk_sections([("experience", EXPERIENCE)], count_tokens)
    assert len(chunks) == 1
    assert chunks[0].text.startswith("Experience: Senior Backend Engineer")
    assert chunks[0].section == "experience"
    assert chunks[0].position == 0


def test_sections_are_never_mixed_and_positions_run_in_order():
    sections = [("summary", "Backend engineer."), ("skills", "Python, Go"), ("education", "BSc")]
    chunks = chunk_sections(sections, count_tokens)
    assert [(c.section, c.text) for c in chunks] == [
        ("summary", "Summary: Backend engineer."),
        ("skills", "Skills: Python, Go"),
        ("education", "Education: BSc"),
    ]
    assert [c.position for c in chunks] == [0, 1, 2]


def test_blank_sections_and_unnamed_sections():
    chunks = chunk_sections([("skills", "  \n "), ("", "Jane Doe\nEngineer")], count_tokens)
    assert [c.text for c in chunks] == ["Jane Doe\nEngineer"]


def test_long_section_packs_entries_within_the_window():
    entries = [
        f"Engineer {i}, Company {i}\n{2000 + i} - {2001 + i}\n" + "Shipped features. " * 30
        for i in range(12)
    ]
    text = "\n\n".join(entries)
    chunks = chunk_sections([("experience", text)], count_tokens, max_tokens=256)
    assert len(chunks) > 1
    for chunk in chunks:
        assert count_tokens(chunk.text) <= 254
        assert chunk.text.startswith("Experience: ")
    # Whole entries are kept together: each chunk starts at an entry's first line.
    for chunk in chunks:
        assert re.match(r"Experience: Engineer \d+, Company \d+\n", chunk.text)
    assert_no_word_lost([("experience", text)], chunks)


def test_single_overlong_entry_is_split_with_overlap():
    text = " ".join(f"word{i}" for i in range(900))
    chunks = chunk_sections([("summary", text)], count_tokens, max_tokens=128, overlap=16)
    assert len(chunks) > 3
    for chunk in chunks:
        assert count_tokens(chunk.text) <= 126
    for first, second in zip(chunks, chunks[1:], strict=False):
        tail = words(first.text)[-3:]
        # The next window repeats the end of the previous one.
        assert " ".join(tail) in second.text
    assert_no_word_lost([("summary", text)], chunks)


def test_overlap_zero_has_no_repeats():
    text = " ".join(f"w{i}" for i in range(600))
    chunks = chunk_sections([("other", text)], count_tokens, max_tokens=64, overlap=0)
    seen = [w for c in chunks for w in words(c.text) if w.startswith("w")]
    assert seen == words(text)


def test_giant_unbroken_token_is_cut_not_dropped():
    blob = "x" * 5000
    chunks = chunk_sections([("other", blob)], count_tokens, max_tokens=64)
    assert "".join(c.text.replace("Other: ", "") for c in chunks) == blob
    assert all(count_tokens(c.text) <= 62 for c in chunks)


def test_too_small_window_is_refused():
    with pytest.raises(ValueError):
        chunk_sections([("x", "text")], count_tokens, max_tokens=4)


@pytest.mark.skipif(not DEV.is_dir(), reason="dev set not present")
def test_real_resume_text_fits_and_keeps_every_word():
    from resume.extract import extract_text_in_process
    from resume.parse import parse_resume

    path = next(p for p in sorted(DEV.iterdir()) if p.suffix == ".pdf")
    text = extract_text_in_process(path, "pdf")
    sections = [(s.name, s.text) for s in parse_resume(text).sections]
    assert sections, "parser found no sections"
    chunks = chunk_sections(sections, count_tokens)
    assert all(count_tokens(c.text) <= 254 for c in chunks)
    assert_no_word_lost(sections, chunks)
    truth = json.loads(path.with_suffix("").with_suffix(".truth.json").read_text())
    # Sanity: some job title from the truth file survives into the chunks.
    titles = [job["position"] for job in truth.get("jobs", []) if job.get("position")]
    joined = " ".join(c.text for c in chunks).lower()
    assert any(title.lower() in joined for title in titles)


def test_jobs_after_a_side_column_heading_are_labelled_work_again():
    sections = [
        ("experience", "Lead Engineer, Acme\n2021 - Present\n- Ran the platform team"),
        ("interests", "Chess\nHiking\nData Engineer\nGlobex\n2018 - 2021\n- Built ETL jobs"),
        ("education", "BSc Physics, Oxford\n2014 - 2018"),
    ]
    assert regroup_work(sections) == [
        sections[0],
        # The title and company just above the date go with the job, not the hobbies.
        ("interests", "Chess\nHiking"),
        ("experience", "Data Engineer\nGlobex\n2018 - 2021\n- Built ETL jobs"),
        sections[2],
    ]
    chunks = chunk_sections(sections, count_tokens)
    globex = next(c for c in chunks if "Globex" in c.text)
    assert globex.section == "experience"
    assert globex.text.startswith("Experience: Data Engineer")
    assert not any("Chess" in c.text and "Globex" in c.text for c in chunks)


def test_side_columns_elsewhere_keep_their_label():
    dated_skills = ("skills", "Python\n2015 - 2020")
    # Not after the work history: a date range in a side column is not a job.
    assert regroup_work([("education", "BSc\n2010 - 2014"), dated_skills])[1] == dated_skills
    # After the work history but undated: an ordinary side column.
    languages = ("languages", "English\nFrench")
    assert regroup_work([("experience", "Dev, Acme\n2019 - 2020"), languages])[1] == languages
    # A main section (projects) is never moved, dated or not.
    projects = ("projects", "Ledger tool\n2020 - 2021")
    assert regroup_work([("experience", "Dev, Acme\n2019 - 2020"), projects])[1] == projects
    # A sidebar that starts straight with a job becomes work as a whole.
    assert regroup_work([("experience", "A\n2019 - 2020"), ("skills", "B, Co\n2017 - 2018")]) == [
        ("experience", "A\n2019 - 2020"),
        ("experience", "B, Co\n2017 - 2018"),
    ]
    assert regroup_work([]) == []
    assert regroup_work([("skills", "")]) == [("skills", "")]
