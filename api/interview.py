"""Interview practice routes: question sets, your own questions, answers, mastery, history."""

from __future__ import annotations

from flask import Blueprint, current_app
from flask_jwt_extended import current_user

from api.contract import operation
from api.limits import per_account
from api.schemas_interview import (
    AnswerIn,
    AnswerOut,
    ConceptIn,
    CustomQuestionIn,
    CustomQuestionOut,
    HistoryOut,
    HistoryQuery,
    MasteryListOut,
    QuestionsOut,
    QuestionsQuery,
)
from api.tokens import jwt_required
from services import mastery, practice

interview_bp = Blueprint("interview", __name__, url_prefix="/api")


@interview_bp.get("/interview/questions")
@jwt_required()
@operation(
    "Get a question set built from your profile, resume, job and mastery",
    tag="interview",
    query=QuestionsQuery,
    response=QuestionsOut,
    errors=(404,),
)
def get_questions(query: QuestionsQuery):
    """Return a question set of the asked kind; the same inputs give the same set."""
    questions = practice.question_set(
        current_user.id,
        query.kind,
        query.count,
        query.difficulty,
        query.seed,
        store=current_app.extensions["index_store"],
    )
    return {
        "kind": query.kind,
        "count": len(questions),
        "questions": [q.payload() for q in questions],
    }


@interview_bp.post("/interview/questions")
@per_account("RATELIMIT_PRACTICE")
@jwt_required()
@operation(
    "Add your own practice question with a model answer",
    tag="interview",
    body=CustomQuestionIn,
    response=CustomQuestionOut,
    status=201,
)
def add_question(body: CustomQuestionIn):
    """Store the caller's question; only the caller can see and answer it."""
    concepts = [c.model_dump() if isinstance(c, ConceptIn) else c for c in body.key_concepts or []]
    question = practice.add_custom_question(
        current_user.id, body.question, body.reference_answer, body.topic, concepts
    )
    return {"question": question.payload()}, 201


@interview_bp.post("/interview/answer")
@per_account("RATELIMIT_PRACTICE")
@jwt_required()
@operation(
    "Score an answer: score, concepts covered and missed, feedback, reference, mastery",
    tag="interview",
    body=AnswerIn,
    response=AnswerOut,
    errors=(404, 409),
)
def answer(body: AnswerIn):
    """Score the caller's answer to a question and update the topic's mastery."""
    result = practice.answer(current_user.id, body.question_id, body.answer, body.session_id)
    return {"result": result}


@interview_bp.get("/mastery")
@jwt_required()
@operation(
    "List your mastery per topic: level, attempts, trend, last practised, due date",
    tag="interview",
    response=MasteryListOut,
)
def list_mastery():
    """Return the caller's topics, weakest and due first."""
    return {"topics": mastery.listing(current_user.id)}


@interview_bp.get("/interview/history")
@jwt_required()
@operation(
    "List your past answers, newest first, a page at a time",
    tag="interview",
    query=HistoryQuery,
    response=HistoryOut,
)
def history(query: HistoryQuery):
    """Return the caller's attempts with question, answer, score and feedback."""
    return practice.history(current_user.id, query.topic, query.page, query.per_page)
