"""Resume routes: upload and analyse, read the analysis, score other jobs, search, delete."""

from __future__ import annotations

from flask import Blueprint, current_app
from flask_jwt_extended import current_user

from api.contract import operation
from api.limits import per_account
from api.schemas import (
    AnalysisOut,
    FitOut,
    JobDescriptionIn,
    MessageOut,
    SearchOut,
    SearchQuery,
    UploadForm,
)
from api.tokens import account, jwt_required
from rag.store import IndexStore
from services.ingest import Settings, commit, prepare, validate_job_description
from services.retrieval import fit_stored_resume, latest_analysis, search_resume
from services.sessions import remove_resume_and_practice

resume_bp = Blueprint("resume", __name__, url_prefix="/api")


def _settings() -> Settings:
    return Settings.from_config(current_app.config)


def _store() -> IndexStore:
    return current_app.extensions["index_store"]


@resume_bp.post("/upload_resume")
@per_account("RATELIMIT_UPLOAD")
@jwt_required()
@operation(
    "Upload a resume (PDF or DOCX) with the target job description",
    tag="resume",
    form=UploadForm,
    response=AnalysisOut,
    errors=(400,),
)
def upload_resume(form: UploadForm):
    """Analyse an uploaded resume against a job description and store the result."""
    settings = _settings()
    job_description = validate_job_description(form.job_description, settings.jd_max_chars)
    upload = form.resume
    prepared = prepare(current_user.id, upload.read(), upload.filename, job_description, settings)
    data = commit(account(), prepared, _store(), settings)
    return {"message": "Resume uploaded and analyzed successfully", "data": data}


@resume_bp.get("/resume/analysis")
@jwt_required()
@operation(
    "Read the latest stored resume analysis", tag="resume", response=AnalysisOut, errors=(404,)
)
def get_analysis():
    """Return the caller's latest stored analysis."""
    return {"message": "Latest resume analysis", "data": latest_analysis(current_user.id).data}


@resume_bp.post("/resume/fit")
@per_account("RATELIMIT_FIT")
@jwt_required()
@operation(
    "Score the stored resume against another job description",
    tag="resume",
    body=JobDescriptionIn,
    response=FitOut,
    errors=(404,),
)
def fit_other_job(body: JobDescriptionIn):
    """Score the stored resume against the job description in the body."""
    jd = validate_job_description(body.job_description, _settings().jd_max_chars)
    return {"job_fit_analysis": fit_stored_resume(current_user.id, jd)}


@resume_bp.get("/resume/search")
@per_account("RATELIMIT_SEARCH")
@jwt_required()
@operation(
    "Search your own resume semantically",
    tag="resume",
    query=SearchQuery,
    response=SearchOut,
    errors=(404,),
)
def search(query: SearchQuery):
    """Return the caller's resume chunks most relevant to the query."""
    hits = search_resume(current_user.id, query.q, query.k, _store())
    return {"query": query.q, "results": hits}


@resume_bp.delete("/resume")
@jwt_required()
@operation(
    "Delete your resume, its index, its analysis and the practice that quotes them",
    tag="resume",
    response=MessageOut,
    errors=(404,),
)
def delete_resume():
    """Delete the caller's resume data and the sessions and attempts that quote it."""
    remove_resume_and_practice(account(), _store(), _settings())
    return {"message": "Resume deleted"}
