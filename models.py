"""Database models: typed SQLAlchemy 2.0 declarative classes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from interview.mastery import MasteryState

# Named constraints make Alembic migrations deterministic on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The largest value of an Integer column on PostgreSQL: a larger id names no row, and asking
# the database for it would fail with "integer out of range" instead of finding nothing.
MAX_ROW_ID = 2**31 - 1


def utcnow() -> datetime:
    """Return the current UTC time without tzinfo (stored naive, always UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


class User(db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("experience_years >= 0 AND experience_years <= 70", name="experience"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), nullable=False)
    email: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    full_name: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    experience_years: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    skills: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    # Skills the user typed by hand survive a re-upload that no longer lists them.
    manual_skills: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    resume_filename: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, nullable=False, default=utcnow, onupdate=utcnow
    )

    masteries: Mapped[list[UserMastery]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    custom_questions: Mapped[list[CustomQuestion]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[InterviewSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def set_skills_by_hand(self, skills: list[str]) -> None:
        """Replace the skill list with one the user typed; it survives future uploads."""
        self.skills = list(skills)
        self.manual_skills = list(skills)

    def merge_resume_skills(
        self, found: list[str], dedupe: Callable[[list[str]], list[str]]
    ) -> None:
        """Set the skills to the hand-typed ones followed by those a resume names, once each."""
        # `dedupe` decides what counts as the same skill; that rule lives with the skills code.
        self.skills = dedupe(list(self.manual_skills or []) + list(found))

    def apply_resume(
        self, filename: str, years: int, found: list[str], dedupe: Callable[[list[str]], list[str]]
    ) -> None:
        """Fill the profile from an analysed resume: file, years of experience, merged skills."""
        self.merge_resume_skills(found, dedupe)
        self.experience_years = years
        self.resume_filename = filename


# Usernames are unique regardless of case; emails are simply stored lower-case.
Index("uq_users_username_lower", func.lower(User.username), unique=True)


class UserMastery(db.Model):
    """A user's mastery of one topic: the stored form of interview.mastery.MasteryState."""

    __tablename__ = "user_mastery"
    __table_args__ = (
        UniqueConstraint("user_id", "topic", name="uq_user_mastery_user_topic"),
        CheckConstraint("level >= 0 AND level <= 1", name="level_range"),
        CheckConstraint("difficulty IN ('entry', 'mid', 'senior')", name="difficulty"),
        CheckConstraint("attempts >= 0", name="attempts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    topic: Mapped[str] = mapped_column(String(100), nullable=False)
    level: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_practiced_at: Mapped[datetime | None] = mapped_column(DateTime)
    difficulty: Mapped[str] = mapped_column(String(10), nullable=False, default="entry")
    # The last few scores, oldest first: the trend is computed from them.
    recent_scores: Mapped[list[float]] = mapped_column(JSON, nullable=False, default=list)
    # +n strong answers in a row, -n weak ones: two either way move the difficulty.
    streak: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # The FSRS card (fsrs.Card.to_dict()); empty before the first review.
    fsrs_card: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    user: Mapped[User] = relationship(back_populates="masteries")

    def to_state(self) -> MasteryState:
        """Return the row as the plain MasteryState the interview core works on."""
        from interview.mastery import MasteryState

        return MasteryState(
            topic=self.topic,
            difficulty=self.difficulty or "entry",
            level=float(self.level or 0.0),
            attempts=int(self.attempts or 0),
            last_practiced=_aware(self.last_practiced_at),
            recent=tuple(float(x) for x in (self.recent_scores or [])),
            streak=int(self.streak or 0),
            card=dict(self.fsrs_card or {}),
            due=_aware(self.due_at),
        )

    def apply_state(self, state: MasteryState) -> None:
        """Copy a MasteryState of this row's topic into the row."""
        self.difficulty = state.difficulty
        self.level = min(1.0, max(0.0, float(state.level)))
        self.attempts = state.attempts
        self.last_practiced_at = _naive(state.last_practiced)
        self.recent_scores = list(state.recent)
        self.streak = state.streak
        self.fsrs_card = dict(state.card)
        self.due_at = _naive(state.due)


def _aware(when: datetime | None) -> datetime | None:
    return when.replace(tzinfo=UTC) if when is not None and when.tzinfo is None else when


def _naive(when: datetime | None) -> datetime | None:
    # Stored naive, always UTC, like every other timestamp here.
    return when.astimezone(UTC).replace(tzinfo=None) if when is not None and when.tzinfo else when


class CustomQuestion(db.Model):
    """A practice question a user wrote with a model answer; only its owner sees it."""

    __tablename__ = "custom_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    question: Mapped[str] = mapped_column(Text, nullable=False)
    reference_answer: Mapped[str] = mapped_column(Text, nullable=False)
    topic: Mapped[str] = mapped_column(String(100), nullable=False, default="custom")
    # [{"name": ..., "accept": [...]}]; empty: the scorer derives concepts from the reference.
    key_concepts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    user: Mapped[User] = relationship(back_populates="custom_questions")

    PREFIX = "custom-"

    @property
    def public_id(self) -> str:
        """Return the question id clients use ("custom-<n>")."""
        return f"{self.PREFIX}{self.id}"

    @classmethod
    def row_id(cls, question_id: str) -> int | None:
        """Return the row id inside a "custom-<n>" question id, or None if it is not one."""
        if not question_id.startswith(cls.PREFIX):
            return None
        digits = question_id[len(cls.PREFIX) :]
        if not (digits.isascii() and digits.isdigit() and len(digits) < 12):
            return None
        row_id = int(digits)
        return row_id if 0 < row_id <= MAX_ROW_ID else None


SESSION_KINDS = ("mock", "technical", "resume", "behavioral", "role")


class InterviewSession(db.Model):
    """A practice session: the questions it was built with, its state and its summary."""

    __tablename__ = "interview_sessions"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('mock', 'technical', 'resume', 'behavioral', 'role')", name="kind"
        ),
        CheckConstraint("status IN ('open', 'finished')", name="status"),
        CheckConstraint(
            "difficulty IS NULL OR difficulty IN ('entry', 'mid', 'senior')", name="difficulty"
        ),
        Index("ix_interview_sessions_user_created", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    # The requested override; None: each question's level came from experience and mastery.
    difficulty: Mapped[str | None] = mapped_column(String(10))
    # The questions with their stable ids, as built (reference material included, for
    # scoring; the API shows only each question's payload until it is answered).
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    # True when a question was built from the resume: deleting the resume deletes the session.
    cites_resume: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship(back_populates="sessions")
    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="session", passive_deletes=True, order_by="Attempt.id"
    )

    def question_ids(self) -> list[str]:
        """Return the ids of the session's questions, in order."""
        return [str(q.get("id")) for q in self.questions or []]

    def finish(self, summary: dict[str, Any], when: datetime | None = None) -> None:
        """Close the session with its summary."""
        self.status = "finished"
        self.summary = summary
        self.finished_at = when or utcnow()


class Attempt(db.Model):
    """One scored answer: the question as asked, the answer, its score and feedback."""

    __tablename__ = "attempts"
    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= 1", name="score_range"),
        Index("ix_attempts_user_created", "user_id", "created_at"),
        Index("ix_attempts_user_topic", "user_id", "topic"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    session_id: Mapped[int | None] = mapped_column(
        # A technical attempt outlives its session: it cites nothing the session owned.
        ForeignKey("interview_sessions.id", ondelete="SET NULL"),
        index=True,
    )
    question_id: Mapped[str] = mapped_column(String(64), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    topic: Mapped[str] = mapped_column(String(100), nullable=False)
    difficulty: Mapped[str] = mapped_column(String(10), nullable=False)
    question: Mapped[str] = mapped_column(Text, nullable=False)
    answer: Mapped[str] = mapped_column(Text, nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False)
    concepts_covered: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    concepts_missed: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    feedback: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    # The topic's mastery level before and after this answer (None before: a new topic).
    level_before: Mapped[float | None] = mapped_column(Float)
    level_after: Mapped[float | None] = mapped_column(Float)
    # Question.source: the cited resume chunk, role or job responsibility; None for bank and
    # custom questions. An attempt with a source is deleted with the resume data it cites.
    source: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    user: Mapped[User] = relationship(back_populates="attempts")
    session: Mapped[InterviewSession | None] = relationship(back_populates="attempts")


class TokenBlocklist(db.Model):
    __tablename__ = "token_blocklist"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jti: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    token_type: Mapped[str] = mapped_column(String(10), nullable=False)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    revoked_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # Rows past this time can be purged: the token would fail its exp check anyway.
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)


class ResumeAnalysis(db.Model):
    """The latest analysed resume of a user: one row per user, replaced on re-upload."""

    __tablename__ = "resume_analyses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    original_filename: Mapped[str] = mapped_column(String(255), nullable=False)
    job_description: Mapped[str] = mapped_column(Text, nullable=False)
    resume_text: Mapped[str] = mapped_column(Text, nullable=False)
    # Kept so the on-disk job-description file can be rebuilt from the database.
    jd_embedding: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    # Names the staged file of the upload that committed (see services.ingest).
    file_token: Mapped[str] = mapped_column(String(32), nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ResumeChunk(db.Model):
    """A searchable piece of a resume; its id is the vector id in the user's FAISS index."""

    __tablename__ = "resume_chunks"
    # Ids are vector ids on disk: never reuse one, or a stale index could look current.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    section: Mapped[str] = mapped_column(String(40), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    # The embedding is kept so a lost or corrupt index is rebuilt without the model.
    embedding: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
