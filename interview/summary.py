"""Summarise a finished practice session from its questions and the answers given: pure data.

Per question the latest answer counts (a retried question is judged on the retry); topics are
ranked on the mean of those scores; mastery change per topic runs from the level before the
topic's first answer in the session to the level after its last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview.mastery import STRONG, WEAK

# At most this many topics are named strongest, and as many weakest.
TOP_TOPICS = 3


@dataclass(frozen=True)
class SessionQuestion:
    """A question of the session, in the order it was asked."""

    id: str
    topic: str
    kind: str
    text: str


@dataclass(frozen=True)
class SessionAnswer:
    """One scored answer given in the session, in the order given."""

    question_id: str
    topic: str
    score: float
    concepts_missed: tuple[str, ...] = ()
    level_before: float | None = None  # None: the topic had never been practised
    level_after: float | None = None


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4)


def latest_answers(answers: Sequence[SessionAnswer]) -> dict[str, SessionAnswer]:
    """Return the last answer given to each question id."""
    latest: dict[str, SessionAnswer] = {}
    for a in answers:
        latest[a.question_id] = a
    return latest


def question_scores(
    questions: Sequence[SessionQuestion], answers: Sequence[SessionAnswer]
) -> list[dict]:
    """List each question with its latest score (None when unanswered) and how often answered."""
    latest = latest_answers(answers)
    counts: dict[str, int] = {}
    for a in answers:
        counts[a.question_id] = counts.get(a.question_id, 0) + 1
    return [
        {
            "question_id": q.id,
            "topic": q.topic,
            "kind": q.kind,
            "question": q.text,
            "score": latest[q.id].score if q.id in latest else None,
            "attempts": counts.get(q.id, 0),
        }
        for q in questions
    ]


def topic_scores(
    questions: Sequence[SessionQuestion], answers: Sequence[SessionAnswer]
) -> list[dict]:
    """Return each answered topic's mean latest score, best first (ties by first appearance)."""
    latest = latest_answers(answers)
    by_topic: dict[str, list[float]] = {}
    for q in questions:
        if q.id in latest:
            by_topic.setdefault(q.topic, []).append(latest[q.id].score)
    order = {t: i for i, t in enumerate(by_topic)}
    rows = [{"topic": t, "mean_score": _mean(s), "answered": len(s)} for t, s in by_topic.items()]
    return sorted(rows, key=lambda r: (-r["mean_score"], order[r["topic"]]))


def strongest_and_weakest(ranked: list[dict]) -> tuple[list[dict], list[dict]]:
    """Split ranked topics: the best half (never below WEAK) and the worst (never STRONG)."""
    half = (len(ranked) + 1) // 2
    strongest = [r for r in ranked[: min(half, TOP_TOPICS)] if r["mean_score"] >= WEAK]
    named = {r["topic"] for r in strongest}
    weakest = [r for r in reversed(ranked) if r["topic"] not in named and r["mean_score"] < STRONG]
    return strongest, weakest[:TOP_TOPICS]


def concepts_to_review(
    questions: Sequence[SessionQuestion], answers: Sequence[SessionAnswer]
) -> list[dict]:
    """Return the concepts the latest answers missed, from the lowest-scored question on."""
    latest = latest_answers(answers)
    position = {q.id: i for i, q in enumerate(questions)}
    answered = sorted(
        (a for a in latest.values() if a.question_id in position),
        key=lambda a: (a.score, position[a.question_id]),
    )
    seen: set[tuple[str, str]] = set()
    out = []
    for a in answered:
        for concept in a.concepts_missed:
            key = (a.topic, concept.casefold())
            if key not in seen:
                seen.add(key)
                out.append({"topic": a.topic, "concept": concept, "question_id": a.question_id})
    return out


def mastery_change(answers: Sequence[SessionAnswer]) -> list[dict]:
    """Return each topic's mastery level before and after the session, and the change."""
    first: dict[str, SessionAnswer] = {}
    last: dict[str, SessionAnswer] = {}
    for a in answers:
        first.setdefault(a.topic, a)
        last[a.topic] = a
    out = []
    for topic, a in first.items():
        before = a.level_before
        after = last[topic].level_after
        change = None if after is None else round(after - (before or 0.0), 4)
        out.append({"topic": topic, "before": before, "after": after, "change": change})
    return out


def summarise(questions: Sequence[SessionQuestion], answers: Sequence[SessionAnswer]) -> dict:
    """Return the session summary: scores, strongest and weakest topics, review, mastery change."""
    per_question = question_scores(questions, answers)
    scored = [q["score"] for q in per_question if q["score"] is not None]
    ranked = topic_scores(questions, answers)
    strongest, weakest = strongest_and_weakest(ranked)
    return {
        "questions": len(per_question),
        "answered": len(scored),
        "mean_score": _mean(scored) if scored else None,
        "per_question": per_question,
        "topics": ranked,
        "strongest_topics": strongest,
        "weakest_topics": weakest,
        "concepts_to_review": concepts_to_review(questions, answers),
        "mastery_change": mastery_change(answers),
    }
