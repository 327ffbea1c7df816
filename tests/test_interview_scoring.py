"""Answer scoring with the real model: gates, concepts, STAR, determinism, hostile input."""

from __future__ import annotations

import pytest

from interview import scoring
from interview.errors import (
    AnswerTooLongError,
    EmptyAnswerError,
    InvalidAnswerError,
    InvalidQuestionError,
)
from interview.scoring import Concept
from rag.embeddings import embed

QUESTION = "What is the difference between the JSON and JSONB types in PostgreSQL?"
REFERENCE = (
    "JSON stores the text exactly as given, keeping whitespace, key order and duplicate keys, "
    "and must be reparsed on every access. JSONB stores a decomposed binary format, so it is "
    "slightly slower to insert but much faster to query. JSONB also supports GIN indexes and "
    "containment operators like @>, which is why it is the usual choice."
)
CONCEPTS = [
    Concept("text storage", ("exact text", "as given", "original text", "text")),
    Concept("binary", ("binary", "decomposed", "parsed")),
    Concept("reparse", ("reparsed", "reparse", "parse again", "parsed each time")),
    Concept("gin index", ("gin", "gin index", "index")),
    Concept("containment", ("containment", "@>", "contains")),
]
STRONG = (
    "Plain JSON keeps the original text, so PostgreSQL has to parse it again every time you "
    "read it. JSONB is stored already parsed in a binary structure: writes cost a little more, "
    "but queries are much faster, and you can put a GIN index on it and use containment "
    "operators such as @>."
)
WEAK_ANSWERS = {
    "dont_know": "I don't know, sorry.",
    "no_idea": "No idea, I have never heard of it",
    "parroted": "The difference between the JSON and JSONB types in PostgreSQL is the difference "
    "between JSON types and JSONB types.",
    "one_word": "fine",
    "one_liner": "JSONB is better.",
    "off_topic": "I enjoy hiking in the mountains with my family and cooking pasta on weekends.",
    "other_topic": "A Docker image is a read-only template built from a Dockerfile in layers; a "
    "container is a running instance of an image with its own writable layer.",
}


def _score(answer: str, **kw) -> scoring.ScoreResult:
    return scoring.score_answer(QUESTION, REFERENCE, answer, embed=embed, concepts=CONCEPTS, **kw)


def test_reference_answer_scores_near_full():
    result = _score(REFERENCE)
    assert result.score >= 0.95
    assert result.concepts_missed == []
    assert "Strong answer." in result.feedback


def test_strong_answer_in_own_words_scores_high():
    result = _score(STRONG)
    assert result.score >= 0.7
    assert {"binary", "gin index", "containment"} <= set(result.concepts_covered)


@pytest.mark.parametrize("kind", sorted(WEAK_ANSWERS))
def test_weak_answers_score_clearly_below_a_strong_one(kind):
    strong = _score(STRONG).score
    weak = _score(WEAK_ANSWERS[kind])
    # Another topic's answer may share a stem or two (container, containment): still low.
    assert weak.score <= (0.3 if kind == "other_topic" else 0.2), (kind, weak)
    assert strong - weak.score >= 0.45
    assert weak.feedback[0] == "A weak answer." or "do not know" in weak.feedback[0]


def test_dont_know_says_so_in_feedback():
    result = _score("Honestly I don't know")
    assert result.score <= 0.05
    assert "do not know" in result.feedback[0]


def test_dont_know_phrase_inside_a_real_answer_does_not_zero_it():
    answer = "I'm not sure of every detail, but " + STRONG
    assert _score(answer).score >= 0.6


def test_parroting_is_flagged():
    result = _score(WEAK_ANSWERS["parroted"])
    assert any("restates the question" in f for f in result.feedback)


def test_partial_answer_lies_between():
    partial = "JSON keeps the text as given, while JSONB stores it in a binary format."
    score = _score(partial).score
    assert _score(WEAK_ANSWERS["one_liner"]).score < score < _score(STRONG).score


@pytest.mark.parametrize("answer", ["", "   ", "\n\t", "?!...", "🙂🙂", None, 42, ["a list"]])
def test_empty_or_non_text_answer_is_refused(answer):
    with pytest.raises(EmptyAnswerError) as info:
        _score(answer)
    assert info.value.field == "answer"
    assert isinstance(info.value, InvalidAnswerError)


