"""Gather a user's progress (profile, latest fit, mastery, sessions) and render the PDF report."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from interview import bank as qbank
from interview.mastery import trend
from models import InterviewSession, ResumeAnalysis, User, UserMastery, db
from services.report import MAX_SESSIONS, MasteryRow, ReportData, SessionRow, render_report
from services.sessions import progress


def topic_name(slug: str) -> str:
    """Return a topic's display name from the bank, or the stored name itself."""
    found = qbank.get_topic(slug)
    return found.topic if found is not None else slug


def _mastery_rows(user_id: int) -> list[MasteryRow]:
    rows = db.session.execute(select(UserMastery).where(UserMastery.user_id == user_id)).scalars()
    out = []
    for row in rows:
        state = row.to_state()
        out.append(
            MasteryRow(
                topic=topic_name(state.topic),
                level=state.level,
                attempts=state.attempts,
                trend=trend(state.recent)[0],
                recent=state.recent,
                difficulty=state.difficulty,
                last_practiced=row.last_practiced_at,
                due=row.due_at,
            )
        )
    # Practised topics first, then those only planned; each alphabetically.
    return sorted(out, key=lambda m: (m.attempts == 0, m.topic.casefold()))


def _session_rows(user_id: int) -> list[SessionRow]:
    sessions = db.session.execute(
        select(InterviewSession)
        .where(InterviewSession.user_id == user_id)
        .order_by(InterviewSession.created_at.desc(), InterviewSession.id.desc())
        .limit(MAX_SESSIONS)
    ).scalars()
    out = []
    for s in sessions:
        p = progress(s)
        out.append(
            SessionRow(
                kind=s.kind,
                created_at=s.created_at,
                questions=p["total"],
                answered=p["answered"],
                mean_score=p["mean_score"],
                finished=s.status == "finished",
            )
        )
    return out


def report_data(user: User, now: datetime | None = None) -> ReportData:
    """Collect what the progress report shows about the user."""
    analysis = db.session.execute(
        select(ResumeAnalysis).where(ResumeAnalysis.user_id == user.id)
    ).scalar_one_or_none()
    return ReportData(
        username=user.username,
        full_name=user.full_name,
        generated_at=(now or datetime.now(UTC)).replace(tzinfo=None),
        fit=(analysis.data or {}).get("job_fit_analysis") if analysis else None,
        fit_date=analysis.created_at if analysis else None,
        mastery=_mastery_rows(user.id),
        sessions=_session_rows(user.id),
    )


def progress_report(user: User, now: datetime | None = None) -> bytes:
    """Return the user's progress report as PDF bytes."""
    return render_report(report_data(user, now))
