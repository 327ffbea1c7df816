"""The shipped question bank: schema, counts, no duplicates, skill mapping, self-scores."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from interview import bank as qbank
from interview import scoring
from interview.errors import BankError, UnknownQuestionError
from interview.text import tokens
from rag.embeddings import embed

MIN_TOPICS = 60
# Another topic's reference may share a stem with a concept ("recommends" for
# "recommendations"): a rare pair may pass OTHER_TOPIC_LOW, none OTHER_TOPIC_MAX.
OTHER_TOPIC_LOW = 0.35
OTHER_TOPIC_MAX = 0.5


def _embed_batched(texts: list[str]):
    # One big batch is several times faster than the service's small batches for a bank.
    return embed(texts, batch_size=32)


@pytest.fixture(scope="module")
def bank() -> qbank.Bank:
    return qbank.load_bank()


def test_bank_has_enough_topics_and_categories(bank):
    assert len(bank.topics) >= MIN_TOPICS
    categories = Counter(t.category for t in bank.topics.values())
    for needed in ("languages", "databases", "cloud", "devops", "testing", "behavioral"):
        assert categories[needed] >= 1, needed


def test_bank_follows_the_content_rules(bank):
    problems = qbank.lint_bank(bank)
    assert problems == []


def test_every_topic_has_three_questions_per_level(bank):
    for slug, topic in bank.topics.items():
        counts = Counter(q.level for q in topic.questions)
        assert all(counts[level] >= 3 for level in qbank.LEVELS), (slug, counts)


def test_questions_have_short_references_and_three_to_six_concepts(bank):
    for q in bank.questions.values():
        assert 3 <= len(q.key_concepts) <= 6, q.id
        words = len(tokens(q.reference_answer))
        assert 15 <= words <= 160, (q.id, words)
        assert q.topic in bank.topics and q.category == bank.topics[q.topic].category


def test_no_duplicate_ids_or_question_texts(bank):
    ids = [q.id for t in bank.topics.values() for q in t.questions]
    assert len(ids) == len(set(ids)) == len(bank.questions)
    texts = [" ".join(tokens(q.question)) for q in bank.questions.values()]
    assert len(texts) == len(set(texts))


def test_postgres_and_postgresql_practise_one_topic(bank):
    topic = qbank.topic_for_skill("PostgreSQL", bank)
    assert topic is not None
    for alias in ("Postgres", "postgresql", "POSTGRES", " PostgreSQL "):
        assert qbank.topic_for_skill(alias, bank) == topic
    assert qbank.topics_for_skills(["Postgres", "PostgreSQL", "psql"], bank) == [topic.slug]


def test_unknown_skills_and_ids_have_no_topic(bank):
    assert qbank.topic_for_skill("Underwater Basket Weaving", bank) is None
    assert qbank.topic_for_skill("", bank) is None
    assert qbank.topic_for_skill(None, bank) is None  # type: ignore[arg-type]
    with pytest.raises(UnknownQuestionError):
        qbank.get_question("no-such-question-1", bank)
    with pytest.raises(UnknownQuestionError):
        qbank.get_question(123, bank)  # type: ignore[arg-type]


def test_lookups_by_id_topic_and_level(bank):
    q = next(iter(bank.questions.values()))
    assert qbank.get_question(q.id, bank) is q
    topic = bank.topics[q.topic]
    assert qbank.get_topic(topic.slug, bank) is topic
    assert qbank.get_topic(topic.topic.upper(), bank) is topic
    mids = qbank.questions_for(topic.slug, "mid", bank)
    assert mids and all(m.level == "mid" and m.topic == topic.slug for m in mids)
    assert qbank.questions_for("no-such-topic", None, bank) == []
    assert set(qbank.behavioral_topics(bank)) == {
        s for s, t in bank.topics.items() if t.category == "behavioral"
    }


def test_broken_topic_files_are_refused(tmp_path):
    good = {
        "topic": "Example",
        "slug": "example",
        "category": "languages",
        "skills": ["Python"],
        "questions": [
            {
                "id": "example-entry-1",
                "level": "entry",
                "question": "What is an example question?",
                "reference_answer": "It is a question used in tests. It has two sentences.",
                "key_concepts": [{"concept": c, "accept": [c]} for c in ("tests", "used", "two")],
            }
        ],
    }
    (tmp_path / "example.json").write_text(json.dumps(good))
    loaded = qbank.load_bank(tmp_path)
    assert list(loaded.questions) == ["example-entry-1"]
    assert qbank.topic_for_skill("python3", loaded).slug == "example"
    for n, breakage in enumerate(
        ({"category": "cooking"}, {"slug": "other"}, {"questions": []}, {"unexpected": 1})
    ):
        bad_dir = tmp_path / f"bad{n}"
        bad_dir.mkdir()
        (bad_dir / "example.json").write_text(json.dumps(good | breakage))
        with pytest.raises(BankError):
            qbank.load_bank(bad_dir)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "example.json").write_text("{not json")
    with pytest.raises(BankError):
        qbank.load_bank(broken)


@pytest.mark.slow
def test_every_reference_scores_high_on_its_own_question(bank):
    questions = list(bank.questions.values())
    scoring.warm_cache([q.reference_answer for q in questions], _embed_batched)
    low = {}
    for q in questions:
        result = scoring.score_answer(
            q.question,
            q.reference_answer,
            q.reference_answer,
            embed=_embed_batched,
            concepts=q.concepts(),
            behavioral=q.behavioral,
        )
        if result.score < 0.85:
            low[q.id] = result.score
    assert low == {}


@pytest.mark.slow
def test_another_topics_reference_scores_low(bank):
    """Each topic's first question against a reference from a topic of another category."""
    slugs = list(bank.topics)
    pairs = []
    for i, slug in enumerate(slugs):
        q = bank.topics[slug].questions[0]
        other = next(
            bank.topics[s]
            for s in slugs[i + len(slugs) // 2 :] + slugs
            if bank.topics[s].category != bank.topics[slug].category
        )
        pairs.append((q, other.questions[0].reference_answer))
    scoring.warm_cache([a for _, a in pairs], _embed_batched)
    scores = {}
    for q, answer in pairs:
        result = scoring.score_answer(
            q.question,
            q.reference_answer,
            answer,
            embed=_embed_batched,
            concepts=q.concepts(),
            behavioral=q.behavioral,
        )
        scores[q.id] = result.score
    above_low = {k: v for k, v in scores.items() if v > OTHER_TOPIC_LOW}
    assert len(above_low) <= 0.02 * len(scores), above_low
    assert max(scores.values()) <= OTHER_TOPIC_MAX
