"""Resume search: dense FAISS similarity blended with exact-term overlap."""

from __future__ import annotations

import numpy as np
import pytest

from rag.chunking import chunk_sections
from rag.embeddings import count_tokens, embed
from rag.search import (
    chunk_section,
    hybrid_search,
    intent_scores,
    lexical_scores,
    query_sections,
    terms,
)
from rag.store import IndexMissing, IndexStore

SECTIONS = [
    ("other", "Jordan Lee\nSoftware Engineer"),
    ("summary", "Engineer with eight years of experience across startups and banks."),
    (
        "experience",
        "Staff Engineer, Zyntrix Labs\n2020 - Present\nLed the payments platform team.\n\n"
        "Site Reliability Engineer, Quorvane\n2016 - 2020\nRan Kubernetes clusters and on-call.",
    ),
    ("education", "BSc Computer Science, University of Toronto, 2012 - 2016"),
    ("skills", "Python, Go, Kubernetes, PostgreSQL"),
]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    store = IndexStore(tmp_path_factory.mktemp("search"))
    # Small windows so each experience entry is a chunk of its own.
    chunks = chunk_sections(SECTIONS, count_tokens, max_tokens=24, overlap=4)
    ids = [100 + c.position for c in chunks]
    store.write(1, ids, embed([c.text for c in chunks]))
    return store, dict(zip(ids, (c.text for c in chunks), strict=True))


def test_terms_keep_technical_names_whole():
    assert terms("C++, C#, Node.js and CI/CD at ACME.") == [
        "c++",
        "c#",
        "node.js",
        "and",
        "ci",
        "cd",
        "at",
        "acme",
    ]


def test_lexical_scores_weight_rare_terms_and_ignore_question_words():
    texts = ["Role: engineer at Quorvane", "engineer", "engineer at Zyntrix"]
    scores = lexical_scores("What was my role at Quorvane?", texts)
    assert scores.shape == (3,)
    assert scores[0] == pytest.approx(1.0)
    assert scores[1] == scores[2] == 0.0
    assert np.all(lexical_scores("what was my", texts) == 0.0)
    assert lexical_scores("anything", []).shape == (0,)


def test_company_question_finds_the_chunk_naming_the_company(indexed):
    store, texts = indexed
    hits = hybrid_search(store, 1, "What was my role at Quorvane?", texts, k=3)
    assert "Site Reliability Engineer, Quorvane" in texts[hits[0][0]]
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert all(-1.0 <= s <= 1.0 for _, s in hits)
    assert len(hits) == 3


def test_meaning_question_without_shared_words_still_finds_its_chunk(indexed):
    store, texts = indexed
    hits = hybrid_search(store, 1, "Which cloud infrastructure have I operated?", texts, k=1)
    assert "Kubernetes clusters" in texts[hits[0][0]]


def test_lower_case_short_words_do_not_match_skill_names():
    texts = ["Skills: Python, Go", "Education: BSc, University of Toronto"]
    assert lexical_scores("where did I go to college?", texts).tolist() == [0.0, 0.0]
    assert lexical_scores("Did I use Go?", texts)[0] == pytest.approx(1.0)


def test_k_and_unknown_ids(indexed):
    store, texts = indexed
    assert hybrid_search(store, 1, "python", texts, k=0) == []
    some = dict(list(texts.items())[:2])
    hits = hybrid_search(store, 1, "python", some, k=10)
    assert sorted(i for i, _ in hits) == sorted(some)


def test_missing_index_propagates(tmp_path):
    with pytest.raises(IndexMissing):
        hybrid_search(IndexStore(tmp_path), 5, "anything", {1: "x"}, k=3)


