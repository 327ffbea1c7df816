"""One account never reaches another's resume, questions, sessions, attempts or report."""

from __future__ import annotations

from tests import hostile
from tests.test_resume_api import RESUME_LINES, upload
from tests.test_sessions_api import JD

SECRET = "Marmalade"


def _hdr(user: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {user['access_token']}"}


def test_a_second_account_sees_none_of_the_first(client, register):
    alice, bob = _hdr(register()), _hdr(register())
    lines = [*RESUME_LINES, f"Built the {SECRET} ledger service in Python."]
    assert upload(client, alice, hostile.text_pdf(lines), "alice.pdf", JD).status_code == 200
    custom = client.post(
        "/api/interview/questions",
        headers=alice,
        json={"question": f"What is {SECRET}?", "reference_answer": f"{SECRET} is a jam."},
    ).get_json()["question"]
    session = client.post(
        "/api/interview/sessions", headers=alice, json={"kind": "mock", "count": 3}
    ).get_json()["session"]
    first = session["questions"][0]["id"]
    answered = client.post(
        "/api/interview/answer",
        headers=alice,
        json={"question_id": first, "answer": f"{SECRET} answer", "session_id": session["id"]},
    )
    assert answered.status_code == 200

    # Bob names Alice's ids directly: every one is a 404, as if it did not exist.
    sid = session["id"]
    assert client.get(f"/api/interview/sessions/{sid}", headers=bob).status_code == 404
    assert client.post(f"/api/interview/sessions/{sid}/finish", headers=bob).status_code == 404
    for question_id, session_id in ((custom["id"], None), (first, sid), (first, None)):
        body = {"question_id": question_id, "answer": "x y z", "session_id": session_id}
        status = client.post("/api/interview/answer", headers=bob, json=body).status_code
        assert status == 404, (question_id, session_id)

    # Nothing of Alice's shows up in any of Bob's own reads.
    assert client.get("/api/resume/analysis", headers=bob).status_code == 404
    assert client.get("/api/resume/search?q=ledger", headers=bob).status_code == 404
    for path in ("/api/interview/history", "/api/interview/sessions", "/api/mastery"):
        response = client.get(path, headers=bob)
        assert response.status_code == 200 and SECRET not in response.get_data(as_text=True)
        assert first not in response.get_data(as_text=True)
    report = client.get("/api/report", headers=bob)
    assert report.status_code == 200 and SECRET.encode() not in report.data

    # And Alice still has all of it.
    assert client.get(f"/api/interview/sessions/{sid}", headers=alice).status_code == 200
    history = client.get("/api/interview/history", headers=alice).get_data(as_text=True)
    assert first in history
