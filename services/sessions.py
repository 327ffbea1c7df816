"""Practice sessions: create one with its questions, read them, finish with a summary, forget.

A session stores its questions in full (reference material included) so they can still be
scored after the resume or job description changes; clients only ever see Question.payload()
until a question is answered. Answers reach a session through services.practice.answer, which
asks session_question() for the question.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select

from interview.questions import Question
from interview.scoring import Concept
from interview.summary import SessionAnswer, SessionQuestion, summarise
from models import MAX_ROW_ID, SESSION_KINDS, Attempt, InterviewSession, User, db, utcnow
from rag.store import IndexStore
from services import practice
from services.errors import Conflict, InvalidInput, NotFound
from services.ingest import Settings, remove_resume

DEFAULT_COUNT = 5
MAX_COUNT = 20
# Kinds whose questions may quote the resume or the job description (see forget_resume_practice).
CITING_KINDS = ("resume", "behavioral", "role")


class SessionNotFound(NotFound):
    """No session with this id belongs to the caller."""

    def __init__(self) -> None:
        super().__init__("No such practice session.")


class SessionFinished(Conflict):
    """The session is finished: it takes no more answers."""

    def __init__(self) -> None:
        super().__init__("This practice session is finished; start a new one.")


class NothingToAsk(Conflict):
    """No question could be built for the session (e.g. resume questions without a resume)."""


def question_record(q: Question) -> dict[str, Any]:
    """Return a question as the JSON record a session stores (reference material included)."""
    return {
        "id": q.id,
        "kind": q.kind,
        "topic": q.topic,
        "difficulty": q.difficulty,
        "text": q.text,
        "reference_answer": q.reference_answer,
        "key_concepts": [{"name": c.name, "accept": list(c.accept)} for c in q.key_concepts],
        "behavioral": q.behavioral,
        "source": dict(q.source),
    }


def question_from_record(record: dict[str, Any]) -> Question:
    """Rebuild a Question from a stored session record."""
    return Question(
        id=str(record["id"]),
        kind=str(record["kind"]),
        topic=str(record["topic"]),
        difficulty=str(record["difficulty"]),
        text=str(record["text"]),
        reference_answer=str(record["reference_answer"]),
        key_concepts=tuple(
            Concept(name=str(c["name"]), accept=tuple(str(a) for a in c.get("accept", ())))
            for c in record.get("key_concepts") or ()
        ),
        behavioral=bool(record.get("behavioral")),
        source=dict(record.get("source") or {}),
    )


def _owned(user_id: int, session_id: int) -> InterviewSession:
    # Ids past MAX_ROW_ID are no session's (and would overflow PostgreSQL's integer).
    if not 0 < session_id <= MAX_ROW_ID:
        raise SessionNotFound()
    session = db.session.get(InterviewSession, session_id)
    if session is None or session.user_id != user_id:
        # Another user's session is as absent as one that never existed.
        raise SessionNotFound()
    return session


def create_session(
    user_id: int,
    kind: str,
    count: int | None = None,
    difficulty: str | None = None,
    seed: int | str | None = None,
    store: IndexStore | None = None,
) -> InterviewSession:
    """Build a session of a kind with its questions (mock mixes every kind) and store it."""
    if kind not in SESSION_KINDS:
        raise InvalidInput(
            "kind", "The session kind is unknown.", f"must be one of {SESSION_KINDS}"
        )
    count = DEFAULT_COUNT if count is None else count
    if not 1 <= count <= MAX_COUNT:
        raise InvalidInput("count", "The question count is out of range.", f"1 to {MAX_COUNT}")
    questions = practice.question_set(user_id, kind, count, difficulty, seed, store)
    if not questions:
        raise NothingToAsk(
            "No questions could be built for this session: upload a resume with a job "
            "description, or choose the technical kind."
        )
    session = InterviewSession(
        user_id=user_id,
        kind=kind,
        difficulty=difficulty,
        questions=[question_record(q) for q in questions],
        cites_resume=any(q.source for q in questions),
    )
    db.session.add(session)
    db.session.commit()
    return session


def get_session(user_id: int, session_id: int) -> InterviewSession:
    """Return the caller's session, or raise SessionNotFound."""
    return _owned(user_id, session_id)


