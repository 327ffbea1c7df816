"""The PDF progress report: rendered from plain data, and served by GET /api/report."""

from __future__ import annotations

import io
from datetime import datetime

import pdfplumber
import pytest

from services.report import MasteryRow, ReportData, SessionRow, render_report

NOW = datetime(2026, 11, 30, 10, 0)
FIT = {
    "overall_score": 0.58,
    "semantic_score": 0.62,
    "keyword_score": 0.45,
    "experience_fit": "Good fit",
    "matching_skills": ["Python", "SQL"],
    "missing_skills": ["Kafka"] + [f"Extra{i}" for i in range(20)],
}


def _data(**overrides) -> ReportData:
    base = {
        "username": "john_doe",
        "full_name": "John Doe",
        "generated_at": NOW,
        "fit": FIT,
        "fit_date": NOW,
        "mastery": [
            MasteryRow("PostgreSQL", 0.31, 4, "declining", (0.6, 0.4, 0.3, 0.2), "entry", NOW, NOW),
            MasteryRow("Python", 0.82, 6, "improving", (0.5, 0.9), "senior", NOW, NOW),
            MasteryRow("Kubernetes", 0.0, 0, "new"),
        ],
        "sessions": [SessionRow("mock", NOW, 8, 6, 0.64, True)],
    }
    return ReportData(**{**base, **overrides})


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_report_holds_name_fit_mastery_trends_and_sessions():
    pdf = render_report(_data())
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert "John Doe" in text and "@john_doe" in text
    assert "58%" in text and "62%" in text and "Good fit" in text
    assert "Kafka" in text and "(+9 more)" in text  # 21 missing skills, 12 shown
    for row in ("PostgreSQL 31%", "Python 82%"):
        assert row in text
    assert "Not practised yet (1): Kubernetes." in text
    assert "declining" in text and "improving" in text
    assert "6 of 8" in text and "64%" in text


def test_same_data_gives_the_same_bytes():
    assert render_report(_data()) == render_report(_data())
    assert render_report(_data()) != render_report(_data(full_name="Jane Roe"))


def test_report_without_resume_or_practice_says_so():
    text = _text(render_report(_data(full_name=None, fit=None, mastery=[], sessions=[])))
    assert "john_doe" in text  # the username stands in for a missing name
    assert "No resume uploaded yet" in text
    assert "No topics yet" in text and "No practice sessions yet" in text


@pytest.mark.parametrize(
    "name",
    [
        "<b>bold</b> & <script>alert(1)</script>",
        'O\'Brien "quoted" <para>',
        "Zoë Łukasz Ørsted",
        "李雷 Li Lei",
        "ひらがな カタカナ 한국어",
        "\x00\x07control\u200b\u202eRTL",
        "🙂" * 30,
    ],
)
def test_hostile_or_foreign_names_render_as_text(name):
    text = _text(render_report(_data(full_name=name, mastery=[MasteryRow(name, 0.5, 1, "new")])))
    printable = "".join(ch for ch in name if ch.isprintable() and ch != "🙂")
    # Markup is shown literally, never interpreted; letters of other scripts survive.
    for word in printable.split():
        assert word in text


def test_long_mastery_table_spans_pages_and_is_capped():
    rows = [MasteryRow(f"Topic {i:03d}", i / 100, 1, "steady", (0.5,)) for i in range(80)]
    rows += [MasteryRow(f"Planned {i:03d}", 0.0, 0, "new") for i in range(70)]
    pdf = render_report(_data(mastery=rows))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 2
    text = " ".join(_text(pdf).split())
    assert "Topic 059" in text and "Topic 060" not in text
    assert "20 more practised topics not shown." in text
    assert "Not practised yet (70):" in text and "Planned 059 and 10 more." in text


def test_report_route_serves_the_callers_pdf(client, auth, register):
    body = {"skills": ["Python"], "experience_years": 2}
    assert client.post("/api/update_profile", headers=auth, json=body).status_code == 200
    session = client.post(
        "/api/interview/sessions", headers=auth, json={"kind": "technical", "count": 1}
    ).get_json()["session"]
    question = session["questions"][0]
    answered = client.post(
        "/api/interview/answer",
        headers=auth,
        json={
            "question_id": question["id"],
            "answer": "I don't know.",
            "session_id": session["id"],
        },
    )
    assert answered.status_code == 200

    response = client.get("/api/report", headers=auth)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "progress-report.pdf" in response.headers["Content-Disposition"]
    text = _text(response.data)
    assert "John Doe" in text  # the full name from the profile
    assert "No resume uploaded yet" in text
    assert "Python" in text and "1 of 1" in text  # the practised topic and the session

    stranger = register(full_name="Zed Stranger")
    theirs = client.get(
        "/api/report", headers={"Authorization": f"Bearer {stranger['access_token']}"}
    )
    other = _text(theirs.data)
    assert "Zed Stranger" in other and "John Doe" not in other and "1 of 1" not in other


def test_report_needs_a_token(client):
    response = client.get("/api/report")
    assert response.status_code == 401 and response.is_json
