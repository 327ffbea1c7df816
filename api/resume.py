"""Resume routes: upload and analyse, read the analysis, score other jobs, search, delete."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from flask_jwt_extended import current_user, jwt_required
from sqlalchemy import select

from api.errors import APIError
from api.openapi import operation
from api.schemas import AnalysisOut, FitOut, JobDescriptionIn, MessageOut, SearchOut
from api.validation import parse_json
from models import ResumeAnalysis, db
from rag.store import IndexStore
from services.ingest import (
    Settings,
    commit,
    finish_file_moves,
    prepare,
    remove_resume,
    validate_job_description,
)
from services.retrieval import fit_stored_resume, search_resume

resume_bp = Blueprint("resume", __name__, url_prefix="/api")

MAX_QUERY_CHARS = 1000
MAX_K = 20
NO_RESUME = "You have not uploaded a resume yet."

UPLOAD_FORM = {
    "type": "object",
    "required": ["resume", "job_description"],
    "properties": {
        "resume": {"type": "string", "format": "binary", "description": "PDF or DOCX"},
        "job_description": {"type": "string", "minLength": 1, "maxLength": 20000},
    },
}
SEARCH_QUERY = [
    {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1}},
    {
        "name": "k",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": 5},
    },
]


def _settings() -> Settings:
    return Settings.from_config(current_app.config)


def _store() -> IndexStore:
    store = current_app.extensions.get("index_store")
    if store is None:
        store = current_app.extensions["index_store"] = IndexStore(current_app.config["DATA_DIR"])
    return store


def _latest_analysis() -> ResumeAnalysis:
    # A worker that died between its commit and the file move left the file staged.
    with _store().lock(current_user.id):
        finish_file_moves(current_user, _settings())
    analysis = db.session.execute(
        select(ResumeAnalysis).where(ResumeAnalysis.user_id == current_user.id)
    ).scalar_one_or_none()
    if analysis is None:
        raise APIError(404, NO_RESUME)
    return analysis


@resume_bp.post("/upload_resume")
@jwt_required()
@operation(
    "Upload a resume (PDF or DOCX) with the target job description",
    tag="resume",
    form=UPLOAD_FORM,
    responses={200: AnalysisOut},
    errors=(400, 413, 415, 422),
)
def upload_resume():
    """Analyse an uploaded resume against a job description and store the result."""
    if request.mimetype != "multipart/form-data":
        raise APIError(415, "Send the resume as multipart/form-data with a 'resume' file part.")
    settings = _settings()
    upload = request.files.get("resume")
    job_description = validate_job_description(
        request.form.get("job_description"), settings.jd_max_chars
    )
    if upload is None or not upload.filename:
        raise APIError(422, "Attach the resume file as 'resume'.", {"resume": "is required"})
    prepared = prepare(current_user.id, upload.read(), upload.filename, job_description, settings)
    data = commit(current_user, prepared, _store(), settings)
    return jsonify(
        {"success": True, "message": "Resume uploaded and analyzed successfully", "data": data}
    )


@resume_bp.get("/resume/analysis")
@jwt_required()
@operation(
    "Read the latest stored resume analysis",
    tag="resume",
    responses={200: AnalysisOut},
    errors=(404,),
)
def get_analysis():
    """Return the caller's latest stored analysis."""
    analysis = _latest_analysis()
    return jsonify({"success": True, "message": "Latest resume analysis", "data": analysis.data})


@resume_bp.post("/resume/fit")
@jwt_required()
@operation(
    "Score the stored resume against another job description",
    tag="resume",
    body=JobDescriptionIn,
    responses={200: FitOut},
    errors=(404,),
)
def fit_other_job():
    """Score the stored resume against the job description in the body."""
    payload = parse_json(JobDescriptionIn)
    jd = validate_job_description(payload.job_description, _settings().jd_max_chars)
    fit = fit_stored_resume(_latest_analysis(), jd)
    return jsonify({"success": True, "job_fit_analysis": fit})


@resume_bp.get("/resume/search")
@jwt_required()
@operation(
    "Search your own resume semantically",
    tag="resume",
    query=SEARCH_QUERY,
    responses={200: SearchOut},
    errors=(404, 422),
)
def search():
    """Return the caller's resume chunks most relevant to the query."""
    query = (request.args.get("q") or "").strip()
    errors = {}
    if not query:
        errors["q"] = "is required and must not be blank"
    elif len(query) > MAX_QUERY_CHARS:
        errors["q"] = f"must be at most {MAX_QUERY_CHARS} characters"
    raw_k = request.args.get("k", "5")
    k = int(raw_k) if raw_k.isdigit() else 0
    if not 1 <= k <= MAX_K:
        errors["k"] = f"must be an integer from 1 to {MAX_K}"
    if errors:
        raise APIError(422, "The search parameters are invalid.", errors)
    hits = search_resume(current_user.id, query, k, _store())
    if hits is None:
        raise APIError(404, NO_RESUME)
    return jsonify({"success": True, "query": query, "results": hits})


@resume_bp.delete("/resume")
@jwt_required()
@operation(
    "Delete your resume, its index and its analysis",
    tag="resume",
    responses={200: MessageOut},
    errors=(404,),
)
def delete_resume():
    """Delete the caller's resume file, chunks, index, job-description embedding and analysis."""
    settings = _settings()
    if not remove_resume(current_user, _store(), settings):
        raise APIError(404, NO_RESUME)
    return jsonify({"success": True, "message": "Resume deleted"})