def test_section_cue_words_are_not_search_terms():
    texts = ["Experience: Kept the role of team lead", "Experience: Engineer at Quorvane"]
    # "role" says which section answers; only the company name is a term to match.
    assert lexical_scores("What was my role at Quorvane?", texts).tolist() == [0.0, 1.0]
    # A capitalised cue word past the first is part of a name and stays a term.
    scores = lexical_scores("What was my role at Project Nimbus?", ["Projects: Project Nimbus"])
    assert scores[0] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("query", "sections"),
    [
        ("What was my role at University of Manchester?", {"experience", "internships"}),
        ("Where did I work as Data Scientist?", {"experience", "internships"}),
        ("What did I study at Texas Woman's University?", {"education"}),
        ("Tell me about the Ledger Lint project.", {"projects"}),
        ("Which certification did I get from CNCF?", {"certifications"}),
        ("Role at Acme?", {"experience", "internships"}),
        # Typed all in lower case, the name's words count as cues too.
        ("what was my role at uni of manchester", {"experience", "internships"}),
        ("what did i study at acme college", {"education"}),
        ("What did I do at Acme?", set()),
        ("", set()),
    ],
)
def test_query_sections_read_the_question_words_not_the_names(query, sections):
    assert query_sections(query) == sections


def test_chunk_section_reads_the_label_the_chunker_writes():
    sections = [("experience", "Engineer at Acme\n2019 - 2021"), ("education", "BSc, Oxford")]
    chunks = chunk_sections(sections, count_tokens)
    assert [chunk_section(c.text) for c in chunks] == ["experience", "education"]
    assert chunk_section("no label in this text") == ""
    assert chunk_section("") == ""


def test_intent_scores_mark_chunks_of_the_asked_section():
    texts = ["Education: University of Manchester", "Experience: Teaching Assistant", "Skills: Go"]
    assert intent_scores("What was my role at X?", texts).tolist() == [0.0, 1.0, 0.0]
    assert intent_scores("What did I study at X?", texts).tolist() == [1.0, 0.0, 0.0]
    assert intent_scores("Hello?", texts).tolist() == [0.0, 0.0, 0.0]


def _store_for(tmp_path, sections):
    store = IndexStore(tmp_path)
    chunks = chunk_sections(sections, count_tokens)
    ids = [10 + c.position for c in chunks]
    store.write(7, ids, embed([c.text for c in chunks]))
    return store, dict(zip(ids, (c.text for c in chunks), strict=True))


def _sections_ranked(store, texts, query):
    return [chunk_section(texts[i]) for i, _ in hybrid_search(store, 7, query, texts, k=10)]


def test_role_question_prefers_the_job_over_a_degree_at_the_same_place(tmp_path):
    store, texts = _store_for(
        tmp_path,
        [
            ("other", "Priya Odu\nComputer science student"),
            ("summary", "Final-year student looking for a graduate software engineering role."),
            ("education", "University of Manchester\nBSc (Hons) Computer Science\n2022 - 2025"),
            ("awards", "Dean's List, University of Manchester, 2024"),
            (
                "experience",
                "Teaching Assistant\nUniversity of Manchester\n2023 - 2024\n"
                "Ran weekly labs for first-year programming.",
            ),
        ],
    )
    # Both chunks name the place equally; the question's verb decides which answers.
    role = _sections_ranked(store, texts, "What was my role at University of Manchester?")
    assert role.index("experience") < role.index("education")
    assert role.index("experience") < 2
    study = _sections_ranked(store, texts, "What did I study at University of Manchester?")
    assert study.index("education") < study.index("experience")
    assert study.index("education") < 2


def test_role_question_about_an_unprinted_company_lands_on_the_work_history(tmp_path):
    # Some themes print the position but not the company: the work history still answers.
    store, texts = _store_for(
        tmp_path,
        [
            ("other", "Jane Roe\nSoftware Engineer"),
            ("summary", "Software engineer who enjoys building web applications for people."),
            ("skills", "Python, Django, PostgreSQL, JavaScript"),
            ("experience", "Web Developer\n2015 - 2017\nBuilt intranet pages and reports."),
        ],
    )
    ranked = _sections_ranked(store, texts, "What was my role at Nuxeo?")
    assert ranked.index("experience") < 2
    assert ranked.index("experience") < ranked.index("summary")
