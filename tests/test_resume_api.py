"""POST /api/upload_resume and the resume routes, end to end with real files and the real model."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from api.schemas import UserOut
from app import recover_files
from extensions import limiter
from models import ResumeAnalysis, ResumeChunk, User, db
from tests import hostile
from tests.conftest import dev_file

JD_BACKEND = (
    "Senior Backend Engineer. We need 5+ years of experience building services in Python "
    "and Go, with PostgreSQL, Docker and Kubernetes on AWS. Experience with Kafka and "
    "Terraform is a plus."
)
JD_NURSE = (
    "Registered Nurse for a busy hospital ward. Provide patient care, administer "
    "medication, and coordinate with physicians. At least 2 years of clinical experience."
)
DATA_KEYS = {
    "skills",
    "experience_years",
    "projects",
    "certifications",
    "job_fit_analysis",
    "chunks_processed",
    "rag_ready",
    "jd_embedding_stored",
}
FIT_KEYS = {
    "keyword_score",
    "semantic_score",
    "matching_skills",
    "missing_skills",
    "experience_fit",
}

RESUME_LINES = [
    "Jane Doe",
    "Backend Engineer",
    "EXPERIENCE",
    "Senior Backend Engineer, Acme Corp",
    "Jan 2018 - Present",
    "Built Python and Go services on PostgreSQL, deployed with Docker and Kubernetes.",
    "Software Engineer, Beta Ltd",
    "Jun 2015 - Dec 2017",
    "Wrote REST APIs in Python with Flask and Redis.",
    "SKILLS",
    "Python, Go, PostgreSQL, Docker, Kubernetes, Redis, Flask",
    "EDUCATION",
    "University of Toronto - BSc Computer Science, 2011 - 2015",
]


def upload(client, auth, content: bytes, name: str, jd: str | None = JD_BACKEND):
    """Post a resume the way the web app does."""
    data = {"resume": (io.BytesIO(content), name)}
    if jd is not None:
        data["job_description"] = jd
    return client.post(
        "/api/upload_resume", headers=auth, data=data, content_type="multipart/form-data"
    )


def _state(app, user_id: int) -> dict:
    """Everything an upload may change, to compare before and after a failure."""
    with app.app_context():
        user = db.session.get(User, user_id)
        analysis = db.session.execute(
            select(ResumeAnalysis).where(ResumeAnalysis.user_id == user_id)
        ).scalar_one_or_none()
        chunks = db.session.execute(
            select(ResumeChunk.id, ResumeChunk.text).where(ResumeChunk.user_id == user_id)
        ).all()
        state = {
            "profile": UserOut.model_validate(user).model_dump(mode="json"),
            "analysis": analysis.data if analysis else None,
            "chunks": sorted(chunks),
        }
        db.session.remove()
    folder = Path(app.config["UPLOAD_FOLDER"])
    state["files"] = sorted((p.name, p.read_bytes()) for p in folder.iterdir() if p.is_file())
    pending = folder / ".pending"
    state["pending"] = sorted(p.name for p in pending.iterdir()) if pending.exists() else []
    return state


def _wall_of_text_docx(chars: int) -> bytes:
    """A valid DOCX holding far more text than any resume (and no pages to cap)."""
    import docx

    document = docx.Document()
    line = "Built and operated data pipelines in Python and SQL for many teams. "
    for _ in range(chars // len(line) + 1):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def pdf_resume() -> bytes:
    return hostile.text_pdf(RESUME_LINES)


@pytest.fixture
def uploaded(client, auth, pdf_resume):
    response = upload(client, auth, pdf_resume, "Jane Resume.pdf")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_upload_returns_the_documented_response(uploaded, user, app):
    assert uploaded["success"] is True
    assert uploaded["message"] == "Resume uploaded and analyzed successfully"
    data = uploaded["data"]
    assert DATA_KEYS <= set(data)
    assert {"Python", "Go", "PostgreSQL", "Docker", "Kubernetes"} <= set(data["skills"])
    assert data["experience_years"] >= 8  # Jun 2015 to today, merged
    fit = data["job_fit_analysis"]
    assert FIT_KEYS <= set(fit)
    assert 0.0 <= fit["keyword_score"] <= 1.0 and 0.0 <= fit["semantic_score"] <= 1.0
    assert {"Python", "Go", "PostgreSQL", "Docker", "Kubernetes"} <= set(fit["matching_skills"])
    assert "Kafka" in fit["missing_skills"] and "Python" not in fit["missing_skills"]
    assert fit["experience_fit"] == "Good fit"
    assert data["chunks_processed"] >= 2
    assert data["rag_ready"] is True and data["jd_embedding_stored"] is True
    stored = Path(app.config["UPLOAD_FOLDER"]) / f"{user['user']['id']}_Jane_Resume.pdf"
    assert stored.is_file()


def test_upload_fills_the_profile_and_keeps_manual_skills(client, auth, pdf_resume):
    client.post("/api/update_profile", headers=auth, json={"skills": ["Leadership", "python"]})
    data = upload(client, auth, pdf_resume, "cv.pdf").get_json()["data"]
    profile = client.get("/api/profile", headers=auth).get_json()["user"]
    assert profile["skills"][:2] == ["Leadership", "python"]
    assert "Python" not in profile["skills"]  # merged regardless of case
    assert {"Go", "Docker"} <= set(profile["skills"])
    assert profile["experience_years"] == data["experience_years"]
    assert profile["resume_filename"].endswith("_cv.pdf")
    assert "Leadership" not in data["skills"]  # data is this resume alone


def test_analysis_is_stored_and_readable(client, auth, uploaded):
    response = client.get("/api/resume/analysis", headers=auth)
    assert response.status_code == 200
    assert response.get_json()["data"] == uploaded["data"]


def test_analysis_before_any_upload_is_404(client, auth):
    response = client.get("/api/resume/analysis", headers=auth)
    assert response.status_code == 404
    assert response.get_json()["success"] is False


def test_docx_upload_from_the_dev_set(client, auth):
    path = dev_file("003.docx")
    response = upload(client, auth, path.read_bytes(), path.name)
    assert response.status_code == 200
    data = response.get_json()["data"]
    assert "Stanford University" in " ".join(data["education"])
    assert data["chunks_processed"] > 3


def test_search_finds_own_chunks_with_section_and_score(client, auth, uploaded):
    response = client.get(
        "/api/resume/search", headers=auth, query_string={"q": "Where did I study?", "k": 2}
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert len(results) == 2
    assert "University of Toronto" in results[0]["text"]
    assert results[0]["section"] == "education"
    assert results[0]["score"] >= results[1]["score"]


def test_search_never_crosses_users(client, register, auth, uploaded):
    other = register()
    headers = {"Authorization": f"Bearer {other['access_token']}"}
    response = client.get("/api/resume/search", headers=headers, query_string={"q": "Python"})
    assert response.status_code == 404
    upload(client, headers, hostile.text_pdf(["Bob Smith", "SKILLS", "Cooking, Baking"]), "b.pdf")
    hits = client.get("/api/resume/search", headers=headers, query_string={"q": "Kubernetes"})
    assert all("Kubernetes" not in h["text"] for h in hits.get_json()["results"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x", "k": "0"}, "k"),
        ({"q": "x", "k": "abc"}, "k"),
        ({"q": "x", "k": "21"}, "k"),
        ({"q": "x" * 1001}, "q"),
    ],
)
def test_search_validates_parameters(client, auth, uploaded, params, field):
    response = client.get("/api/resume/search", headers=auth, query_string=params)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_fit_against_another_job_without_reupload(client, auth, uploaded):
    backend = client.post("/api/resume/fit", headers=auth, json={"job_description": JD_BACKEND})
    nurse = client.post("/api/resume/fit", headers=auth, json={"job_description": JD_NURSE})
    assert backend.status_code == nurse.status_code == 200
    b, n = backend.get_json()["job_fit_analysis"], nurse.get_json()["job_fit_analysis"]
    assert FIT_KEYS <= set(b)
    assert b["semantic_score"] > n["semantic_score"]
    assert b["keyword_score"] > n["keyword_score"]
    assert b["semantic_score"] == pytest.approx(
        uploaded["data"]["job_fit_analysis"]["semantic_score"], abs=0.02
    )


def test_fit_needs_a_resume_and_a_job_description(client, auth, uploaded, register):
    assert client.post("/api/resume/fit", headers=auth, json={}).status_code == 422
    assert (
        client.post("/api/resume/fit", headers=auth, json={"job_description": " "}).status_code
        == 422
    )
    fresh = register()
    headers = {"Authorization": f"Bearer {fresh['access_token']}"}
    assert (
        client.post(
            "/api/resume/fit", headers=headers, json={"job_description": JD_BACKEND}
        ).status_code
        == 404
    )


def test_reupload_replaces_everything(app, client, auth, user, uploaded):
    second = hostile.text_pdf(
        ["Jane Doe", "SKILLS", "Rust, Haskell", "EDUCATION", "MIT - PhD, 2016 - 2020"]
    )
    response = upload(client, auth, second, "new.pdf")
    assert response.status_code == 200
    state = _state(app, user["user"]["id"])
    assert [name for name, _ in state["files"]] == [f"{user['user']['id']}_new.pdf"]
    assert state["pending"] == []
    assert all("Toronto" not in text for _, text in state["chunks"])
    assert state["analysis"] == response.get_json()["data"]
    hits = client.get(
        "/api/resume/search", headers=auth, query_string={"q": "university"}
    ).get_json()
    assert "MIT" in hits["results"][0]["text"]


def test_upload_validation(client, auth, pdf_resume, app):
    missing_jd = upload(client, auth, pdf_resume, "a.pdf", jd=None)
    assert missing_jd.status_code == 422 and "job_description" in missing_jd.get_json()["errors"]
    blank_jd = upload(client, auth, pdf_resume, "a.pdf", jd="   \n ")
    assert blank_jd.status_code == 422
    long_jd = upload(
        client, auth, pdf_resume, "a.pdf", jd="x" * (app.config["JOB_DESCRIPTION_MAX_CHARS"] + 1)
    )
    assert long_jd.status_code == 422
    no_file = client.post(
        "/api/upload_resume",
        headers=auth,
        data={"job_description": JD_BACKEND},
        content_type="multipart/form-data",
    )
    assert no_file.status_code == 422 and "resume" in no_file.get_json()["errors"]
    as_json = client.post("/api/upload_resume", headers=auth, json={"resume": "x"})
    assert as_json.status_code == 415


@pytest.mark.parametrize(
    ("build", "name", "status"),
    [
        (lambda: b"", "empty.pdf", 422),
        (hostile.fake_exe, "resume.pdf", 415),
        (hostile.plain_zip, "resume.pdf", 415),
        (hostile.plain_zip, "resume.docx", 415),
        (lambda: hostile.text_pdf(), "resume.txt", 415),
        (lambda: hostile.text_pdf(), "resume.docx", 415),
        (hostile.encrypted_pdf, "resume.pdf", 422),
        (hostile.image_only_pdf, "resume.pdf", 422),
        (hostile.truncated_pdf, "resume.pdf", 422),
        (hostile.looping_page_tree_pdf, "resume.pdf", 422),
        (hostile.deep_page_tree_pdf, "resume.pdf", 422),
        (lambda: hostile.text_pdf(pages=21), "long.pdf", 422),
        (hostile.billion_laughs_docx, "resume.docx", 422),
        (hostile.xxe_docx, "resume.docx", 422),
        (hostile.zip_bomb_docx, "resume.docx", 422),
        (hostile.declared_huge_docx, "resume.docx", 422),
        (hostile.many_entries_docx, "resume.docx", 422),
        (lambda: _wall_of_text_docx(120_000), "resume.docx", 422),
        (hostile.ole_container, "resume.docx", 415),
        (hostile.ole_container, "resume.doc", 415),
        (hostile.rtf, "resume.doc", 415),
        (hostile.rich_docx, "resume.docm", 415),
        (hostile.rich_docx, "resume.pdf", 415),
        (lambda: b"<html><script>alert(1)</script>Python</html>", "resume.pdf", 415),
        (lambda: b"%PDF-1.7\n", "resume.pdf", 422),
    ],
)
def test_hostile_files_get_a_clear_4xx_and_change_nothing(
    app, client, auth, user, uploaded, build, name, status
):
    before = _state(app, user["user"]["id"])
    started = time.monotonic()
    response = upload(client, auth, build(), name)
    assert time.monotonic() - started < 20  # the battery's bound, not a benchmark
    assert response.status_code == status, response.get_json()
    body = response.get_json()
    assert body["success"] is False and body["message"]
    assert _state(app, user["user"]["id"]) == before
    assert client.get("/api/health").status_code == 200


def test_oversized_upload_is_413(app, client, auth):
    big = b"%PDF-1.4\n" + b"0" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    response = upload(client, auth, big, "big.pdf")
    assert response.status_code == 413
    assert response.get_json()["success"] is False


def test_a_failure_while_committing_keeps_the_previous_state(
    app, client, auth, user, uploaded, monkeypatch
):
    before = _state(app, user["user"]["id"])

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("rag.store.IndexStore.save_jd", disk_full)
    response = upload(
        client, auth, hostile.text_pdf(["Other Person", "SKILLS", "Rust"]), "other.pdf"
    )
    # A full disk is not a bug: 507 in the one error shape (api/errors.py).
    assert response.status_code == 507
    assert response.get_json()["success"] is False
    monkeypatch.undo()
    assert _state(app, user["user"]["id"]) == before
    hits = client.get(
        "/api/resume/search", headers=auth, query_string={"q": "university"}
    ).get_json()
    assert "Toronto" in hits["results"][0]["text"]


def test_filenames_are_sanitised(app, client, auth, user, pdf_resume):
    uid = user["user"]["id"]
    upload(client, auth, pdf_resume, "резюме.pdf")
    assert (
        client.get("/api/profile", headers=auth).get_json()["user"]["resume_filename"]
        == f"{uid}_resume.pdf"
    )
    upload(client, auth, pdf_resume, "../../etc/passwd.pdf")
    assert (
        client.get("/api/profile", headers=auth).get_json()["user"]["resume_filename"]
        == f"{uid}_passwd.pdf"
    )
    names = [p.name for p in Path(app.config["UPLOAD_FOLDER"]).iterdir() if p.is_file()]
    assert names == [f"{uid}_passwd.pdf"]


def test_corrupt_or_missing_index_is_rebuilt(app, client, auth, user, uploaded):
    index_dir = Path(app.config["DATA_DIR"]) / "users" / str(user["user"]["id"])
    files = [p for p in index_dir.iterdir() if p.is_file()]
    index_file = max(files, key=lambda p: p.stat().st_size)
    index_file.write_bytes(b"garbage")
    hits = client.get(
        "/api/resume/search", headers=auth, query_string={"q": "university"}
    ).get_json()
    assert "Toronto" in hits["results"][0]["text"]
    for p in index_dir.iterdir():
        p.unlink()
    hits = client.get(
        "/api/resume/search", headers=auth, query_string={"q": "university"}
    ).get_json()
    assert "Toronto" in hits["results"][0]["text"]


def test_an_index_with_the_right_ids_but_another_uploads_version_is_rebuilt(
    app, client, auth, user, uploaded
):
    # SQLite can give a deleted chunk's id to the next upload's chunk: an index left by an
    # uncommitted upload may hold the very ids the database has, with other vectors.
    from rag.store import IndexStore

    uid = user["user"]["id"]
    with app.app_context():
        ids = sorted(
            db.session.execute(select(ResumeChunk.id).where(ResumeChunk.user_id == uid)).scalars()
        )
        token = db.session.execute(
            select(ResumeAnalysis.file_token).where(ResumeAnalysis.user_id == uid)
        ).scalar_one()
        db.session.remove()
    store = IndexStore(app.config["DATA_DIR"])
    assert store.version(uid) == token
    wrong = np.zeros((len(ids), 384), dtype=np.float32)
    wrong[:, 0] = 1.0
    store.write(uid, ids, wrong, version="another-upload")
    hits = client.get(
        "/api/resume/search", headers=auth, query_string={"q": "Toronto university"}
    ).get_json()
    assert "Toronto" in hits["results"][0]["text"]
    assert store.version(uid) == token


def test_reindex_cli_rebuilds_indexes(app, user, uploaded):
    index_dir = Path(app.config["DATA_DIR"]) / "users" / str(user["user"]["id"])
    for p in index_dir.iterdir():
        p.unlink()
    result = app.test_cli_runner().invoke(
        args=["rag", "reindex", "--user", str(user["user"]["id"])]
    )
    assert result.exit_code == 0, result.output
    assert "Rebuilt 1" in result.output
    assert len(list(index_dir.iterdir())) == 2  # the index and the job description
    missing = app.test_cli_runner().invoke(args=["rag", "reindex", "--user", "99999"])
    assert missing.exit_code != 0


def test_delete_removes_everything(app, client, auth, user, uploaded):
    uid = user["user"]["id"]
    response = client.delete("/api/resume", headers=auth)
    assert response.status_code == 200
    state = _state(app, uid)
    assert state["files"] == [] and state["chunks"] == [] and state["analysis"] is None
    assert state["profile"]["resume_filename"] is None
    assert not (Path(app.config["DATA_DIR"]) / "users" / str(uid)).exists()
    assert client.get("/api/resume/analysis", headers=auth).status_code == 404
    assert (
        client.get("/api/resume/search", headers=auth, query_string={"q": "x"}).status_code == 404
    )
    assert client.delete("/api/resume", headers=auth).status_code == 404
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(ResumeChunk)).scalar() == 0
        db.session.remove()


def test_nul_characters_in_upload_fields_are_harmless(client, auth, pdf_resume):
    response = upload(client, auth, pdf_resume, "a\x00b.pdf", jd="Python\x00 developer")
    assert response.status_code == 200
    profile = client.get("/api/profile", headers=auth).get_json()["user"]
    assert "\x00" not in profile["resume_filename"]


def test_a_committed_upload_whose_file_was_not_moved_is_rolled_forward(
    app, client, auth, user, uploaded
):
    uid = user["user"]["id"]
    folder = Path(app.config["UPLOAD_FOLDER"])
    final = folder / f"{uid}_Jane_Resume.pdf"
    with app.app_context():
        token = db.session.execute(
            select(ResumeAnalysis.file_token).where(ResumeAnalysis.user_id == uid)
        ).scalar_one()
        db.session.remove()
    # As if the worker died right after the database commit, before moving the file.
    final.rename(folder / ".pending" / f"commit-{uid}-{token}")
    (folder / ".pending" / f"commit-{uid}-deadbeef").write_bytes(b"an uncommitted upload")
    # Reads never touch the files; the next worker to start finishes the move.
    assert client.get("/api/resume/analysis", headers=auth).status_code == 200
    assert len(list((folder / ".pending").iterdir())) == 2
    recover_files(app)
    assert final.read_bytes()[:5] == b"%PDF-"
    assert list((folder / ".pending").iterdir()) == []


def test_upload_warns_about_what_it_could_not_read(client, auth, app):
    lines = [
        "Sam Roe",
        "EXPERIENCE",
        "Senior Data Engineer, Acme Corp",
        "Built Python pipelines on PostgreSQL and Airflow for the finance team.",
        "Data Engineer, Beta Ltd",
        "Wrote Spark jobs in Scala and Python for the marketing analytics group.",
        "Data Analyst, Gamma Inc",
        "Reported on sales with SQL and Tableau for the regional managers every week.",
        "SKILLS",
        "Python, SQL, Spark, Airflow, PostgreSQL, Tableau, Scala",
    ]
    response = upload(client, auth, hostile.text_pdf(lines), "undated.pdf")
    assert response.status_code == 200
    warnings = response.get_json()["data"]["warnings"]
    assert (
        "Found 3 job titles but could not read dates for 3 of them: experience years may be "
        "low. Check the years of experience." in warnings
    )
    assert any(w.startswith("No education section found.") for w in warnings)
    stored = client.get("/api/resume/analysis", headers=auth).get_json()["data"]
    assert stored["warnings"] == warnings


def test_a_fully_read_upload_has_no_warnings(uploaded, client):
    assert uploaded["data"]["warnings"] == []
    schema = client.get("/api/openapi.json").get_json()["components"]["schemas"]
    assert schema["AnalysisData"]["properties"]["warnings"]["type"] == "array"


def test_uploads_and_fits_are_rate_limited_per_account(app, client, auth, register, pdf_resume):
    app.config["RATELIMIT_UPLOAD"] = "2 per minute"
    app.config["RATELIMIT_FIT"] = "1 per minute"
    limiter.enabled = True
    statuses = [upload(client, auth, pdf_resume, "a.pdf").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = upload(client, auth, pdf_resume, "a.pdf")
    assert limited.get_json()["success"] is False and "Retry-After" in limited.headers
    fits = [
        client.post("/api/resume/fit", headers=auth, json={"job_description": JD_BACKEND})
        for _ in range(2)
    ]
    assert [r.status_code for r in fits] == [200, 429]
    # The limit is the account's, not the address's: another user from the same address uploads.
    other = {"Authorization": f"Bearer {register()['access_token']}"}
    assert upload(client, other, pdf_resume, "a.pdf").status_code == 200
    # Requests without a valid token still get their 401, counted against the address only.
    assert upload(client, {"Authorization": "Bearer nope"}, pdf_resume, "a.pdf").status_code == 401


def test_searches_and_reports_are_rate_limited_per_account(app, client, auth, uploaded):
    app.config["RATELIMIT_SEARCH"] = "2 per minute"
    app.config["RATELIMIT_REPORT"] = "1 per minute"
    limiter.enabled = True
    searches = [
        client.get("/api/resume/search", headers=auth, query_string={"q": "Python"}).status_code
        for _ in range(3)
    ]
    assert searches == [200, 200, 429]
    reports = [client.get("/api/report", headers=auth).status_code for _ in range(2)]
    assert reports == [200, 429]
