"""Practice session routes: create, list, read, finish with a summary."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app
from flask_jwt_extended import current_user

from api.contract import operation
from api.limits import per_account
from api.schemas_sessions import (
    SessionIn,
    SessionListOut,
    SessionOut,
    SessionsQuery,
    SummaryResponse,
)
from api.tokens import jwt_required
from models import InterviewSession
from services.sessions import (
    create_session,
    finish_session,
    get_session,
    list_sessions,
    progress,
    question_views,
)

sessions_bp = Blueprint("sessions", __name__, url_prefix="/api/interview")


def _stamp(value) -> str | None:
    return value.replace(microsecond=0).isoformat() if value is not None else None


def _brief(session: InterviewSession) -> dict[str, Any]:
    return {
        "id": session.id,
        "kind": session.kind,
        "difficulty": session.difficulty,
        "status": session.status,
        "created_at": _stamp(session.created_at),
        "finished_at": _stamp(session.finished_at),
        "progress": progress(session),
    }


def _detail(session: InterviewSession) -> dict[str, Any]:
    return {**_brief(session), "questions": question_views(session), "summary": session.summary}


@sessions_bp.post("/sessions")
@per_account("RATELIMIT_PRACTICE")
@jwt_required()
@operation(
    "Start a practice session with its questions",
    tag="sessions",
    body=SessionIn,
    response=SessionOut,
    status=201,
    errors=(404, 409),
)
def create(body: SessionIn):
    """Create a session of the requested kind for the caller."""
    session = create_session(
        current_user.id,
        body.kind,
        body.count,
        body.difficulty,
        body.seed,
        current_app.extensions["index_store"],
    )
    return {"session": _detail(session)}


@sessions_bp.get("/sessions")
@jwt_required()
@operation(
    "List your practice sessions, newest first",
    tag="sessions",
    query=SessionsQuery,
    response=SessionListOut,
)
def index(query: SessionsQuery):
    """Return one page of the caller's sessions."""
    rows, total = list_sessions(current_user.id, query.page, query.per_page)
    return {
        "sessions": [_brief(s) for s in rows],
        "page": query.page,
        "per_page": query.per_page,
        "total": total,
        "pages": -(-total // query.per_page),
    }


@sessions_bp.get("/sessions/<int:session_id>")
@jwt_required()
@operation("Read a practice session", tag="sessions", response=SessionOut, errors=(404,))
def read(session_id: int):
    """Return the caller's session with its questions and, once answered, their results."""
    return {"session": _detail(get_session(current_user.id, session_id))}


@sessions_bp.post("/sessions/<int:session_id>/finish")
@per_account("RATELIMIT_PRACTICE")
@jwt_required()
@operation(
    "Finish a practice session and get its summary",
    tag="sessions",
    response=SummaryResponse,
    errors=(404,),
)
def finish(session_id: int):
    """Close the caller's session; return per-question scores, topics, review, mastery change."""
    session = finish_session(current_user.id, session_id)
    return {"session": _detail(session), "summary": session.summary}
