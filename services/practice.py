"""Interview practice: question sets from the profile, custom questions, scored answers, history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from interview import bank as qbank
from interview import scoring, selection
from interview.errors import InvalidQuestionError, UnknownQuestionError
from interview.mastery import starting_difficulty
from interview.questions import Chunk, Inputs, Question, Role
from interview.resume_roles import resume_roles
from interview.roles import responsibilities
from models import Attempt, CustomQuestion, ResumeAnalysis, ResumeChunk, User, db
from rag import embeddings
from rag.store import IndexStore
from resume.job_description import jd_skills_ranked
from resume.parse import parse_resume
from services import mastery
from services.errors import NoResume, NotFound
from services.retrieval import search_resume

# Questions answered this recently are asked again only when nothing else is left.
RECENT_ATTEMPTS = 30
# Retrieval queries for resume questions: the job's first skills, then its duties.
QUERY_SKILLS = 4
MAX_CONCEPTS = 10
GENERATED_KINDS = ("resume", "behavioral", "role")


def _user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("The account no longer exists.")
    return user


def _analysis(user_id: int) -> ResumeAnalysis | None:
    return db.session.execute(
        select(ResumeAnalysis).where(ResumeAnalysis.user_id == user_id)
    ).scalar_one_or_none()


def _jd_skills(analysis: ResumeAnalysis | None) -> list[str]:
    return [name for name, _ in jd_skills_ranked(analysis.job_description)] if analysis else []


def _roles(analysis: ResumeAnalysis | None) -> list[Role]:
    if analysis is None:
        return []
    parsed = parse_resume(analysis.resume_text)
    return resume_roles(parsed.sections, list(analysis.data.get("projects") or []))


def _source_of(text: str, roles: list[Role]) -> str:
    folded = text.casefold()
    return next((r.name for r in roles if r.name.casefold() in folded), "")


def _all_chunks(user_id: int, roles: list[Role]) -> list[Chunk]:
    rows = db.session.execute(
        select(ResumeChunk).where(ResumeChunk.user_id == user_id).order_by(ResumeChunk.position)
    ).scalars()
    return [Chunk(r.id, r.section, r.text, _source_of(r.text, roles)) for r in rows]


def _queries(jd_skills: list[str], jd_text: str, skills: list[str]) -> list[str]:
    duties = responsibilities(jd_text)
    queries = list(jd_skills[:QUERY_SKILLS])
    if duties:
        queries.append(" ".join(duties[:5]))
    if not queries:
        queries = list(skills[:QUERY_SKILLS]) or ["work experience and projects"]
    return queries


def retrieve_chunks(
    user: User,
    analysis: ResumeAnalysis,
    jd_skills: list[str],
    roles: list[Role],
    store: IndexStore,
    count: int,
) -> list[Chunk]:
    """Return the caller's chunks most relevant to the job, round-robin over its queries."""
    by_position = {c.id: c for c in _all_chunks(user.id, roles)}
    position_of = {
        row.position: row.id
        for row in db.session.execute(
            select(ResumeChunk.id, ResumeChunk.position).where(ResumeChunk.user_id == user.id)
        )
    }
    lists = [
        search_resume(user.id, q, count, store)
        for q in _queries(jd_skills, analysis.job_description, list(user.skills or []))
    ]
    out: list[Chunk] = []
    for rank in range(count):
        for hits in lists:
            if rank < len(hits):
                chunk = by_position.get(position_of.get(hits[rank]["position"], -1))
                if chunk is not None and chunk not in out:
                    out.append(chunk)
    return out


def build_inputs(user: User, kind: str, store: IndexStore | None = None, count: int = 5) -> Inputs:
    """Gather what a set of this kind is built from: profile, job, mastery, roles, chunks."""
    analysis = _analysis(user.id)
    if analysis is None and kind in ("resume", "role"):
        raise NoResume()
    jd_skills = _jd_skills(analysis)
    roles = _roles(analysis) if kind in ("behavioral", "mixed", "mock", "resume") else []
    chunks: list[Chunk] = []
    if analysis is not None and kind in ("resume", "mixed", "mock"):
        if store is not None:
            chunks = retrieve_chunks(user, analysis, jd_skills, roles, store, count)
        else:
            chunks = _all_chunks(user.id, roles)
    recent = db.session.execute(
        select(Attempt.question_id)
        .where(Attempt.user_id == user.id)
        .order_by(Attempt.id.desc())
        .limit(RECENT_ATTEMPTS)
    ).scalars()
    return Inputs(
        experience_years=user.experience_years or 0,
        resume_skills=list(user.skills or []),
        jd_skills=jd_skills,
        jd_text=analysis.job_description if analysis else "",
        mastery=mastery.states(user.id),
        roles=roles,
        chunks=chunks,
        recent_ids=frozenset(recent),
        now=mastery.now_utc(),
    )


