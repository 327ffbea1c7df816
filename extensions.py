"""Flask extensions, created unbound and initialised by the app factory."""

from __future__ import annotations

from flask import request
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate

jwt = JWTManager()
migrate = Migrate()
cors = CORS()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def account_key() -> str:
    """Key a rate limit on the account name a login or registration names."""
    try:
        body = request.get_json(silent=True) if request.is_json else None
    except RecursionError:
        body = None
    name = ""
    if isinstance(body, dict):
        name = next(
            (v for k in ("username", "email") if isinstance(v := body.get(k), str) and v), ""
        )
    return "account:" + name.strip().lower()[:254]
