"""Resume search: dense FAISS similarity blended with exact-term overlap."""

from __future__ import annotations

import numpy as np
import pytest

from rag.chunking import chunk_sections
from rag.embeddings import count_tokens, embed
from rag.search import hybrid_search, lexical_scores, terms
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
