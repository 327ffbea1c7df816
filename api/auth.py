"""Accounts: register, login, refresh, logout; and the JWT callbacks that guard every route."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Flask, current_app
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    decode_token,
    get_jwt,
    get_jwt_identity,
)
from jwt import PyJWTError
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from api.contract import operation
from api.errors import APIError, error_response
from api.limits import configured
from api.schemas import AccessTokenOut, AuthOut, LoginIn, LogoutIn, MessageOut, RegisterIn
from api.tokens import Caller, jwt_required, token_state
from config import ConfigError
from extensions import account_key, jwt, limiter
from models import TokenBlocklist, User, db
from services.errors import Conflict

auth_bp = Blueprint("auth", __name__, url_prefix="/api")

BAD_LOGIN = "Invalid username or password."


def _failed(response) -> bool:
    # Only failed attempts count against an account: its owner is never locked out by
    # their own successful logins, while guessing a password is slowed down.
    return response.status_code == 401


def _tokens(user: User) -> dict[str, str]:
    identity = str(user.id)
    return {
        "access_token": create_access_token(identity=identity),
        "refresh_token": create_refresh_token(identity=identity),
    }


def _dummy_hash() -> str:
    # Hash once per process so unknown users cost the same time as wrong passwords.
    cached = current_app.extensions.get("dummy_password_hash")
    if cached is None:
        cached = generate_password_hash("not-a-real-password")
        current_app.extensions["dummy_password_hash"] = cached
    return cached


@auth_bp.post("/register")
@limiter.limit(configured("RATELIMIT_REGISTER"))
@operation(
    "Create an account",
    tag="auth",
    body=RegisterIn,
    response=AuthOut,
    status=201,
    auth=None,
    errors=(409,),
)
def register(body: RegisterIn):
    """Create an account and return the user with fresh tokens."""
    taken = db.session.execute(
        select(User.username, User.email).where(
            or_(
                func.lower(User.username) == body.username.lower(),
                User.email == body.email,
            )
        )
    ).first()
    if taken is not None:
        field = "username" if taken.username.lower() == body.username.lower() else "email"
        raise Conflict(f"That {field} is already registered.", {field: "is already taken"})
    user = User(
        username=body.username,
        email=body.email,
        password_hash=generate_password_hash(body.password),
        full_name=body.full_name,
        skills=[],
        manual_skills=[],
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        # Lost a race with a concurrent registration of the same name.
        db.session.rollback()
        raise Conflict("That username or email is already registered.") from None
    return {"user": user, **_tokens(user)}, 201


@auth_bp.post("/login")
@limiter.limit(configured("RATELIMIT_LOGIN_ADDRESS"))
@limiter.limit(configured("RATELIMIT_LOGIN"), key_func=account_key, deduct_when=_failed)
@operation(
    "Log in with username or email",
    tag="auth",
    body=LoginIn,
    response=AuthOut,
    auth=None,
    errors=(401,),
)
def login(body: LoginIn):
    """Check credentials and return access and refresh tokens."""
    identifier = body.identifier()
    if identifier is None:
        raise APIError(422, "Give a username or email.", {"username": "is required"})
    user = db.session.execute(
        select(User).where(
            or_(func.lower(User.username) == identifier.lower(), User.email == identifier.lower())
        )
    ).scalar_one_or_none()
    # Always verify a hash so both failure paths take the same time.
    ok = check_password_hash(user.password_hash if user else _dummy_hash(), body.password)
    if user is None or not ok:
        raise APIError(401, BAD_LOGIN)
    return {"user": user, **_tokens(user)}


@auth_bp.post("/refresh")
@jwt_required(refresh=True)
@operation(
    "Exchange a refresh token for a new access token",
    tag="auth",
    response=AccessTokenOut,
    auth="refresh",
)
def refresh():
    """Issue a new access token for a valid refresh token."""
    return {"access_token": create_access_token(identity=get_jwt_identity())}


def _revoke(claims: dict) -> None:
    if db.session.execute(
        select(TokenBlocklist.id).where(TokenBlocklist.jti == claims["jti"])
    ).first():
        return
    db.session.add(
        TokenBlocklist(
            jti=claims["jti"],
            token_type=claims["type"],
            user_id=int(claims["sub"]),
            expires_at=datetime.fromtimestamp(claims["exp"], UTC).replace(tzinfo=None),
        )
    )


@auth_bp.post("/logout")
@jwt_required()
@operation(
    "Revoke the access token presented and, if given, a refresh token",
    tag="auth",
    body=LogoutIn,
    body_optional=True,
    response=MessageOut,
)
def logout(body: LogoutIn):
    """Revoke the presented access token and the refresh token in the body."""
    access = get_jwt()
    refresh_claims = None
    if body.refresh_token:
        try:
            refresh_claims = decode_token(body.refresh_token)
        except PyJWTError:
            refresh_claims = None
        if (
            refresh_claims is None
            or refresh_claims.get("type") != "refresh"
            or refresh_claims.get("sub") != access["sub"]
        ):
            raise APIError(
                422,
                "The refresh token is not a valid refresh token of this account.",
                {"refresh_token": "is invalid, expired or belongs to another account"},
            )
    _revoke(access)
    if refresh_claims is not None:
        _revoke(refresh_claims)
    try:
        db.session.commit()
    except IntegrityError:
        # A concurrent logout revoked the same token first: the outcome is the same.
        db.session.rollback()
    return {"message": "Logged out successfully"}


def register_jwt_callbacks(app: Flask) -> None:
    """Check revocation in the database and answer every JWT failure in the error shape."""

    if list(app.config["JWT_TOKEN_LOCATION"]) != ["headers"]:
        # api/tokens.py reads the Authorization header only.
        raise ConfigError("JWT_TOKEN_LOCATION must be ['headers']")

    # Routes use api.tokens.jwt_required; these keep flask-jwt-extended's own decorator,
    # if anything uses it, on the same database check.
    @jwt.token_in_blocklist_loader
    def _revoked(_header: dict, payload: dict) -> bool:
        return token_state(payload)[1]

    @jwt.user_lookup_loader
    def _lookup(_header: dict, payload: dict) -> Caller | None:
        return token_state(payload)[0]

    @jwt.user_lookup_error_loader
    def _user_gone(_header: dict, _payload: dict):
        return error_response(401, "The account for this token no longer exists.")

    @jwt.unauthorized_loader
    def _missing(reason: str):
        return error_response(401, "Authentication required: send 'Authorization: Bearer <token>'.")

    @jwt.invalid_token_loader
    def _invalid(reason: str):
        return error_response(401, "The token is invalid.")

    @jwt.expired_token_loader
    def _expired(_header: dict, _payload: dict):
        return error_response(401, "The token has expired; log in or refresh it.")

    @jwt.revoked_token_loader
    def _revoked_response(_header: dict, _payload: dict):
        return error_response(401, "The token has been revoked; log in again.")

    @jwt.needs_fresh_token_loader
    def _needs_fresh(_header: dict, _payload: dict):
        return error_response(401, "A fresh login is required for this action.")