def question_set(
    user_id: int,
    kind: str,
    count: int = 5,
    difficulty: str | None = None,
    seed: int | str | None = None,
    store: IndexStore | None = None,
) -> list[Question]:
    """Build a question set of a kind for the user (technical, resume, behavioral, role, mixed)."""
    user = _user(user_id)
    inputs = build_inputs(user, kind, store, count)
    try:
        return selection.build(kind, inputs, count, difficulty, seed)
    except ValueError as exc:
        raise InvalidQuestionError(str(exc), field="kind") from None


def _concepts(raw: list[Any]) -> list[dict[str, Any]]:
    out = []
    for item in raw[:MAX_CONCEPTS]:
        name, accept = (item, [item]) if isinstance(item, str) else (item["name"], item["accept"])
        wordings = [" ".join(w.split()).casefold() for w in [name, *accept] if w and w.strip()]
        if wordings:
            out.append({"name": " ".join(name.split()), "accept": list(dict.fromkeys(wordings))})
    return out


def custom_question(row: CustomQuestion, user: User) -> Question:
    """Return a stored custom question as a Question the scorer takes."""
    concepts = tuple(scoring.Concept(c["name"], tuple(c["accept"])) for c in row.key_concepts)
    return Question(
        id=row.public_id,
        kind="custom",
        topic=row.topic,
        difficulty=starting_difficulty(user.experience_years),
        text=row.question,
        reference_answer=row.reference_answer,
        key_concepts=concepts,
    )


def add_custom_question(
    user_id: int,
    question: str,
    reference_answer: str,
    topic: str | None = None,
    key_concepts: list[Any] | None = None,
) -> Question:
    """Store a user's own practice question with its model answer; return it."""
    user = _user(user_id)
    text, reference = scoring.validate_custom(question, reference_answer)
    concepts = _concepts(list(key_concepts or []))
    if key_concepts and not concepts:
        raise InvalidQuestionError("The key concepts are empty.", field="key_concepts")
    row = CustomQuestion(
        user_id=user.id,
        question=text,
        reference_answer=reference,
        topic=mastery.topic_of(topic),
        key_concepts=concepts,
    )
    db.session.add(row)
    db.session.commit()
    return custom_question(row, user)


def _generated(user: User, question_id: str) -> Question | None:
    """Rebuild a question generated from the resume or job by its id, if it still exists."""
    kind = question_id.split("-", 1)[0]
    analysis = _analysis(user.id)
    if analysis is None:
        return None
    candidates: list[Question] = []
    if kind == "resume":
        chunks = _all_chunks(user.id, _roles(analysis))
        inputs = Inputs(experience_years=user.experience_years or 0, chunks=chunks)
        candidates = selection.resume(inputs, len(chunks))
    elif kind in ("behavioral", "role"):
        inputs = Inputs(
            experience_years=user.experience_years or 0,
            jd_text=analysis.job_description,
            roles=_roles(analysis) if kind == "behavioral" else [],
        )
        builder = selection.behavioral if kind == "behavioral" else selection.role
        for level in qbank.LEVELS:
            candidates += builder(inputs, len(qbank.load_bank().questions), level)
    return next((q for q in candidates if q.id == question_id), None)


