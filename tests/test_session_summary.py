"""The session summary: per-question scores, strongest and weakest topics, review, mastery."""

from __future__ import annotations

import pytest

from interview.summary import SessionAnswer, SessionQuestion, strongest_and_weakest, summarise

QUESTIONS = [
    SessionQuestion("py-1", "python", "technical", "What is a generator?"),
    SessionQuestion("sql-1", "sql", "technical", "What is an index?"),
    SessionQuestion("py-2", "python", "technical", "What is the GIL?"),
    SessionQuestion("team-1", "teamwork", "behavioral", "Tell me about a conflict."),
]


def test_retried_question_counts_its_latest_answer_and_unanswered_is_none():
    answers = [
        SessionAnswer("py-1", "python", 0.2, ("lazy evaluation",), None, 0.2),
        SessionAnswer("py-1", "python", 0.9, (), 0.2, 0.445),
        SessionAnswer("sql-1", "sql", 0.5, ("b-tree",), 0.6, 0.565),
    ]
    summary = summarise(QUESTIONS, answers)
    rows = {r["question_id"]: r for r in summary["per_question"]}
    assert rows["py-1"]["score"] == 0.9 and rows["py-1"]["attempts"] == 2
    assert rows["py-2"]["score"] is None and rows["team-1"]["attempts"] == 0
    assert [r["question_id"] for r in summary["per_question"]] == [
        "py-1",
        "sql-1",
        "py-2",
        "team-1",
    ]
    assert summary["questions"] == 4 and summary["answered"] == 2
    assert summary["mean_score"] == pytest.approx(0.7)
    # The retry covered "lazy evaluation": only the latest answer's misses are to review.
    assert summary["concepts_to_review"] == [
        {"topic": "sql", "concept": "b-tree", "question_id": "sql-1"}
    ]


def test_topics_ranked_on_mean_latest_score():
    answers = [
        SessionAnswer("py-1", "python", 0.8),
        SessionAnswer("py-2", "python", 0.6),
        SessionAnswer("sql-1", "sql", 0.3),
        SessionAnswer("team-1", "teamwork", 0.9),
    ]
    summary = summarise(QUESTIONS, answers)
    assert [(t["topic"], t["mean_score"]) for t in summary["topics"]] == [
        ("teamwork", 0.9),
        ("python", 0.7),
        ("sql", 0.3),
    ]
    assert [t["topic"] for t in summary["strongest_topics"]] == ["teamwork", "python"]
    assert [t["topic"] for t in summary["weakest_topics"]] == ["sql"]


@pytest.mark.parametrize(
    ("scores", "strong", "weak"),
    [
        ([0.2], [], ["a"]),  # a lone poor topic is weak, never "strongest"
        ([0.9], ["a"], []),  # a lone good topic is strong
        ([0.95, 0.9, 0.85, 0.8], ["a", "b"], []),  # all strong: none is called weak
        ([0.3, 0.2, 0.1], [], ["c", "b", "a"]),  # all weak: none is called strong
    ],
)
def test_strongest_and_weakest_never_mislabel(scores, strong, weak):
    ranked = [{"topic": "abcd"[i], "mean_score": s, "answered": 1} for i, s in enumerate(scores)]
    strongest, weakest = strongest_and_weakest(ranked)
    assert [r["topic"] for r in strongest] == strong
    assert [r["topic"] for r in weakest] == weak


def test_mastery_change_runs_from_first_before_to_last_after():
    answers = [
        SessionAnswer("py-1", "python", 0.3, (), 0.5, 0.43),
        SessionAnswer("sql-1", "sql", 0.9, (), None, 0.9),
        SessionAnswer("py-2", "python", 0.2, (), 0.43, 0.35),
    ]
    change = {c["topic"]: c for c in summarise(QUESTIONS, answers)["mastery_change"]}
    assert change["python"] == {"topic": "python", "before": 0.5, "after": 0.35, "change": -0.15}
    # A topic practised for the first time starts from nothing.
    assert change["sql"]["before"] is None and change["sql"]["change"] == 0.9


def test_concepts_to_review_start_with_the_weakest_answer_and_are_not_repeated():
    answers = [
        SessionAnswer("py-1", "python", 0.6, ("yield", "laziness")),
        SessionAnswer("py-2", "python", 0.1, ("Yield", "mutex")),
    ]
    review = summarise(QUESTIONS, answers)["concepts_to_review"]
    assert [(r["concept"], r["question_id"]) for r in review] == [
        ("Yield", "py-2"),
        ("mutex", "py-2"),
        ("laziness", "py-1"),
    ]


def test_empty_session_summary():
    summary = summarise(QUESTIONS, [])
    assert summary["answered"] == 0 and summary["mean_score"] is None
    assert summary["strongest_topics"] == summary["weakest_topics"] == []
    assert summary["mastery_change"] == [] and summary["concepts_to_review"] == []
