"""The token check (api/tokens.py): verified once, then re-checked for time and revocation."""

from __future__ import annotations

import base64
import json
import time
from datetime import timedelta

import pytest
from flask_jwt_extended import create_access_token, create_refresh_token
from flask_jwt_extended.exceptions import FreshTokenRequired

from api import tokens


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_token_already_verified_is_refused_at_once_when_revoked(client, user):
    token = _bearer(user["access_token"])
    for _ in range(2):  # the second request is served from the verified-token memo
        assert client.get("/api/profile", headers=token).status_code == 200
    assert client.post("/api/logout", headers=token).status_code == 200
    refused = client.get("/api/profile", headers=token)
    assert refused.status_code == 401
    assert "revoked" in refused.get_json()["message"]


def test_token_already_verified_is_refused_once_expired(app, client, user):
    with app.app_context():
        token = create_access_token(
            identity=str(user["user"]["id"]), expires_delta=timedelta(seconds=3)
        )
    assert client.get("/api/profile", headers=_bearer(token)).status_code == 200
    time.sleep(3.5)
    refused = client.get("/api/profile", headers=_bearer(token))
    assert refused.status_code == 401
    assert "expired" in refused.get_json()["message"]


def test_token_already_verified_keeps_its_type(client, user):
    refresh = _bearer(user["refresh_token"])
    assert client.post("/api/refresh", headers=refresh).status_code == 200
    assert client.get("/api/profile", headers=refresh).status_code == 401
    access = _bearer(user["access_token"])
    assert client.get("/api/profile", headers=access).status_code == 200
    assert client.post("/api/refresh", headers=access).status_code == 401


def test_forged_signature_of_a_verified_token_is_refused(client, user):
    header, payload, signature = user["access_token"].split(".")
    assert client.get("/api/profile", headers=_bearer(user["access_token"])).status_code == 200
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["exp"] += 3600
    for token in (f"{header}.{payload}.{flipped}", f"{header}.{_b64(claims)}.{signature}"):
        response = client.get("/api/profile", headers=_bearer(token))
        assert response.status_code == 401, token
        assert "invalid" in response.get_json()["message"]


def test_token_of_account_deleted_after_verification_is_refused(app, client, user):
    from models import User, db

    token = _bearer(user["access_token"])
    assert client.get("/api/profile", headers=token).status_code == 200
    with app.app_context():
        db.session.delete(db.session.get(User, user["user"]["id"]))
        db.session.commit()
    assert client.get("/api/profile", headers=token).status_code == 401


def test_token_signed_with_another_key_is_refused_after_the_real_one_was_seen(app, client, user):
    from app import create_app

    other = create_app({**app.config, "JWT_SECRET_KEY": "another-secret-" + "z" * 40})
    with other.app_context():
        foreign = create_access_token(identity=str(user["user"]["id"]))
    assert client.get("/api/profile", headers=_bearer(user["access_token"])).status_code == 200
    assert client.get("/api/profile", headers=_bearer(foreign)).status_code == 401


def test_fresh_is_required_only_when_asked(app, user):
    with app.app_context():
        stale = create_access_token(identity=str(user["user"]["id"]))
        fresh = create_access_token(identity=str(user["user"]["id"]), fresh=True)
        refresh = create_refresh_token(identity=str(user["user"]["id"]))
    with app.test_request_context(headers=_bearer(stale)):
        assert tokens.verify_token().id == user["user"]["id"]
        with pytest.raises(FreshTokenRequired):
            tokens.verify_token(fresh=True)
    with app.test_request_context(headers=_bearer(fresh)):
        assert tokens.verify_token(fresh=True).username == user["user"]["username"]
    with app.test_request_context(headers=_bearer(refresh)):
        assert tokens.verify_token(refresh=True).id == user["user"]["id"]


def test_caller_holds_what_the_profile_shows(client, user):
    from dataclasses import fields

    from api.schemas import UserOut

    # GET /api/profile serialises the Caller the token check read: same fields, same order.
    assert [f.name for f in fields(tokens.Caller)] == list(UserOut.model_fields)
    response = client.get("/api/profile", headers=_bearer(user["access_token"]))
    assert response.mimetype == "application/json"


def test_prepared_select_reads_like_core_and_raises_sqlalchemy_errors(app, user):
    from sqlalchemy import column, literal_column, select, table
    from sqlalchemy.exc import DBAPIError

    from database import PreparedSelect
    from models import User, db

    with app.app_context():
        uid = user["user"]["id"]
        stmt = select(User.skills, User.created_at).where(User.id == uid)
        assert PreparedSelect(stmt).first(db.engine, {}) == tuple(db.session.execute(stmt).one())
        missing = PreparedSelect(select(column("x")).select_from(table("no_such_table")))
        with pytest.raises(DBAPIError):
            missing.first(db.engine, {})
        assert (
            PreparedSelect(select(literal_column("1")).where(User.id == -5)).first(db.engine, {})
            is None
        )
        # all() returns every row, processed as Core does, and an empty list for none.
        every = select(User.id, User.skills).order_by(User.id)
        assert PreparedSelect(every).all(db.engine, {}) == [
            tuple(row) for row in db.session.execute(every)
        ]
        assert PreparedSelect(select(User.id).where(User.id == -5)).all(db.engine, {}) == []


def test_only_route_limits_are_checked(app, client, register):
    from extensions import limiter

    # The limiter's before-request check (default and application limits) is not installed...
    assert limiter._check_request_limit not in app.before_request_funcs.get(None, [])
    # ...and the route limits still hold.
    register(username="limited")
    limiter.enabled = True
    statuses = {
        client.post(
            "/api/login", json={"username": "limited", "password": "wrong-password"}
        ).status_code
        for _ in range(12)
    }
    assert 429 in statuses
