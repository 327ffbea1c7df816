"""Interview practice through the API: question sets, own questions, answers, mastery, history."""

from __future__ import annotations

import io

import pytest

from extensions import limiter
from interview import bank as qbank
from interview.scoring import MAX_ANSWER_CHARS
from tests import hostile

JD = (
    "Backend Engineer.\nResponsibilities:\n- Design and build REST APIs in Python for our "
    "payments platform\n- Operate PostgreSQL databases and tune slow queries\n"
    "Requirements: Python, PostgreSQL, Docker, Kubernetes."
)


def _resume(name: str, company: str, years: tuple[int, int], detail: str) -> bytes:
    return hostile.text_pdf(
        [
            name,
            "Backend Engineer",
            "EXPERIENCE",
            f"Software Engineer, {company}",
            f"Jan {years[0]} - Dec {years[1]}",
            detail,
            "SKILLS",
            "Python, PostgreSQL, Docker",
        ]
    )


def _upload(client, auth, pdf: bytes):
    response = client.post(
        "/api/upload_resume",
        headers=auth,
        data={"resume": (io.BytesIO(pdf), "cv.pdf"), "job_description": JD},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()["data"]


def _headers(user: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {user['access_token']}"}


def _profile(client, auth, years: int, skills: list[str]) -> None:
    body = {"experience_years": years, "skills": skills}
    assert client.post("/api/update_profile", headers=auth, json=body).status_code == 200


def _questions(client, auth, **params) -> list[dict]:
    response = client.get("/api/interview/questions", headers=auth, query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["questions"]


def _answer(client, auth, question_id: str, text: str):
    return client.post(
        "/api/interview/answer", headers=auth, json={"question_id": question_id, "answer": text}
    )


def test_experience_sets_difficulty_and_questions(client, register):
    junior, senior = _headers(register()), _headers(register())
    _profile(client, junior, 1, ["Python", "Docker"])
    _profile(client, senior, 12, ["Python", "Docker"])
    low = _questions(client, junior, kind="technical", count=4)
    high = _questions(client, senior, kind="technical", count=4)
    assert {q["difficulty"] for q in low} == {"entry"}
    assert {q["difficulty"] for q in high} == {"senior"}
    assert not {q["id"] for q in low} & {q["id"] for q in high}
    # The parameter overrides the level from experience.
    forced = _questions(client, junior, kind="technical", count=4, difficulty="senior")
    assert {q["difficulty"] for q in forced} == {"senior"}


def test_questions_hide_the_reference_and_are_deterministic(client, auth):
    _profile(client, auth, 4, ["Python", "PostgreSQL", "Docker", "Kubernetes"])
    first = _questions(client, auth, kind="technical", count=6)
    assert first == _questions(client, auth, kind="technical", count=6)
    assert all(set(q) <= {"id", "kind", "topic", "difficulty", "question", "source"} for q in first)
    seeded = [_questions(client, auth, kind="technical", count=6, seed=s) for s in ("a", "b")]
    assert seeded[0] == _questions(client, auth, kind="technical", count=6, seed="a")
    assert [q["id"] for q in seeded[0]] != [q["id"] for q in seeded[1]]


def test_postgres_and_postgresql_practise_one_topic(client, register):
    sets = []
    for skill in ("Postgres", "PostgreSQL"):
        auth = _headers(register())
        _profile(client, auth, 2, [skill])
        sets.append(_questions(client, auth, kind="technical", count=1))
    assert sets[0] == sets[1]
    assert sets[0][0]["topic"] == qbank.topic_for_skill("PostgreSQL").slug == "postgresql"


def test_strong_answer_scores_clearly_above_weak_ones(client, auth):
    question = qbank.load_bank().questions["python-entry-1"]
    strong = _answer(client, auth, question.id, question.reference_answer)
    assert strong.status_code == 200
    result = strong.get_json()["result"]
    assert result["reference_answer"] == question.reference_answer
    assert result["topic"] == "python" and result["concepts_missed"] == []
    weak = {
        "dont_know": "I don't know.",
        "parroted": question.question,
        "off_topic": "I enjoy hiking in the mountains and cooking pasta with friends on weekends.",
        "one_line": question.reference_answer.split()[0] + " is good.",
    }
    for name, text in weak.items():
        score = _answer(client, auth, question.id, text).get_json()["result"]["score"]
        assert score < result["score"] - 0.4, name
    # The same answer always gets the same score.
    again = _answer(client, auth, question.id, question.reference_answer).get_json()["result"]
    assert again["score"] == result["score"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"question_id": "python-entry-1", "answer": "   "}, 422, "answer"),
        ({"question_id": "python-entry-1", "answer": "\x00\u200b"}, 422, "answer"),
        ({"question_id": "python-entry-1", "answer": "x" * (MAX_ANSWER_CHARS + 1)}, 422, "answer"),
        ({"question_id": "python-entry-1"}, 422, "answer"),
        ({"question_id": "no-such-question", "answer": "Lists are mutable."}, 404, "question_id"),
        ({"question_id": "custom-99999", "answer": "Lists are mutable."}, 404, "question_id"),
        # Past PostgreSQL's integer range: still no such question, never a database error.
        ({"question_id": "custom-2147483648", "answer": "Lists are mutable."}, 404, "question_id"),
        ({"question_id": "resume-0123456789abcdef", "answer": "I built it."}, 404, "question_id"),
        ({"question_id": 5, "answer": "Lists are mutable."}, 422, "question_id"),
    ],
)
def test_bad_answers_get_documented_errors(client, auth, body, status, field):
    response = client.post("/api/interview/answer", headers=auth, json=body)
    assert response.status_code == status
    assert field in response.get_json()["errors"]


