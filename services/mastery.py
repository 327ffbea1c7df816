"""Mastery rows per topic: seeded at upload, updated by each scored answer, listed for practice."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from interview import bank as qbank
from interview import mastery as core
from models import User, UserMastery, db

# Longest topic name a row holds (the column's size).
TOPIC_MAX = 100


def now_utc() -> datetime:
    """Return the current time, timezone-aware UTC (the interview core's convention)."""
    return datetime.now(UTC)


def topic_of(name: str | None, fallback: str = "custom") -> str:
    """Return the bank topic slug of a topic or skill name, or the name itself, lower case."""
    if not name or not name.strip():
        return fallback
    found = qbank.topic_for_skill(name) or qbank.get_topic(name)
    if found is not None:
        return found.slug
    # A topic outside the bank still gets its own row: one spelling per topic.
    return " ".join(name.split()).casefold()[:TOPIC_MAX]


def rows_by_topic(user_id: int) -> dict[str, UserMastery]:
    """Return the user's mastery rows keyed by topic."""
    rows = db.session.execute(select(UserMastery).where(UserMastery.user_id == user_id)).scalars()
    return {r.topic: r for r in rows}


def states(user_id: int) -> list[core.MasteryState]:
    """Return the user's mastery of every known topic as plain states."""
    return [r.to_state() for r in rows_by_topic(user_id).values()]


def seed_topics(user: User, skills: list[str]) -> list[str]:
    """Add a row (not yet practised) for each bank topic of the skills; return the new topics."""
    have = rows_by_topic(user.id)
    level = core.starting_difficulty(user.experience_years)
    added = []
    for slug in qbank.topics_for_skills([s for s in skills if isinstance(s, str)]):
        if slug not in have:
            db.session.add(UserMastery(user_id=user.id, topic=slug, difficulty=level))
            added.append(slug)
    return added


def record(
    user: User, topic: str, score: float, when: datetime
) -> tuple[float | None, core.MasteryState]:
    """Fold a score into the topic's row (made on first use); return level before, state."""
    row = rows_by_topic(user.id).get(topic)
    if row is None:
        level = core.starting_difficulty(user.experience_years)
        row = UserMastery(user_id=user.id, topic=topic, difficulty=level)
        db.session.add(row)
        state = core.new_mastery(topic, level)
    else:
        state = row.to_state()
    before = state.level if state.attempts else None
    after = core.record_attempt(state, score, when)
    row.apply_state(after)
    return before, after


def view(state: core.MasteryState, now: datetime) -> dict:
    """Return a topic's mastery as the API lists it: level, trend, due date, weak or due."""
    out = core.summary(state)
    topic = qbank.load_bank().topics.get(state.topic)
    out["name"] = topic.topic if topic else state.topic
    out["weak"] = core.is_weak(state)
    out["due_now"] = core.is_due(state, now)
    out["recent_scores"] = list(state.recent)
    return out


def listing(user_id: int, now: datetime | None = None) -> list[dict]:
    """Return every topic's mastery in practice order: weakest, due, new, the rest."""
    now = now or now_utc()
    return [view(s, now) for s in core.practice_order(states(user_id), now)]
