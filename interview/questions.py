"""The plain data a question set is built from and made of: roles, chunks, inputs, questions."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from interview.mastery import MasteryState
from interview.scoring import Concept


@dataclass(frozen=True)
class Role:
    """A job or project from the resume that behavioural questions are set in."""

    name: str  # the company, or the project's name
    title: str = ""  # the position held, if known
    kind: str = "job"  # "job" or "project"


@dataclass(frozen=True)
class Chunk:
    """A resume chunk the service retrieved for the caller (never another user's)."""

    id: int
    section: str
    text: str
    source: str = ""  # the job or project the chunk belongs to, if known


@dataclass(frozen=True)
class Question:
    """A question in a set; reference_answer and key_concepts are for scoring, not display."""

    id: str
    kind: str
    topic: str  # bank topic slug, or "resume" / "role" for generated questions off the bank
    difficulty: str
    text: str
    reference_answer: str
    key_concepts: tuple[Concept, ...] = ()  # empty: the scorer derives them from the reference
    behavioral: bool = False
    source: dict = field(default_factory=dict)  # the cited resume part, for resume questions

    def payload(self) -> dict:
        """Return what a client may see before answering: no reference, no concepts."""
        out = {
            "id": self.id,
            "kind": self.kind,
            "topic": self.topic,
            "difficulty": self.difficulty,
            "question": self.text,
        }
        if self.source:
            out["source"] = dict(self.source)
        return out


@dataclass(frozen=True)
class Inputs:
    """Everything a set is built from, as plain data gathered by the service layer."""

    experience_years: float = 0
    resume_skills: Sequence[str] = ()
    jd_skills: Sequence[str] = ()  # ranked, required first (resume.fit.jd_skills_ranked)
    jd_text: str = ""
    mastery: Sequence[MasteryState] = ()
    roles: Sequence[Role] = ()
    chunks: Sequence[Chunk] = ()  # retrieved, most relevant first
    recent_ids: frozenset[str] = frozenset()  # answered lately: asked again only when needed
    now: datetime | None = None  # when due dates are judged; None: nothing counts as due


def generated_id(kind: str, *parts: object) -> str:
    """Return a stable id for a generated question, hashed from its kind and content."""
    digest = hashlib.sha256("\x1f".join([kind, *map(str, parts)]).encode()).hexdigest()
    return f"{kind}-{digest[:16]}"