def test_custom_questions_are_scored_and_private(client, register):
    owner, other = _headers(register()), _headers(register())
    body = {
        "question": "What is overfitting?",
        "reference_answer": "Overfitting is when a model learns the noise of its training data "
        "and so fails to generalise to new, unseen data.",
        "topic": "Machine Learning",
        "key_concepts": ["noise", {"name": "generalise", "accept": ["generalize"]}],
    }
    created = client.post("/api/interview/questions", headers=owner, json=body)
    assert created.status_code == 201
    question = created.get_json()["question"]
    assert question["id"].startswith("custom-") and question["topic"] == "machine-learning"
    assert "reference_answer" not in question
    good = "The model fits noise in the training set and does not generalize to new data."
    result = _answer(client, owner, question["id"], good).get_json()["result"]
    assert result["concepts_covered"] == ["noise", "generalise"]
    assert _answer(client, owner, question["id"], "fine").get_json()["result"]["score"] < 0.2
    assert _answer(client, other, question["id"], good).status_code == 404
    assert client.get("/api/interview/history", headers=other).get_json()["total"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question": "", "reference_answer": "An answer."}, "question"),
        ({"question": "Why?", "reference_answer": " \x00 "}, "reference_answer"),
        ({"question": "Why?", "reference_answer": "x" * 5000}, "reference_answer"),
        (
            {"question": "Why?", "reference_answer": "Because.", "key_concepts": [" "]},
            "key_concepts",
        ),
    ],
)
def test_bad_custom_questions_are_422(client, auth, body, field):
    response = client.post("/api/interview/questions", headers=auth, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_poor_answers_lower_mastery_and_lead_the_next_set(client, auth):
    _profile(client, auth, 1, ["Python", "Docker", "Git"])
    before = _questions(client, auth, kind="technical", count=3)
    target = before[-1]
    assert before[0]["topic"] != target["topic"]
    levels = []
    for _ in range(2):
        result = _answer(client, auth, target["id"], "I don't know.").get_json()["result"]
        levels.append(result["mastery"]["level"])
    assert levels[-1] <= levels[0] < 0.1
    after = _questions(client, auth, kind="technical", count=3)
    assert after[0]["topic"] == target["topic"]
    rows = client.get("/api/mastery", headers=auth).get_json()["topics"]
    assert rows[0]["topic"] == target["topic"] and rows[0]["weak"] is True
    assert rows[0]["attempts"] == 2 and rows[0]["due"] is not None


def test_two_strong_answers_raise_the_level(client, auth):
    _profile(client, auth, 0, ["Python"])
    questions = qbank.questions_for("python", "entry")
    for q in questions[:2]:
        mastery = _answer(client, auth, q.id, q.reference_answer).get_json()["result"]["mastery"]
    assert mastery["difficulty"] == "mid"
    assert {q["difficulty"] for q in _questions(client, auth, kind="technical", count=1)} == {"mid"}


def test_history_is_newest_first_and_paginated(client, auth):
    ids = ["python-entry-1", "python-entry-2", "git-entry-1"]
    for qid in ids:
        assert _answer(client, auth, qid, "A list is mutable; a tuple is not.").status_code == 200
    page = client.get("/api/interview/history?per_page=2", headers=auth).get_json()
    assert [a["question_id"] for a in page["attempts"]] == ids[::-1][:2]
    assert (page["total"], page["pages"]) == (3, 2)
    rest = client.get("/api/interview/history?per_page=2&page=2", headers=auth).get_json()
    assert [a["question_id"] for a in rest["attempts"]] == ids[:1]
    python = client.get("/api/interview/history?topic=Python", headers=auth).get_json()
    assert python["total"] == 2
    bad = client.get("/api/interview/history?per_page=0", headers=auth)
    assert bad.status_code == 422 and "per_page" in bad.get_json()["errors"]


@pytest.mark.parametrize(
    "params",
    [{"kind": "poetry"}, {"count": "0"}, {"count": "²"}, {"difficulty": "expert"}, {"count": "51"}],
)
def test_bad_question_queries_are_422(client, auth, params):
    response = client.get("/api/interview/questions", headers=auth, query_string=params)
    assert response.status_code == 422


def test_resume_and_role_questions_need_a_resume(client, auth):
    for kind in ("resume", "role"):
        response = client.get(f"/api/interview/questions?kind={kind}", headers=auth)
        assert response.status_code == 404


def test_resume_questions_quote_only_the_callers_upload(client, register):
    alice, bob = _headers(register()), _headers(register())
    _upload(
        client,
        alice,
        _resume("Alice Smith", "Zebra Payments", (2013, 2025), "Built Python APIs for ledgers."),
    )
    _upload(client, bob, _resume("Bob Jones", "Quokka Labs", (2024, 2025), "Wrote Docker tooling."))
    mine = _questions(client, alice, kind="resume", count=5)
    assert mine and all(q["source"]["excerpt"] for q in mine)
    text = " ".join(q["question"] + q["source"]["excerpt"] for q in mine)
    assert "Quokka" not in text and "Bob" not in text
    assert any("Zebra" in q["question"] or "ledgers" in q["question"] for q in mine)
    # Another user cannot answer (or even see) a question built on someone else's resume.
    assert _answer(client, bob, mine[0]["id"], "I built it in Python.").status_code == 404
    assert _answer(client, alice, mine[0]["id"], "I built it in Python.").status_code == 200
    # The upload made mastery rows for the resume's and the job's skills.
    topics = {r["topic"] for r in client.get("/api/mastery", headers=alice).get_json()["topics"]}
    assert {"python", "docker", "kubernetes"} <= topics
    behavioural = _questions(client, alice, kind="behavioral", count=2)
    assert all(q["question"].startswith("At Zebra Payments") for q in behavioural)
    role = _questions(client, alice, kind="role", count=2)
    assert any("REST APIs" in q["question"] for q in role)
    senior, junior = (
        _questions(client, h, kind="technical", count=3)[0]["difficulty"] for h in (alice, bob)
    )
    assert (senior, junior) == ("senior", "entry")


def test_every_interview_route_is_documented(client):
    paths = client.get("/api/openapi.json").get_json()["paths"]
    assert {"get", "post"} <= set(paths["/api/interview/questions"])
    assert "post" in paths["/api/interview/answer"]
    assert "get" in paths["/api/mastery"] and "get" in paths["/api/interview/history"]


def test_answers_questions_and_sessions_are_rate_limited_per_account(app, client, auth, register):
    app.config["RATELIMIT_PRACTICE"] = "2 per minute"
    limiter.enabled = True
    _profile(client, auth, 3, ["Python"])
    question = _questions(client, auth, kind="technical", count=1)[0]["id"]
    statuses = [_answer(client, auth, question, "An answer.").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = _answer(client, auth, question, "An answer.")
    assert limited.get_json()["success"] is False and "Retry-After" in limited.headers
    # Each route counts on its own: adding questions has its own two.
    mine = [
        client.post(
            "/api/interview/questions",
            headers=auth,
            json={"question": "Why test?", "reference_answer": "To find bugs before users do."},
        ).status_code
        for _ in range(3)
    ]
    assert mine == [201, 201, 429]
    # Another account is not held back by this one's count.
    other = _headers(register())
    _profile(client, other, 3, ["Python"])
    assert _answer(client, other, question, "An answer.").status_code == 200