def find_question(user_id: int, question_id: str) -> Question:
    """Return the question with this id that the user may answer, or raise NotFound."""
    user = _user(user_id)
    row_id = CustomQuestion.row_id(question_id)
    if row_id is not None:
        row = db.session.get(CustomQuestion, row_id)
        if row is not None and row.user_id == user.id:
            return custom_question(row, user)
    elif question_id.split("-", 1)[0] in GENERATED_KINDS and question_id.count("-") == 1:
        found = _generated(user, question_id)
        if found is not None:
            return found
        # Generated ids are derived from the resume and job description: after a re-upload
        # (or from another account) the same id names nothing any more.
        raise NotFound(
            "No question has this id: questions built from a resume or job description end when "
            "it is replaced, so ask for a new set.",
            {"question_id": "unknown question id"},
        )
    else:
        try:
            q = qbank.get_question(question_id)
        except UnknownQuestionError:
            q = None
        if q is not None:
            kind = "behavioral" if q.behavioral else "technical"
            return Question(
                id=q.id,
                kind=kind,
                topic=q.topic,
                difficulty=q.level,
                text=q.question,
                reference_answer=q.reference_answer,
                key_concepts=tuple(q.concepts()),
                behavioral=q.behavioral,
            )
    raise NotFound("No question has this id.", {"question_id": "unknown question id"})


def score(question: Question, answer: str) -> scoring.ScoreResult:
    """Score an answer to a question against its reference material (deterministic)."""
    return scoring.score_answer(
        question.text,
        question.reference_answer,
        answer,
        embed=embeddings.embed,
        concepts=question.key_concepts or None,
        behavioral=question.behavioral,
    )


def answer(
    user_id: int,
    question_id: str,
    text: str,
    session_id: int | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Score an answer, update the topic's mastery, store the attempt; return the result."""
    user = _user(user_id)
    text = scoring.validate_answer(text)
    if session_id is not None:
        # Sessions hold their questions as built: a later upload cannot change them.
        from services.sessions import session_question

        question = session_question(user.id, session_id, question_id)
    else:
        question = find_question(user.id, question_id)
    result = score(question, text)
    when = now or mastery.now_utc()
    before, state = mastery.record(user, question.topic, result.score, when)
    attempt = Attempt(
        user_id=user.id,
        session_id=session_id,
        question_id=question.id,
        kind=question.kind,
        topic=question.topic,
        difficulty=question.difficulty,
        question=question.text,
        answer=text,
        score=result.score,
        concepts_covered=result.concepts_covered,
        concepts_missed=result.concepts_missed,
        feedback=result.feedback,
        level_before=before,
        level_after=state.level,
        source=dict(question.source) or None,
        created_at=when.replace(tzinfo=None),
    )
    db.session.add(attempt)
    db.session.commit()
    view = mastery.view(state, when)
    view["level_before"] = before
    view["change"] = round(state.level - (before or 0.0), 4)
    return {
        "attempt_id": attempt.id,
        "question_id": question.id,
        "session_id": session_id,
        "score": result.score,
        "concepts_covered": result.concepts_covered,
        "concepts_missed": result.concepts_missed,
        "feedback": result.feedback,
        "reference_answer": question.reference_answer,
        "key_concepts": [c.name for c in question.key_concepts]
        or result.concepts_covered + result.concepts_missed,
        "topic": question.topic,
        "difficulty": question.difficulty,
        "mastery": view,
    }


def attempt_view(row: Attempt) -> dict[str, Any]:
    """Return a stored attempt as history lists it."""
    return {
        "id": row.id,
        "question_id": row.question_id,
        "session_id": row.session_id,
        "kind": row.kind,
        "topic": row.topic,
        "difficulty": row.difficulty,
        "question": row.question,
        "answer": row.answer,
        "score": row.score,
        "concepts_covered": list(row.concepts_covered),
        "concepts_missed": list(row.concepts_missed),
        "feedback": list(row.feedback),
        "source": row.source,
        "created_at": row.created_at.isoformat(),
    }


def history(user_id: int, topic: str | None = None, page: int = 1, per_page: int = 20) -> dict:
    """Return the user's past attempts, newest first, one page at a time."""
    where = [Attempt.user_id == user_id]
    if topic:
        where.append(Attempt.topic == mastery.topic_of(topic))
    total = db.session.execute(select(func.count(Attempt.id)).where(*where)).scalar_one()
    rows = db.session.execute(
        select(Attempt)
        .where(*where)
        .order_by(Attempt.created_at.desc(), Attempt.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).scalars()
    return {
        "attempts": [attempt_view(r) for r in rows],
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": (total + per_page - 1) // per_page,
    }
