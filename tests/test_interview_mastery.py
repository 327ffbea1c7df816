"""Mastery: moving average, trend, FSRS due dates, difficulty from experience and streaks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from interview import mastery as m

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _after(scores: list[float], state: m.MasteryState | None = None) -> m.MasteryState:
    state = state or m.new_mastery("python", "mid")
    for i, score in enumerate(scores):
        state = m.record_attempt(state, score, T0 + timedelta(days=i))
    return state


@pytest.mark.parametrize(
    ("years", "level"),
    [(0, "entry"), (1, "entry"), (2, "entry"), (2.9, "entry"), (3, "mid"), (5, "mid")]
    + [(6, "senior"), (12, "senior"), (None, "entry")],
)
def test_starting_difficulty_follows_experience_years(years, level):
    assert m.starting_difficulty(years) == level


def test_difficulty_override_wins_and_is_validated():
    assert m.starting_difficulty(12, "entry") == "entry"
    assert m.starting_difficulty(1, "senior") == "senior"
    with pytest.raises(ValueError):
        m.starting_difficulty(1, "expert")


def test_level_is_the_moving_average_with_the_stated_alpha():
    state = _after([0.8])
    assert state.level == pytest.approx(0.8)
    state = _after([0.8, 0.2])
    assert state.level == pytest.approx(m.ALPHA * 0.2 + (1 - m.ALPHA) * 0.8, abs=1e-4)
    assert state.attempts == 2
    assert state.last_practiced == T0 + timedelta(days=1)


def test_scores_are_clamped_into_range():
    state = _after([7.0, -3.0])
    assert 0.0 <= state.level <= 1.0
    assert state.recent == (1.0, 0.0)


def test_trend_reads_recent_direction():
    assert m.trend([]) == (m.NEW, 0.0)
    assert m.trend([0.5])[0] == m.NEW
    assert m.trend([0.2, 0.4, 0.6, 0.8])[0] == m.IMPROVING
    assert m.trend([0.9, 0.7, 0.5])[0] == m.DECLINING
    assert m.trend([0.6, 0.61, 0.6, 0.6])[0] == m.STEADY
    # Only the last TREND_WINDOW attempts count: an old collapse does not mask recent progress.
    assert m.trend([1.0, 0.0, 0.1, 0.2, 0.3, 0.4])[0] == m.IMPROVING


def test_recent_keeps_the_window():
    state = _after([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    assert state.recent == (0.3, 0.4, 0.5, 0.6, 0.7)


@pytest.mark.parametrize(
    ("score", "rating"),
    [(0.0, m.Rating.Again), (0.39, m.Rating.Again), (0.4, m.Rating.Hard), (0.59, m.Rating.Hard)]
    + [(0.6, m.Rating.Good), (0.84, m.Rating.Good), (0.85, m.Rating.Easy), (1.0, m.Rating.Easy)],
)
def test_score_maps_to_fsrs_rating(score, rating):
    assert m.rating_for(score) == rating


def test_due_date_is_later_for_better_answers_and_deterministic():
    poor = _after([0.1, 0.1, 0.1])
    good = _after([0.95, 0.95, 0.95])
    assert good.due > poor.due
    assert _after([0.95, 0.95, 0.95]).due == good.due
    assert _after([0.95, 0.95, 0.95]).card == good.card
    # Good answers stretch the interval: the third review is due days after the answer.
    assert good.due - good.last_practiced > timedelta(days=2)
    assert poor.due - poor.last_practiced < timedelta(days=1)


def test_naive_datetimes_are_taken_as_utc():
    naive = m.record_attempt(m.new_mastery("sql"), 0.9, datetime(2026, 1, 5, 9, 0))
    aware = m.record_attempt(m.new_mastery("sql"), 0.9, T0)
    assert naive.due == aware.due
    assert naive.last_practiced.tzinfo is not None


def test_two_strong_answers_in_a_row_move_the_level_up():
    state = _after([0.9])
    assert state.difficulty == "mid"
    state = _after([0.9, 0.8])
    assert state.difficulty == "senior"
    # The streak restarts after a move: one more strong answer does not move again.
    assert _after([0.9, 0.8, 0.9], _after([])).difficulty == "senior"
    assert _after([0.9, 0.9, 0.9, 0.9]).difficulty == "senior"


def test_two_weak_answers_in_a_row_move_the_level_down():
    assert _after([0.1]).difficulty == "mid"
    assert _after([0.1, 0.2]).difficulty == "entry"
    assert _after([0.1, 0.2, 0.1, 0.0]).difficulty == "entry"


def test_a_middling_or_opposite_answer_breaks_the_streak():
    assert _after([0.9, 0.5, 0.9]).difficulty == "mid"
    assert _after([0.1, 0.9, 0.1]).difficulty == "mid"
    assert _after([0.9, 0.1, 0.9]).difficulty == "mid"


def test_practice_order_puts_weak_then_due_first():
    now = T0 + timedelta(days=30)
    weak = _after([0.1, 0.2], m.new_mastery("weak-topic"))
    weaker = _after([0.0, 0.1], m.new_mastery("weaker-topic"))
    strong_due = _after([0.9], m.new_mastery("due-topic"))
    strong_later = m.record_attempt(m.new_mastery("fresh-topic"), 1.0, now)
    untouched = m.new_mastery("new-topic")
    order = m.practice_order([strong_later, untouched, strong_due, weak, weaker], now)
    assert [s.topic for s in order] == [
        "weaker-topic",
        "weak-topic",
        "due-topic",
        "new-topic",
        "fresh-topic",
    ]
    assert m.is_due(untouched, now) and not m.is_due(strong_later, now)
    assert m.is_weak(weak) and not m.is_weak(untouched)


def test_summary_lists_the_api_fields():
    state = _after([0.3, 0.5, 0.7])
    out = m.summary(state)
    assert out["topic"] == "python"
    assert out["attempts"] == 3
    assert out["trend"] == m.IMPROVING
    assert out["last_practiced"] == (T0 + timedelta(days=2)).isoformat()
    assert out["due"] == state.due.isoformat()
    assert m.summary(m.new_mastery("x"))["due"] is None
