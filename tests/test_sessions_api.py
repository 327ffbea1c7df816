"""Practice sessions through the API: create, answer in, read, finish, forget with the resume."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Attempt, InterviewSession, ResumeChunk, db
from tests import hostile
from tests.test_resume_api import RESUME_LINES, upload

SECRET_KEYS = {"reference_answer", "key_concepts"}
JD = """Senior Backend Engineer
We need 5+ years of experience with Python, PostgreSQL, Docker and Kubernetes; Kafka is a plus.
Responsibilities:
- Design and build REST APIs in Python used by millions of customers
- Lead code reviews and mentor junior engineers
- Own the on-call rotation and improve service reliability
"""


def _hdr(user: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {user['access_token']}"}


def _start(client, auth, **body):
    return client.post("/api/interview/sessions", headers=auth, json=body)


def _answer(client, auth, session_id, question_id, text):
    body = {"question_id": question_id, "answer": text, "session_id": session_id}
    return client.post("/api/interview/answer", headers=auth, json=body)


@pytest.fixture
def skilled(client, auth):
    """The user's profile names skills, so technical sessions have topics without a resume."""
    body = {"skills": ["Python", "PostgreSQL", "Docker"], "experience_years": 4}
    assert client.post("/api/update_profile", headers=auth, json=body).status_code == 200
    return auth


@pytest.fixture
def uploaded(client, auth):
    response = upload(client, auth, hostile.text_pdf(RESUME_LINES), "Jane Resume.pdf", JD)
    assert response.status_code == 200, response.get_json()
    return auth


def test_technical_session_round_trip(client, skilled):
    created = _start(client, skilled, kind="technical", count=3)
    assert created.status_code == 201, created.get_json()
    session = created.get_json()["session"]
    assert session["status"] == "open" and session["kind"] == "technical"
    assert session["progress"] == {"total": 3, "answered": 0, "mean_score": None}
    questions = session["questions"]
    assert len(questions) == 3 and len({q["id"] for q in questions}) == 3
    for q in questions:
        assert not SECRET_KEYS & set(q) and q["answered"] is False and q["result"] is None
        assert q["difficulty"] == "mid"  # 4 years of experience

    first, second = questions[0], questions[1]
    weak = _answer(client, skilled, session["id"], first["id"], "I don't know.")
    assert weak.status_code == 200, weak.get_json()
    reference = weak.get_json()["result"]["reference_answer"]
    strong = _answer(client, skilled, session["id"], first["id"], reference)
    assert strong.get_json()["result"]["score"] > weak.get_json()["result"]["score"] + 0.5
    off = _answer(client, skilled, session["id"], second["id"], "I enjoy hiking on weekends.")
    assert off.status_code == 200

    read = client.get(f"/api/interview/sessions/{session['id']}", headers=skilled).get_json()
    shown = {q["id"]: q for q in read["session"]["questions"]}
    assert shown[first["id"]]["result"]["reference_answer"] == reference
    assert shown[first["id"]]["result"]["answer"] == reference  # the latest answer counts
    assert shown[questions[2]["id"]]["result"] is None
    assert read["session"]["progress"]["answered"] == 2

    finished = client.post(f"/api/interview/sessions/{session['id']}/finish", headers=skilled)
    assert finished.status_code == 200
    summary = finished.get_json()["summary"]
    scores = {r["question_id"]: r for r in summary["per_question"]}
    assert scores[first["id"]]["score"] == strong.get_json()["result"]["score"]
    assert scores[first["id"]]["attempts"] == 2
    assert scores[questions[2]["id"]]["score"] is None
    assert summary["answered"] == 2 and summary["questions"] == 3
    assert summary["strongest_topics"][0]["topic"] == first["topic"]
    assert second["topic"] in {t["topic"] for t in summary["weakest_topics"]}
    assert {c["question_id"] for c in summary["concepts_to_review"]} == {second["id"]}
    change = {c["topic"]: c for c in summary["mastery_change"]}
    assert change[first["topic"]]["before"] is None  # first practice of the topic
    assert change[first["topic"]]["after"] == pytest.approx(
        strong.get_json()["result"]["mastery"]["level"]
    )
    assert finished.get_json()["session"]["status"] == "finished"

    # Finishing again returns the same summary; a finished session takes no more answers.
    again = client.post(f"/api/interview/sessions/{session['id']}/finish", headers=skilled)
    assert again.get_json()["summary"] == summary
    late = _answer(client, skilled, session["id"], questions[2]["id"], reference)
    assert late.status_code == 409 and late.get_json()["success"] is False


