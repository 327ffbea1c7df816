"""Request and response models of the interview practice routes: questions, answers, mastery."""

from __future__ import annotations

import re
from functools import partial
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from api.schemas import Strict
from interview.scoring import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, MAX_REFERENCE_CHARS
from interview.selection import MAX_COUNT

Level = Literal["entry", "mid", "senior"]
MAX_PAGE = 100_000
MAX_PER_PAGE = 100
MAX_SEED_CHARS = 64
MAX_TOPIC_CHARS = 100


def _digits(value: Any, low: int, high: int, default: int | None = None) -> int:
    # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
    if value is None and default is not None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"[0-9]{1,6}", value):
        number = int(value)
    else:
        number = low - 1
    if not low <= number <= high:
        raise ValueError(f"must be an integer from {low} to {high}")
    return number


def page_size(default: int, maximum: int) -> Any:
    """Return the type of a per_page query parameter: 1 to maximum, default when absent."""
    # Field before the validator: pydantic then documents the bounds as minimum and maximum.
    return Annotated[
        int,
        Field(ge=1, le=maximum),
        BeforeValidator(partial(_digits, low=1, high=maximum, default=default)),
    ]


# A page number in a query string: ASCII digits only, 1 when absent.
Page = Annotated[
    int,
    Field(ge=1, le=MAX_PAGE),
    BeforeValidator(partial(_digits, low=1, high=MAX_PAGE, default=1)),
]
HistoryPageSize = page_size(20, MAX_PER_PAGE)


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


class QuestionsQuery(BaseModel):
    """The query string of a question set."""

    model_config = ConfigDict(extra="ignore")

    kind: Literal["technical", "resume", "behavioral", "role", "mixed", "mock"] = Field(
        default="technical", description="Which set; mixed (= mock) interleaves all four"
    )
    count: int = Field(default=5, ge=1, le=MAX_COUNT, description="How many questions")
    difficulty: Level | None = Field(
        default=None, description="Overrides the level from experience years and mastery"
    )
    seed: str | None = Field(
        default=None,
        max_length=MAX_SEED_CHARS,
        description="Any text: reorders the set reproducibly; without it the set is fixed",
    )

    @field_validator("count", mode="before")
    @classmethod
    def _count(cls, value: Any) -> int:
        return _digits(value, 1, MAX_COUNT, default=5)

    @field_validator("difficulty", "seed", mode="before")
    @classmethod
    def _optional(cls, value: Any) -> Any:
        return _blank_to_none(value)


class ConceptIn(Strict):
    name: str = Field(min_length=1, max_length=100)
    accept: list[str] = Field(
        default_factory=list, max_length=10, description="Other wordings that count"
    )


class CustomQuestionIn(Strict):
    question: str = Field(
        min_length=1, max_length=MAX_QUESTION_CHARS, description="The question to practise"
    )
    reference_answer: str = Field(
        min_length=1,
        max_length=MAX_REFERENCE_CHARS,
        description="Your model answer: answers are scored against it",
    )
    topic: str | None = Field(
        default=None,
        max_length=MAX_TOPIC_CHARS,
        description="A skill or topic ('Postgres'); mapped to the bank's topic when it has one",
    )
    key_concepts: list[str | ConceptIn] | None = Field(
        default=None,
        max_length=10,
        description="Concepts an answer should cover; derived from the reference when left out",
    )


class AnswerIn(Strict):
    question_id: str = Field(min_length=1, max_length=64)
    answer: str = Field(
        description=f"The answer: not blank, at most {MAX_ANSWER_CHARS} characters (else 422)"
    )
    session_id: int | None = Field(
        default=None, ge=1, description="The session the question belongs to, if any"
    )


class HistoryQuery(BaseModel):
    """The query string of the attempt history."""

    model_config = ConfigDict(extra="ignore")

    topic: str | None = Field(default=None, max_length=MAX_TOPIC_CHARS)
    page: Page = 1
    per_page: HistoryPageSize = 20

    @field_validator("topic", mode="before")
    @classmethod
    def _topic(cls, value: Any) -> Any:
        return _blank_to_none(value)


# ---- responses -------------------------------------------------------------------------


class QuestionOut(BaseModel):
    """A question as shown before it is answered: no reference answer, no key concepts."""

    id: str = Field(description="Stable id: send it back with the answer")
    kind: str
    topic: str
    difficulty: Level
    question: str
    source: dict[str, Any] | None = Field(
        default=None, description="What a resume, behavioural or role question is about"
    )


class QuestionsOut(BaseModel):
    success: bool = True
    kind: str
    count: int
    questions: list[QuestionOut]


class CustomQuestionOut(BaseModel):
    success: bool = True
    question: QuestionOut


class MasteryOut(BaseModel):
    topic: str = Field(description="Topic slug (bank topic) or your own topic's name")
    name: str
    level: float = Field(description="Moving average of scores (alpha 0.35), 0-1")
    difficulty: Level
    attempts: int
    trend: Literal["new", "improving", "steady", "declining"]
    trend_slope: float
    recent_scores: list[float]
    last_practiced: str | None
    due: str | None = Field(description="Next review (FSRS); null: never practised")
    weak: bool
    due_now: bool


class AnswerMasteryOut(MasteryOut):
    level_before: float | None = Field(description="null: the topic's first attempt")
    change: float


class AnswerResult(BaseModel):
    attempt_id: int
    question_id: str
    session_id: int | None
    score: float = Field(ge=0, le=1)
    concepts_covered: list[str]
    concepts_missed: list[str]
    feedback: list[str] = Field(description="Sentences: verdict first, then what to improve")
    reference_answer: str
    key_concepts: list[str]
    topic: str
    difficulty: Level
    mastery: AnswerMasteryOut


class AnswerOut(BaseModel):
    success: bool = True
    result: AnswerResult


class MasteryListOut(BaseModel):
    success: bool = True
    topics: list[MasteryOut] = Field(description="Weakest first, then due, new, the rest")


class AttemptOut(BaseModel):
    id: int
    question_id: str
    session_id: int | None
    kind: str
    topic: str
    difficulty: str
    question: str
    answer: str
    score: float
    concepts_covered: list[str]
    concepts_missed: list[str]
    feedback: list[str]
    source: dict[str, Any] | None
    created_at: str


class HistoryOut(BaseModel):
    success: bool = True
    attempts: list[AttemptOut] = Field(description="Newest first")
    page: int
    per_page: int
    total: int
    pages: int