def list_sessions(user_id: int, page: int, per_page: int) -> tuple[list[InterviewSession], int]:
    """Return one page of the caller's sessions, newest first, and how many there are."""
    total = db.session.execute(
        select(func.count())
        .select_from(InterviewSession)
        .where(InterviewSession.user_id == user_id)
    ).scalar_one()
    rows = db.session.execute(
        select(InterviewSession)
        .where(InterviewSession.user_id == user_id)
        .order_by(InterviewSession.created_at.desc(), InterviewSession.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).scalars()
    return list(rows), int(total)


def session_question(user_id: int, session_id: int, question_id: str) -> Question:
    """Return a question of the caller's open session, for scoring an answer given in it."""
    session = _owned(user_id, session_id)
    if session.status != "open":
        raise SessionFinished()
    for record in session.questions or []:
        if record.get("id") == question_id:
            return question_from_record(record)
    raise NotFound(
        "This question is not part of the session.",
        {"question_id": "is not a question of this session"},
    )


def _latest_attempts(session: InterviewSession) -> dict[str, Attempt]:
    latest: dict[str, Attempt] = {}
    for attempt in session.attempts:
        latest[attempt.question_id] = attempt
    return latest


def question_views(session: InterviewSession) -> list[dict[str, Any]]:
    """Return the session's questions as clients see them: answered ones with their result."""
    latest = _latest_attempts(session)
    out = []
    for record in session.questions or []:
        q = question_from_record(record)
        view: dict[str, Any] = {**q.payload(), "answered": q.id in latest, "result": None}
        attempt = latest.get(q.id)
        if attempt is not None:
            # Answered: the reference may be shown now (never before).
            view["result"] = {
                "score": attempt.score,
                "concepts_covered": list(attempt.concepts_covered),
                "concepts_missed": list(attempt.concepts_missed),
                "feedback": list(attempt.feedback),
                "reference_answer": q.reference_answer,
                "answer": attempt.answer,
            }
        out.append(view)
    return out


def progress(session: InterviewSession) -> dict[str, Any]:
    """Return how many of the session's questions are answered and their mean latest score."""
    latest = _latest_attempts(session)
    ids = set(session.question_ids())
    scores = [a.score for qid, a in latest.items() if qid in ids]
    return {
        "total": len(ids),
        "answered": len(scores),
        "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
    }


def build_summary(session: InterviewSession) -> dict[str, Any]:
    """Summarise the session from its stored questions and the answers given in it."""
    questions = [
        SessionQuestion(str(r["id"]), str(r["topic"]), str(r["kind"]), str(r["text"]))
        for r in session.questions or []
    ]
    answers = [
        SessionAnswer(
            question_id=a.question_id,
            topic=a.topic,
            score=a.score,
            concepts_missed=tuple(a.concepts_missed or ()),
            level_before=a.level_before,
            level_after=a.level_after,
        )
        for a in session.attempts
    ]
    return summarise(questions, answers)


def finish_session(user_id: int, session_id: int) -> InterviewSession:
    """Close the caller's session with its summary; finishing it again returns the same one."""
    session = _owned(user_id, session_id)
    if session.status == "open":
        session.finish(build_summary(session), utcnow())
        db.session.commit()
    return session


def forget_resume_practice(user_id: int) -> None:
    """Delete practice that quotes the resume or job description (sessions, attempts); no commit."""
    citing = db.session.execute(
        select(Attempt).where(Attempt.user_id == user_id, Attempt.kind.in_(CITING_KINDS))
    ).scalars()
    # JSON columns may hold a JSON null rather than SQL NULL: judge the source in Python.
    doomed = [a.id for a in citing if a.source]
    if doomed:
        db.session.execute(delete(Attempt).where(Attempt.id.in_(doomed)))
    db.session.execute(
        delete(InterviewSession).where(
            InterviewSession.user_id == user_id, InterviewSession.cites_resume.is_(True)
        )
    )


def remove_resume_and_practice(user: User, store: IndexStore, settings: Settings) -> None:
    """Delete the resume data and, in the same transaction, the practice that quotes it."""
    forget_resume_practice(user.id)
    # remove_resume commits both, or raises NoResume after committing nothing of its own.
    remove_resume(user, store, settings)
