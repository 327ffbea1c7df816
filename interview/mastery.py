"""Mastery per topic: a moving average of scores, a trend, a difficulty level and a due date.

Pure functions on a plain MasteryState; the service layer stores it (UserMastery) and passes
it back. The due date comes from FSRS (the `fsrs` package) with the score mapped to a rating.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler

from interview.bank import LEVELS

# Weight of the newest score in the level. Chosen by measurement: predicting each student's
# next human grade from the moving average of their earlier grades on the same assignment
# (bench/eval_mastery.py over ../shared/eval/answers/dev.csv) gave the lowest error at 0.35:
# mean squared error 0.0673, against 0.0763 at 0.1 and 0.0743 at 0.7.
ALPHA = 0.35
# Scores at or above STRONG are strong answers, below WEAK weak ones (two in a row move the
# difficulty level); a topic whose level is below WEAK is a weak area.
STRONG = 0.7
WEAK = 0.4
# How many recent scores the trend looks at, and the slope per attempt that counts as change.
TREND_WINDOW = 5
TREND_EPSILON = 0.02
IMPROVING, DECLINING, STEADY, NEW = "improving", "declining", "steady", "new"

# Fuzzing would make the due date random; the same history must give the same date.
_SCHEDULER = Scheduler(enable_fuzzing=False)


@dataclass(frozen=True)
class MasteryState:
    """What is known of a user's mastery of one topic."""

    topic: str
    difficulty: str = "entry"
    level: float = 0.0  # moving average of scores, 0 before any attempt
    attempts: int = 0
    last_practiced: datetime | None = None
    recent: tuple[float, ...] = ()  # the last TREND_WINDOW scores, oldest first
    streak: int = 0  # +n strong answers in a row, -n weak ones, 0 otherwise
    card: dict = field(default_factory=dict)  # the FSRS card as Card.to_dict()
    due: datetime | None = None  # None: never practised, due now


def starting_difficulty(experience_years: float | None, override: str | None = None) -> str:
    """Return the starting level: entry for 0-2 years, mid for 3-5, senior for 6+."""
    if override is not None:
        if override not in LEVELS:
            raise ValueError(f"difficulty must be one of {', '.join(LEVELS)}")
        return override
    years = float(experience_years or 0)
    if years >= 6:
        return "senior"
    if years >= 3:
        return "mid"
    return "entry"


def new_mastery(topic: str, difficulty: str = "entry") -> MasteryState:
    """Return the state of a topic nobody has practised yet."""
    return MasteryState(topic=topic, difficulty=starting_difficulty(None, difficulty))


def moving_average(previous: float | None, score: float, alpha: float = ALPHA) -> float:
    """Fold a score into an exponential moving average; the first score is the average."""
    if previous is None:
        return score
    return alpha * score + (1 - alpha) * previous


def trend(recent: tuple[float, ...] | list[float]) -> tuple[str, float]:
    """Return the direction of recent scores and its least-squares slope per attempt."""
    values = list(recent)[-TREND_WINDOW:]
    if len(values) < 2:
        return NEW, 0.0
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    sxx = sum((i - mean_x) ** 2 for i in range(n))
    slope = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values)) / sxx
    if slope > TREND_EPSILON:
        return IMPROVING, slope
    if slope < -TREND_EPSILON:
        return DECLINING, slope
    return STEADY, slope


def rating_for(score: float) -> Rating:
    """Map a score in [0, 1] to an FSRS rating: Again, Hard, Good or Easy."""
    if score < WEAK:
        return Rating.Again
    if score < 0.6:
        return Rating.Hard
    if score < 0.85:
        return Rating.Good
    return Rating.Easy


def _utc(when: datetime) -> datetime:
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def schedule(card: dict, score: float, when: datetime) -> tuple[dict, datetime]:
    """Review an FSRS card with the score's rating at when; return the card and its due date."""
    when = _utc(when)
    # A fixed id and due keep a new card deterministic (Card() would read the clock).
    current = Card.from_dict(card) if card else Card(card_id=1, due=when)
    updated, _ = _SCHEDULER.review_card(current, rating_for(score), review_datetime=when)
    return updated.to_dict(), updated.due


def adapt_difficulty(difficulty: str, streak: int) -> tuple[str, int]:
    """Move one level up after two strong answers in a row, down after two weak; reset streak."""
    i = LEVELS.index(difficulty)
    if streak >= 2:
        return LEVELS[min(i + 1, len(LEVELS) - 1)], 0
    if streak <= -2:
        return LEVELS[max(i - 1, 0)], 0
    return difficulty, streak


def record_attempt(state: MasteryState, score: float, when: datetime) -> MasteryState:
    """Return the state after one scored answer on the topic at when."""
    score = min(1.0, max(0.0, float(score)))
    when = _utc(when)
    level = moving_average(state.level if state.attempts else None, score)
    if score >= STRONG:
        streak = state.streak + 1 if state.streak > 0 else 1
    elif score < WEAK:
        streak = state.streak - 1 if state.streak < 0 else -1
    else:
        streak = 0
    difficulty, streak = adapt_difficulty(state.difficulty, streak)
    card, due = schedule(state.card, score, when)
    return dataclasses.replace(
        state,
        difficulty=difficulty,
        level=round(level, 4),
        attempts=state.attempts + 1,
        last_practiced=when,
        recent=(*state.recent, round(score, 4))[-TREND_WINDOW:],
        streak=streak,
        card=card,
        due=due,
    )


def is_due(state: MasteryState, now: datetime) -> bool:
    """Tell whether the topic is due for practice at now (never practised counts as due)."""
    return state.due is None or _utc(state.due) <= _utc(now)


def is_weak(state: MasteryState) -> bool:
    """Tell whether the topic has been practised and its level is below WEAK."""
    return state.attempts > 0 and state.level < WEAK


def practice_order(states: list[MasteryState], now: datetime) -> list[MasteryState]:
    """Order topics for practice: weak ones first (weakest first), then due ones, then the rest."""

    def key(s: MasteryState) -> tuple:
        if is_weak(s):
            return (0, s.level, s.topic)
        if s.attempts and is_due(s, now):
            return (1, _utc(s.due).timestamp() if s.due else 0.0, s.topic)
        if not s.attempts:
            return (2, 0.0, s.topic)
        return (3, s.level, s.topic)

    return sorted(states, key=key)


def summary(state: MasteryState) -> dict:
    """Return the state as the plain fields the API lists per topic."""
    direction, slope = trend(state.recent)
    return {
        "topic": state.topic,
        "level": state.level,
        "difficulty": state.difficulty,
        "attempts": state.attempts,
        "trend": direction,
        "trend_slope": round(slope, 4),
        "last_practiced": state.last_practiced.isoformat() if state.last_practiced else None,
        "due": state.due.isoformat() if state.due else None,
    }
