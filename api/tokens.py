"""The bearer-token check of every protected route: one verified decode, one indexed query.

`jwt_required` here keeps flask-jwt-extended's semantics and its error callbacks (api/auth.py
answers each failure in the error shape) but does the work once. Profiling GET /api/profile
(README, "Throughput and search: where the time went") showed flask-jwt-extended decoding each
token three times (unverified claims for its key callback, the verified token, the header
again) and the ORM building a session, an identity map and a User for the token's user: half
of the request. Here the token is decoded and verified once (PyJWT: signature, algorithm,
exp, nbf, iat, aud, iss with the configured leeway), then its type and freshness are checked,
then one Core statement, compiled once and run on a pooled connection, reads the user's public
columns and the token's row in the blocklist. Revocation is read from the database on every
request, never cached: a token revoked through any worker or host is refused at once.

`current_user` (flask-jwt-extended's proxy, still used by the routes) is a read-only `Caller`;
routes that change the account load it into the session with `account()`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt as pyjwt
from flask import current_app, g, request
from flask_jwt_extended import current_user
from flask_jwt_extended.config import config as jwt_config
from flask_jwt_extended.exceptions import (
    FreshTokenRequired,
    InvalidHeaderError,
    JWTDecodeError,
    NoAuthorizationError,
    RevokedTokenError,
    UserLookupError,
    WrongTokenError,
)
from flask_limiter.util import get_remote_address
from sqlalchemy import bindparam, select

from database import PreparedSelect
from models import TokenBlocklist, User, db


@dataclass(frozen=True, slots=True)
class Caller:
    """The account a valid token names, as read with the token check (public columns only)."""

    # The fields of api.schemas.UserOut, in its order: GET /api/profile serialises a Caller.

    id: int
    username: str
    email: str
    full_name: str | None
    phone: str | None
    experience_years: int
    skills: list[str]
    resume_filename: str | None
    created_at: datetime


_users = User.__table__
# Compiled once per engine; a request only binds the jti and the user id. The blocklist's jti
# is unique and users.id the primary key.
_TOKEN_CALLER = PreparedSelect(
    select(
        *(_users.c[f.name] for f in fields(Caller)),
        TokenBlocklist.__table__.c.id.label("revoked_id"),
    )
    .outerjoin(TokenBlocklist.__table__, TokenBlocklist.__table__.c.jti == bindparam("jti"))
    .where(_users.c.id == bindparam("uid"))
)
_TOKEN_REVOKED = PreparedSelect(
    select(TokenBlocklist.__table__.c.id).where(TokenBlocklist.__table__.c.jti == bindparam("jti"))
)


def token_state(claims: dict) -> tuple[Caller | None, bool]:
    """Return the token's account (None if gone) and whether the token is revoked."""
    jti = claims.get("jti")
    try:
        uid = int(claims["sub"])
    except (KeyError, TypeError, ValueError):
        uid = None
    # A pooled connection of its own, outside the ORM session: no identity map or User is
    # built for a read that only needs a few columns.
    engine = db.engine
    row = None
    if uid is not None and -(2**31) <= uid < 2**31:  # users.id is a 32-bit integer
        row = _TOKEN_CALLER.first(engine, {"jti": jti, "uid": uid})
    if row is None:
        # No such user: the revocation still decides first.
        return None, _TOKEN_REVOKED.first(engine, {"jti": jti}) is not None
    *values, revoked_id = row
    return Caller(*values), revoked_id is not None


def account() -> User:
    """Return the caller's User in the session, for routes that change or render the account."""
    user = db.session.get(User, current_user.id)
    if user is None:
        # Deleted between the token check and now: the same answer as a token naming no one.
        raise UserLookupError("user gone", g._jwt_extended_jwt_header, g._jwt_extended_jwt)
    return user


def _bearer_token() -> str:
    # The rules of flask-jwt-extended's header reader: the header may hold several
    # comma-separated fields, of which exactly one is "<type> <token>".
    name, kind = jwt_config.header_name, jwt_config.header_type
    value = request.headers.get(name, "").strip().strip(",")
    if not value:
        raise NoAuthorizationError(f"Missing {name} Header")
    fields_ = [s for s in (p.strip() for p in value.split(",")) if s and s.split()[0] == kind]
    if len(fields_) != 1:
        raise NoAuthorizationError(f"Missing '{kind}' type in '{name}' header")
    parts = fields_[0].split()
    if len(parts) != 2:
        raise InvalidHeaderError(f"Bad {name} header. Expected '{name}: {kind} <JWT>'")
    return parts[1]


