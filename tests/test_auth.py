"""Accounts: registration, login, refresh, logout, token failures, rate limits."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

from flask_jwt_extended import create_access_token

from config import TestConfig
from extensions import limiter
from tests.conftest import PASSWORD


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_register_returns_user_and_working_tokens(client):
    response = client.post(
        "/api/register",
        json={"username": "john_doe", "email": "John@Example.com", "password": PASSWORD},
    )
    assert response.status_code == 201
    body = response.get_json()
    assert body["success"] is True
    assert body["user"]["username"] == "john_doe"
    assert body["user"]["email"] == "john@example.com"
    assert body["user"]["skills"] == []
    assert body["user"]["experience_years"] == 0
    profile = client.get("/api/profile", headers=_bearer(body["access_token"]))
    assert profile.get_json()["user"]["id"] == body["user"]["id"]


def test_password_is_hashed_not_stored(app, user):
    from models import User, db

    with app.app_context():
        stored = db.session.get(User, user["user"]["id"])
        assert PASSWORD not in stored.password_hash
        assert stored.password_hash.startswith(("scrypt:", "pbkdf2:"))


def test_duplicate_username_any_case_and_email_any_case_conflict(client, register):
    register(username="Alice", email="alice@example.com")
    again = client.post(
        "/api/register", json={"username": "aLiCe", "email": "x@example.com", "password": PASSWORD}
    )
    assert again.status_code == 409
    assert again.get_json()["errors"] == {"username": "is already taken"}
    email = client.post(
        "/api/register",
        json={"username": "other", "email": "ALICE@example.com", "password": PASSWORD},
    )
    assert email.status_code == 409
    assert "email" in email.get_json()["errors"]


def test_register_validates_every_field(client):
    cases = [
        ({"username": "ab"}, "username"),
        ({"username": "a" * 21}, "username"),
        ({"username": "bad name!"}, "username"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "a" * 115 + "@ex.com"}, "email"),
        ({"password": "short"}, "password"),
        ({"password": "x" * 129}, "password"),
        ({"full_name": "n" * 101}, "full_name"),
        ({"username": 12345}, "username"),
    ]
    for override, field in cases:
        body = {"username": "valid_name", "email": "valid@example.com", "password": PASSWORD}
        body.update(override)
        response = client.post("/api/register", json=body)
        assert response.status_code == 422, override
        payload = response.get_json()
        assert payload["success"] is False
        assert field in payload["errors"], (override, payload)


def test_register_refuses_unknown_fields(client):
    response = client.post(
        "/api/register",
        json={
            "username": "mallory",
            "email": "m@example.com",
            "password": PASSWORD,
            "is_admin": True,
        },
    )
    assert response.status_code == 422
    assert "is_admin" in response.get_json()["errors"]


def test_login_by_username_or_email_any_case(client, register):
    register(username="Carol", email="carol@example.com")
    for name in ("Carol", "carol", "CAROL@example.com"):
        response = client.post("/api/login", json={"username": name, "password": PASSWORD})
        assert response.status_code == 200, name
        assert response.get_json()["access_token"]
        assert response.get_json()["refresh_token"]


def test_login_failures_say_the_same_thing(client, register):
    register(username="dave", email="dave@example.com")
    wrong = client.post("/api/login", json={"username": "dave", "password": "wrong-password"})
    unknown = client.post("/api/login", json={"username": "nobody", "password": "wrong-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()


def test_refresh_gives_new_access_token_and_refuses_access_tokens(client, user):
    response = client.post("/api/refresh", headers=_bearer(user["refresh_token"]))
    assert response.status_code == 200
    new_access = response.get_json()["access_token"]
    assert client.get("/api/profile", headers=_bearer(new_access)).status_code == 200
    refused = client.post("/api/refresh", headers=_bearer(user["access_token"]))
    assert refused.status_code == 401
    assert refused.get_json()["success"] is False


def test_refresh_token_cannot_be_used_as_access_token(client, user):
    response = client.get("/api/profile", headers=_bearer(user["refresh_token"]))
    assert response.status_code == 401


def test_logout_revokes_access_and_refresh_tokens(client, user):
    response = client.post(
        "/api/logout",
        headers=_bearer(user["access_token"]),
        json={"refresh_token": user["refresh_token"]},
    )
    assert response.status_code == 200
    again = client.get("/api/profile", headers=_bearer(user["access_token"]))
    assert again.status_code == 401
    assert "revoked" in again.get_json()["message"]
    refresh = client.post("/api/refresh", headers=_bearer(user["refresh_token"]))
    assert refresh.status_code == 401


def test_logout_without_body_revokes_access_token(client, user):
    assert client.post("/api/logout", headers=_bearer(user["access_token"])).status_code == 200
    assert client.get("/api/profile", headers=_bearer(user["access_token"])).status_code == 401


def test_logout_refuses_someone_elses_refresh_token_and_revokes_nothing(client, register):
    alice, bob = register(), register()
    response = client.post(
        "/api/logout",
        headers=_bearer(alice["access_token"]),
        json={"refresh_token": bob["refresh_token"]},
    )
    assert response.status_code == 422
    assert client.get("/api/profile", headers=_bearer(alice["access_token"])).status_code == 200
    assert client.post("/api/refresh", headers=_bearer(bob["refresh_token"])).status_code == 200


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_tampered_and_unsigned_tokens_are_refused(client, user):
    header, payload, signature = user["access_token"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = "999"
    tampered = f"{header}.{_b64(claims)}.{signature}"
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    for token in (tampered, unsigned, "garbage", "a.b.c"):
        response = client.get("/api/profile", headers=_bearer(token))
        assert response.status_code == 401, token
        assert response.get_json()["success"] is False


def test_missing_and_malformed_authorization_headers(client):
    for headers in ({}, {"Authorization": "Bearer"}, {"Authorization": "Basic dXNlcjpwYXNz"}):
        response = client.get("/api/profile", headers=headers)
        assert response.status_code == 401
        assert response.is_json


def test_expired_token_is_refused(app, client, user):
    with app.app_context():
        token = create_access_token(
            identity=str(user["user"]["id"]), expires_delta=timedelta(seconds=-30)
        )
    response = client.get("/api/profile", headers=_bearer(token))
    assert response.status_code == 401
    assert "expired" in response.get_json()["message"]


def test_token_of_deleted_user_is_refused(app, client, user):
    from models import User, db

    with app.app_context():
        db.session.delete(db.session.get(User, user["user"]["id"]))
        db.session.commit()
    assert client.get("/api/profile", headers=_bearer(user["access_token"])).status_code == 401


def test_login_rate_limit_per_account(app, client, register):
    register(username="erin", email="erin@example.com")
    limiter.enabled = True
    statuses = [
        client.post(
            "/api/login",
            json={"username": "erin", "password": "wrong-password"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{i}"},
        ).status_code
        for i in range(12)
    ]
    assert statuses[:10] == [401] * 10
    assert statuses[10] == 429
    limited = client.post("/api/login", json={"username": "erin", "password": PASSWORD})
    assert limited.status_code == 429
    body = limited.get_json()
    assert body["success"] is False and "Too many requests" in body["message"]
    assert "Retry-After" in limited.headers
    # Another account from another address is not affected.
    register(username="frank", email="frank@example.com")
    other = client.post(
        "/api/login",
        json={"username": "frank", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.9.9.9"},
    )
    assert other.status_code == 200


def test_successful_logins_do_not_lock_the_account(client, register):
    register(username="gina", email="gina@example.com")
    limiter.enabled = True
    statuses = {
        client.post(
            "/api/login",
            json={"username": "gina", "password": PASSWORD},
            environ_base={"REMOTE_ADDR": f"10.1.0.{i}"},
        ).status_code
        for i in range(15)
    }
    assert statuses == {200}


def test_login_rate_limit_per_address(app, client, register):
    register(username="hank", email="hank@example.com")
    limiter.enabled = True
    limit = int(app.config["RATELIMIT_LOGIN_ADDRESS"].split()[0])
    statuses = [
        client.post("/api/login", json={"username": "hank", "password": PASSWORD}).status_code
        for _ in range(limit + 1)
    ]
    assert statuses[:limit] == [200] * limit
    assert statuses[limit] == 429


def test_register_rate_limit_per_address(app, client):
    app.config["RATELIMIT_REGISTER"] = "3 per minute"
    limiter.enabled = True
    try:
        statuses = [
            client.post(
                "/api/register",
                json={
                    "username": f"burst{i}",
                    "email": f"burst{i}@example.com",
                    "password": PASSWORD,
                },
            ).status_code
            for i in range(4)
        ]
    finally:
        app.config["RATELIMIT_REGISTER"] = TestConfig().RATELIMIT_REGISTER
    assert statuses == [201, 201, 201, 429]


def test_purge_tokens_drops_only_expired_rows(app, client, user):
    from datetime import datetime

    from models import TokenBlocklist, db

    client.post("/api/logout", headers=_bearer(user["access_token"]))
    with app.app_context():
        db.session.add(
            TokenBlocklist(jti="old", token_type="access", expires_at=datetime(2000, 1, 1))
        )
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["auth", "purge-tokens"])
    assert "Purged 1 " in result.output
    with app.app_context():
        assert [t.jti for t in db.session.query(TokenBlocklist)] != ["old"]
        assert db.session.query(TokenBlocklist).count() == 1
        db.session.remove()
    assert client.get("/api/profile", headers=_bearer(user["access_token"])).status_code == 401


def test_revocation_through_one_app_is_refused_at_once_by_another(app, client, user):
    # A second app on the same database stands in for another gunicorn worker or host.
    from app import create_app

    other = create_app(dict(app.config)).test_client()
    token = _bearer(user["access_token"])
    assert other.get("/api/profile", headers=token).status_code == 200
    assert client.post("/api/logout", headers=token).status_code == 200
    refused = other.get("/api/profile", headers=token)
    assert refused.status_code == 401
    assert "revoked" in refused.get_json()["message"]


def test_token_naming_no_user_is_refused_whether_revoked_or_not(app, client, user):
    with app.app_context():
        ghost = create_access_token(identity="987654")
        bad_sub = create_access_token(identity="not-a-number")
    for token in (ghost, bad_sub):
        response = client.get("/api/profile", headers=_bearer(token))
        assert response.status_code == 401
        assert response.get_json()["success"] is False
    assert client.post("/api/logout", headers=_bearer(user["access_token"])).status_code == 200
    # The user exists, its token is revoked: the revocation answers, not the lookup.
    revoked = client.get("/api/profile", headers=_bearer(user["access_token"]))
    assert "revoked" in revoked.get_json()["message"]