def test_answer_over_the_documented_length_is_refused():
    with pytest.raises(AnswerTooLongError):
        _score("word " * (scoring.MAX_ANSWER_CHARS // 5 + 1))
    # Exactly at the limit is still scored.
    at_limit = (STRONG + " ") * (scoring.MAX_ANSWER_CHARS // (len(STRONG) + 1))
    assert len(at_limit) <= scoring.MAX_ANSWER_CHARS
    assert 0.0 <= _score(at_limit).score <= 1.0


def test_hostile_text_scores_without_error():
    for answer in ["\x00\x01 jsonb", "<script>alert(1)</script>", "a" * 3000, "日本語 " * 30]:
        result = _score(answer)
        assert 0.0 <= result.score <= 0.3
    # Symbols without a word are not an answer.
    with pytest.raises(EmptyAnswerError):
        _score("🙂" * 50)


def test_same_answer_same_score_and_cache_does_not_change_it():
    first = _score(STRONG)
    scoring._vector_cache.clear()
    again = _score(STRONG)
    assert first == again


def test_derived_concepts_skip_the_question_words():
    concepts = scoring.derive_concepts(REFERENCE, QUESTION)
    names = {c.name for c in concepts}
    assert "binary" in names and "gin" in names
    assert not names & {"json", "jsonb", "postgresql", "difference"}
    # A reference made only of the question's words still yields concepts.
    assert scoring.derive_concepts("JSON types", QUESTION)


def test_custom_question_without_concepts_is_scored_on_derived_ones():
    strong = scoring.score_answer(QUESTION, REFERENCE, STRONG, embed=embed)
    weak = scoring.score_answer(QUESTION, REFERENCE, "JSONB is better.", embed=embed)
    assert strong.score >= 0.6 > 0.3 >= weak.score
    assert strong.concepts_covered and weak.concepts_missed


BEHAVIORAL_Q = "Tell me about a time you disagreed with a teammate."
BEHAVIORAL_REF = (
    "On my last team a colleague wanted to rewrite our billing service while I wanted to fix it "
    "step by step. I asked for a meeting, listened to his reasons and we agreed criteria: risk, "
    "time and customer impact. We compared both plans against them and chose an incremental "
    "refactor with his idea for the data layer. It shipped two weeks early and we cut billing "
    "errors by 40 percent."
)


def test_star_signals_are_detected():
    star = scoring.star_signals(BEHAVIORAL_REF)
    assert star == {"situation": True, "task": False, "action": True, "result": True} or all(
        star.values()
    )
    assert not any(scoring.star_signals("Teamwork matters and people should agree.").values())


def test_behavioral_answer_with_star_beats_one_without():
    kw = {"embed": embed, "behavioral": True}
    story = (
        "At my previous job a teammate and I disagreed about rewriting the billing service. "
        "My goal was to avoid a risky big-bang change. I listened to his reasons, we agreed "
        "criteria on risk and customer impact, and I proposed a step-by-step refactor using his "
        "data layer idea. As a result we shipped early and billing errors fell by 30 percent."
    )
    vague = (
        "I think disagreements with teammates should be handled by listening and agreeing on "
        "criteria, because teamwork and communication are important for customer impact."
    )
    rich = scoring.score_answer(BEHAVIORAL_Q, BEHAVIORAL_REF, story, **kw)
    thin = scoring.score_answer(BEHAVIORAL_Q, BEHAVIORAL_REF, vague, **kw)
    assert rich.score > thin.score + 0.1
    assert rich.details["star"] >= 0.75 > thin.details["star"]
    assert any("result" in f for f in thin.feedback)
    # STAR words in a story about something else earn nothing for STAR.
    off = scoring.score_answer(
        BEHAVIORAL_Q,
        BEHAVIORAL_REF,
        "At my last job I cooked pasta and as a result we ate 30 percent more.",
        **kw,
    )
    assert off.score <= 0.2


def test_custom_question_inputs_are_validated():
    assert scoring.validate_custom("  What is X? ", " X is Y. ") == ("What is X?", "X is Y.")
    for question, reference, field in (
        ("", "X is Y.", "question"),
        ("What is X?", "   ", "reference_answer"),
        (None, "X is Y.", "question"),
        ("What is X?", "y" * (scoring.MAX_REFERENCE_CHARS + 1), "reference_answer"),
        ("q" * (scoring.MAX_QUESTION_CHARS + 1), "X is Y.", "question"),
    ):
        with pytest.raises(InvalidQuestionError) as info:
            scoring.validate_custom(question, reference)
        assert info.value.field == field