def test_sessions_are_private(client, skilled, register):
    session = _start(client, skilled, kind="technical", count=2).get_json()["session"]
    other = _hdr(register())
    sid, qid = session["id"], session["questions"][0]["id"]
    assert client.get(f"/api/interview/sessions/{sid}", headers=other).status_code == 404
    assert client.post(f"/api/interview/sessions/{sid}/finish", headers=other).status_code == 404
    assert _answer(client, other, sid, qid, "A generator yields values lazily.").status_code == 404
    assert client.get("/api/interview/sessions", headers=other).get_json()["sessions"] == []
    # The owner's session is untouched by the attempts.
    mine = client.get(f"/api/interview/sessions/{sid}", headers=skilled).get_json()["session"]
    assert mine["status"] == "open" and mine["progress"]["answered"] == 0


def test_a_question_outside_the_session_is_refused(client, skilled):
    one = _start(client, skilled, kind="technical", count=1).get_json()["session"]
    response = _answer(client, skilled, one["id"], "not-a-question-here", "Some answer text.")
    assert response.status_code == 404
    assert "question_id" in response.get_json()["errors"]


def test_list_is_newest_first_and_paginated(client, skilled):
    ids = [
        _start(client, skilled, kind="technical", count=1, seed=str(i)).get_json()["session"]["id"]
        for i in range(3)
    ]
    page1 = client.get("/api/interview/sessions?per_page=2", headers=skilled).get_json()
    assert [s["id"] for s in page1["sessions"]] == ids[::-1][:2]
    assert (page1["total"], page1["pages"], page1["page"]) == (3, 2, 1)
    page2 = client.get("/api/interview/sessions?per_page=2&page=2", headers=skilled).get_json()
    assert [s["id"] for s in page2["sessions"]] == [ids[0]]
    assert "questions" not in page1["sessions"][0]


def test_same_inputs_same_questions_seed_changes_them(client, skilled):
    a = _start(client, skilled, kind="technical", count=4).get_json()["session"]["questions"]
    b = _start(client, skilled, kind="technical", count=4).get_json()["session"]["questions"]
    c = _start(client, skilled, kind="technical", count=4, seed="x").get_json()["session"]
    assert [q["id"] for q in a] == [q["id"] for q in b]
    assert [q["id"] for q in c["questions"]] != [q["id"] for q in a]


def test_difficulty_override_and_experience(client, auth, register):
    senior = _start(client, auth, kind="technical", count=2, difficulty="senior").get_json()
    assert {q["difficulty"] for q in senior["session"]["questions"]} == {"senior"}
    assert senior["session"]["difficulty"] == "senior"
    entry = _start(client, auth, kind="technical", count=2).get_json()["session"]
    assert {q["difficulty"] for q in entry["questions"]} == {"entry"}  # 0 years


def test_resume_kinds_need_a_resume(client, auth):
    for kind in ("resume", "role"):
        response = _start(client, auth, kind=kind)
        assert response.status_code == 404, (kind, response.get_json())
        assert response.get_json()["success"] is False


