"""Request and response models of practice sessions and the progress report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas import Strict
from api.schemas_interview import MAX_SEED_CHARS, Level, Page, QuestionOut, page_size
from services.sessions import DEFAULT_COUNT, MAX_COUNT

SessionKind = Literal["mock", "technical", "resume", "behavioral", "role"]
MAX_SESSIONS_PER_PAGE = 50
SessionsPageSize = page_size(10, MAX_SESSIONS_PER_PAGE)


class SessionIn(Strict):
    kind: SessionKind = Field(
        description="mock mixes resume, technical (the job's gaps first), behavioural and role"
    )
    count: int = Field(default=DEFAULT_COUNT, ge=1, le=MAX_COUNT, description="How many questions")
    difficulty: Level | None = Field(
        default=None, description="Overrides the level from experience years and mastery"
    )
    seed: str | None = Field(
        default=None, max_length=MAX_SEED_CHARS, description="Any text: another reproducible set"
    )


class SessionsQuery(BaseModel):
    """The query string of the session list."""

    model_config = ConfigDict(extra="ignore")

    page: Page = 1
    per_page: SessionsPageSize = 10


# ---- responses -------------------------------------------------------------------------


class ResultOut(BaseModel):
    """The latest scored answer to a session question; the reference is shown once answered."""

    score: float = Field(ge=0, le=1)
    concepts_covered: list[str]
    concepts_missed: list[str]
    feedback: list[str]
    reference_answer: str
    answer: str


class SessionQuestionOut(QuestionOut):
    answered: bool
    result: ResultOut | None = Field(description="null until the question is answered")


class ProgressOut(BaseModel):
    total: int
    answered: int
    mean_score: float | None = Field(description="Mean of the latest scores; null: none yet")


class QuestionScoreOut(BaseModel):
    question_id: str
    topic: str
    kind: str
    question: str
    score: float | None = Field(description="The latest answer's score; null: unanswered")
    attempts: int


class TopicScoreOut(BaseModel):
    topic: str
    mean_score: float
    answered: int


class ReviewOut(BaseModel):
    topic: str
    concept: str
    question_id: str


class MasteryChangeOut(BaseModel):
    topic: str
    before: float | None = Field(description="Level before the session; null: a new topic")
    after: float | None
    change: float | None


class SummaryOut(BaseModel):
    questions: int
    answered: int
    mean_score: float | None
    per_question: list[QuestionScoreOut]
    topics: list[TopicScoreOut] = Field(description="Answered topics, best mean score first")
    strongest_topics: list[TopicScoreOut]
    weakest_topics: list[TopicScoreOut]
    concepts_to_review: list[ReviewOut] = Field(description="From the lowest-scored answer on")
    mastery_change: list[MasteryChangeOut]


class SessionBrief(BaseModel):
    id: int
    kind: SessionKind
    difficulty: Level | None
    status: Literal["open", "finished"]
    created_at: str
    finished_at: str | None
    progress: ProgressOut


class SessionDetail(SessionBrief):
    questions: list[SessionQuestionOut]
    summary: SummaryOut | None = Field(description="Set when the session is finished")


class SessionOut(BaseModel):
    success: bool = True
    session: SessionDetail


class SessionListOut(BaseModel):
    success: bool = True
    sessions: list[SessionBrief] = Field(description="Newest first")
    page: int
    per_page: int
    total: int
    pages: int


class SummaryResponse(BaseModel):
    success: bool = True
    session: SessionDetail
    summary: SummaryOut
