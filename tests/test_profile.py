"""Profile: the docs page's shape, partial updates, every validation rule, no mass assignment."""

from __future__ import annotations

import pytest


def test_profile_has_exactly_the_documented_fields(client, auth, user):
    response = client.get("/api/profile", headers=auth)
    assert response.status_code == 200
    profile = response.get_json()["user"]
    assert list(profile) == [
        "id",
        "username",
        "email",
        "full_name",
        "phone",
        "experience_years",
        "skills",
        "resume_filename",
        "created_at",
    ]
    assert profile["full_name"] == "John Doe"
    assert profile["phone"] is None
    assert profile["resume_filename"] is None
    assert "T" in profile["created_at"] and "." not in profile["created_at"]


def test_update_as_in_the_docs(client, auth):
    body = {
        "full_name": "John Doe",
        "phone": "+1-555-0123",
        "experience_years": 3,
        "skills": ["Python", "JavaScript", "React", "Node.js", "SQL"],
    }
    response = client.post("/api/update_profile", headers=auth, json=body)
    assert response.status_code == 200
    payload = response.get_json()
    assert payload["success"] is True
    assert payload["message"] == "Profile updated successfully"
    profile = client.get("/api/profile", headers=auth).get_json()["user"]
    for key, value in body.items():
        assert profile[key] == value


def test_partial_update_leaves_other_fields(client, auth):
    client.post(
        "/api/update_profile", headers=auth, json={"phone": "555 0100", "experience_years": 4}
    )
    client.post("/api/update_profile", headers=auth, json={"experience_years": 5})
    profile = client.get("/api/profile", headers=auth).get_json()["user"]
    assert profile["phone"] == "555 0100"
    assert profile["experience_years"] == 5
    assert profile["full_name"] == "John Doe"


def test_nullable_fields_can_be_cleared(client, auth):
    client.post("/api/update_profile", headers=auth, json={"phone": "555"})
    response = client.post(
        "/api/update_profile", headers=auth, json={"phone": None, "full_name": None}
    )
    assert response.status_code == 200
    profile = client.get("/api/profile", headers=auth).get_json()["user"]
    assert profile["phone"] is None and profile["full_name"] is None


def test_skills_are_trimmed_and_deduplicated_keeping_first_spelling(client, auth):
    response = client.post(
        "/api/update_profile",
        headers=auth,
        json={"skills": [" Python ", "python", "SQL", "PYTHON", "sql"]},
    )
    assert response.status_code == 200
    assert response.get_json()["user"]["skills"] == ["Python", "SQL"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"experience_years": -1}, "experience_years"),
        ({"experience_years": 71}, "experience_years"),
        ({"experience_years": True}, "experience_years"),
        ({"experience_years": "3"}, "experience_years"),
        ({"experience_years": 2.5}, "experience_years"),
        ({"experience_years": None}, "experience_years"),
        ({"full_name": "x" * 101}, "full_name"),
        ({"full_name": 42}, "full_name"),
        ({"phone": "1" * 21}, "phone"),
        ({"phone": "call me maybe"}, "phone"),
        ({"skills": "Python"}, "skills"),
        ({"skills": [1, 2]}, "skills.0"),
        ({"skills": ["ok", ""]}, "skills"),
        ({"skills": ["   "]}, "skills"),
        ({"skills": ["x" * 51]}, "skills"),
        ({"skills": [f"s{i}" for i in range(101)]}, "skills"),
        ({"skills": None}, "skills"),
    ],
)
def test_invalid_values_are_refused_and_nothing_changes(client, auth, body, field):
    before = client.get("/api/profile", headers=auth).get_json()
    response = client.post(
        "/api/update_profile", headers=auth, json={"full_name": "Changed", **body}
    )
    assert response.status_code == 422
    payload = response.get_json()
    assert payload["success"] is False
    assert field in payload["errors"], payload
    assert client.get("/api/profile", headers=auth).get_json() == before


@pytest.mark.parametrize(
    "field",
    ["id", "email", "username", "password_hash", "is_admin", "resume_filename", "created_at"],
)
def test_mass_assignment_is_refused_naming_the_field(client, auth, field):
    before = client.get("/api/profile", headers=auth).get_json()
    response = client.post(
        "/api/update_profile", headers=auth, json={field: "x", "full_name": "New"}
    )
    assert response.status_code == 422
    payload = response.get_json()
    assert field in payload["errors"]
    assert field in payload["message"]
    assert client.get("/api/profile", headers=auth).get_json() == before


def test_update_needs_a_json_object(client, auth):
    not_json = client.post("/api/update_profile", headers=auth, data="full_name=x")
    assert not_json.status_code == 415
    broken = client.post(
        "/api/update_profile", headers={**auth, "Content-Type": "application/json"}, data="{bad"
    )
    assert broken.status_code == 400
    array = client.post("/api/update_profile", headers=auth, json=["full_name"])
    assert array.status_code == 422
    for response in (not_json, broken, array):
        assert response.get_json()["success"] is False
