"""Flask extensions, created unbound and initialised by the app factory."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, request
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate

jwt = JWTManager()
migrate = Migrate()
cors = CORS()
limiter = Limiter(key_func=get_remote_address, default_limits=[])

# The views that declare a limit (through `limit` below). No default or application-wide limits
# are configured, so every other view has none: the filter lets the limiter skip them before
# resolving limits, which took 13% of GET /api/profile (bench/throughput.py). Configure a
# default or application limit and this filter must go.
_limited_views: set[Callable] = set()


def limit(*args, **kwargs) -> Callable[[Callable], Callable]:
    """Apply limiter.limit to a view and record the view as rate limited."""
    route_limit = limiter.limit(*args, **kwargs)

    def decorate(view: Callable) -> Callable:
        limited = route_limit(view)
        _limited_views.update((view, limited))
        return limited

    return decorate


@limiter.request_filter
def _has_no_limit() -> bool:
    return current_app.view_functions.get(request.endpoint or "") not in _limited_views


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