def test_mock_session_mixes_kinds_and_quotes_only_own_resume(app, client, uploaded, register, user):
    session = _start(client, uploaded, kind="mock", count=8).get_json()["session"]
    kinds = [q["kind"] for q in session["questions"]]
    assert {"resume", "technical", "behavioral", "role"} <= set(kinds)
    resume_qs = [q for q in session["questions"] if q["kind"] == "resume"]
    with app.app_context():
        for q in resume_qs:
            chunk = db.session.get(ResumeChunk, q["source"]["chunk_id"])
            assert chunk.user_id == user["user"]["id"]
            assert " ".join(chunk.text.split()).startswith(q["source"]["excerpt"].split(" ...")[0])
        db.session.remove()
    # Another user with another resume is never shown these chunks.
    other = _hdr(register())
    lines = ["Amy Poe", "EXPERIENCE", "Nurse, City Hospital", "2019 - 2024", "Patient care."]
    assert upload(client, other, hostile.text_pdf(lines), "amy.pdf").status_code == 200
    theirs = _start(client, other, kind="resume", count=5).get_json()["session"]
    mine = {q["source"]["chunk_id"] for q in resume_qs}
    assert mine.isdisjoint({q["source"]["chunk_id"] for q in theirs["questions"]})
    assert all("Acme" not in q["question"] for q in theirs["questions"])


def test_deleting_the_resume_forgets_practice_that_quotes_it(app, client, uploaded, user):
    mock = _start(client, uploaded, kind="mock", count=8).get_json()["session"]
    tech = _start(client, uploaded, kind="technical", count=2).get_json()["session"]
    quoting = next(q for q in mock["questions"] if q["kind"] == "resume")
    bank = next(q for q in mock["questions"] if q["kind"] == "technical")
    for sid, q in ((mock["id"], quoting), (mock["id"], bank), (tech["id"], tech["questions"][0])):
        assert _answer(client, uploaded, sid, q["id"], "I built it in Python.").status_code == 200

    assert client.delete("/api/resume", headers=uploaded).status_code == 200
    assert client.get(f"/api/interview/sessions/{mock['id']}", headers=uploaded).status_code == 404
    assert client.get(f"/api/interview/sessions/{tech['id']}", headers=uploaded).status_code == 200
    with app.app_context():
        left = db.session.execute(
            select(Attempt.question_id, Attempt.session_id).where(
                Attempt.user_id == user["user"]["id"]
            )
        ).all()
        sessions = db.session.execute(select(InterviewSession.id)).scalars().all()
        db.session.remove()
    # The bank question of the mock session keeps its attempt, detached from the session.
    assert {tuple(r) for r in left} == {
        (bank["id"], None),
        (tech["questions"][0]["id"], tech["id"]),
    }
    assert sessions == [tech["id"]]
    history = client.get("/api/interview/history", headers=uploaded).get_json()
    assert quoting["id"] not in {a["question_id"] for a in history["attempts"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "quiz"}, "kind"),
        ({}, "kind"),
        ({"kind": "technical", "count": 0}, "count"),
        ({"kind": "technical", "count": 21}, "count"),
        ({"kind": "technical", "count": "3"}, "count"),
        ({"kind": "technical", "count": True}, "count"),
        ({"kind": "technical", "difficulty": "expert"}, "difficulty"),
        ({"kind": "technical", "seed": "s" * 65}, "seed"),
        ({"kind": "technical", "id": 5}, "id"),
    ],
)
def test_create_validation(client, auth, body, field):
    response = _start(client, auth, **body)
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]


@pytest.mark.parametrize(
    "sid", ["0", "-1", "abc", str(2**31), str(2**63), str(2**70), "%00", "1.5"]
)
def test_hostile_session_ids_are_404(client, auth, sid):
    for method, path in (("GET", ""), ("POST", "/finish")):
        response = client.open(f"/api/interview/sessions/{sid}{path}", method=method, headers=auth)
        assert response.status_code == 404 and response.is_json
    answer = _answer(client, auth, 2**62, "python-entry-1", "A list is mutable.")
    assert answer.status_code in (404, 422) and answer.is_json
