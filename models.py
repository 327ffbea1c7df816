"""Database models: typed SQLAlchemy 2.0 declarative classes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import (
    JSON,
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

# Named constraints make Alembic migrations deterministic on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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
    __tablename__ = "user_mastery"
    __table_args__ = (
        UniqueConstraint("user_id", "topic", name="uq_user_mastery_user_topic"),
        CheckConstraint("level >= 0 AND level <= 1", name="level_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    topic: Mapped[str] = mapped_column(String(100), nullable=False)
    level: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_practiced_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship(back_populates="masteries")


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
