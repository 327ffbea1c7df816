"""Liveness and readiness: database reachability and the embedding model's state."""

from __future__ import annotations

from flask import Blueprint
from sqlalchemy import text

from api.contract import operation
from api.schemas import HealthOut
from models import db
from rag import embeddings

health_bp = Blueprint("health", __name__, url_prefix="/api")


@health_bp.get("/health")
@operation(
    "Liveness, database and model readiness",
    tag="health",
    response=HealthOut,
    responses={503: HealthOut},
    auth=None,
)
def health():
    """Report whether the service, its database and its model are ready."""
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:
        db.session.rollback()
        database = "unreachable"
    ok = database == "ok" and embeddings.model_state() != "error"
    body = {
        "status": "ok" if ok else "degraded",
        "database": database,
        "model": embeddings.model_state(),
    }
    return body, 200 if ok else 503