# Verified tokens, per app (its key, algorithms, audience and leeway are fixed at start): a
# client sends the same access token for its whole life, and verifying it again gives the same
# header and claims. Only the claims that time can invalidate are checked again on a hit (exp;
# nbf and iat, once passed, stay passed). Nothing about revocation or the account is kept
# here: both are read from the database every time.
_VERIFIED_MAX = 4096


def _decode(encoded: str) -> tuple[dict, dict]:
    """Verify and decode a token; return its header and claims with the library's defaults."""
    verified = current_app.extensions.setdefault("verified_tokens", {})
    hit = verified.get(encoded)
    if hit is not None:
        exp = hit[1].get("exp")
        if exp is None or exp > time.time() - _leeway_seconds():
            return hit[0], dict(hit[1])
    header, claims = _verify(encoded, jwt_config.decode_key)
    if len(verified) >= _VERIFIED_MAX:
        verified.clear()
    verified[encoded] = (header, dict(claims))
    return header, claims


def _leeway_seconds() -> float:
    leeway = jwt_config.leeway
    return leeway.total_seconds() if isinstance(leeway, timedelta) else float(leeway)


def _verify(encoded: str, key: str) -> tuple[dict, dict]:
    """Verify a token with PyJWT (signature, algorithm, exp, nbf, iat, aud, iss, sub)."""
    kwargs: dict[str, Any] = {
        "key": key,
        "algorithms": jwt_config.decode_algorithms,
        "audience": jwt_config.decode_audience,
        "issuer": jwt_config.decode_issuer,
        "leeway": jwt_config.leeway,
    }
    options = {"verify_aud": jwt_config.decode_audience is not None}
    options["verify_sub"] = jwt_config.verify_sub
    try:
        complete = pyjwt.decode_complete(encoded, options=options, **kwargs)
    except pyjwt.ExpiredSignatureError as exc:
        # The expired-token callback receives the header and claims, as flask-jwt-extended gives.
        late = pyjwt.decode_complete(encoded, options={**options, "verify_exp": False}, **kwargs)
        exc.jwt_header, exc.jwt_data = late["header"], late["payload"]  # type: ignore[attr-defined]
        raise
    claims = complete["payload"]
    if jwt_config.identity_claim_key not in claims:
        raise JWTDecodeError(f"Missing claim: {jwt_config.identity_claim_key}")
    claims.setdefault("type", "access")
    claims.setdefault("fresh", False)
    claims.setdefault("jti", None)
    return complete["header"], claims


def _is_fresh(claims: dict) -> bool:
    fresh = claims["fresh"]
    if isinstance(fresh, bool):
        return fresh
    # A number: fresh until that time (flask-jwt-extended's fresh=timedelta).
    return datetime.now(UTC) <= datetime.fromtimestamp(fresh, UTC)


def verify_token(refresh: bool = False, fresh: bool = False) -> Caller:
    """Check the request's bearer token and record it for get_jwt() and current_user."""
    header, claims = _decode(_bearer_token())
    if refresh != (claims["type"] == "refresh"):
        raise WrongTokenError(
            "Only refresh tokens are allowed" if refresh else "Only non-refresh tokens are allowed"
        )
    if fresh and not _is_fresh(claims):
        raise FreshTokenRequired("Fresh token required", header, claims)
    caller, revoked = token_state(claims)
    if revoked:
        raise RevokedTokenError(header, claims)
    if caller is None:
        raise UserLookupError(f"Error loading the user {claims['sub']}", header, claims)
    # flask-jwt-extended's request state, so its get_jwt(), get_jwt_identity() and
    # current_user read this token as if its own decorator had checked it.
    g._jwt_extended_jwt_user = {"loaded_user": caller}
    g._jwt_extended_jwt_header = header
    g._jwt_extended_jwt = claims
    g._jwt_extended_jwt_location = "headers"
    g.caller = caller
    return caller


def caller_key() -> str:
    """Key a rate limit on the signed-in account, or on the client address without one."""
    try:
        return f"user:{verify_token().id}"
    except Exception:  # noqa: BLE001
        # Any token problem (missing, expired, revoked, forged) is refused by the view's own
        # jwt_required with its proper 401; here it only means "no account to count against".
        return "address:" + get_remote_address()


def caller() -> Caller:
    """Return the account the request's token names (after jwt_required)."""
    return g.caller


def jwt_required(refresh: bool = False, fresh: bool = False) -> Callable:
    """Guard a view with a valid, unrevoked token of an existing account (access by default)."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any):
            if request.method not in jwt_config.exempt_methods:
                verify_token(refresh=refresh, fresh=fresh)
            return current_app.ensure_sync(view)(*args, **kwargs)

        return guarded

    return decorate
