"""Rate limits named by a configuration key, read when a request comes in (so tests and
operators can change them without rebuilding the app)."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app

from api.tokens import caller_key
from extensions import limiter


def configured(name: str) -> Callable[[], str]:
    """Return a limit provider that reads the limit string from config[name]."""
    return lambda: current_app.config[name]


def per_account(name: str) -> Callable:
    """Limit a route per signed-in account (per address without a valid token) by config[name]."""
    return limiter.limit(configured(name), key_func=caller_key)
