"""Application factory: configuration, extensions, blueprints, error handlers, CLI."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask
from flask.sessions import SessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from api.auth import auth_bp, register_jwt_callbacks
from api.errors import register_error_handlers
from api.health import health_bp
from api.interview import interview_bp
from api.openapi import docs_bp
from api.profile import profile_bp
from api.report import report_bp
from api.resume import resume_bp
from api.sessions import sessions_bp
from cli import register_cli
from config import Config, ensure_folders, load_config
from database import configure_sqlite, end_sessions_quietly
from extensions import cors, jwt, limiter, migrate
from models import db
from rag import embeddings
from rag.store import IndexStore
from services.ingest import Settings
from services.staging import recover_staged_files
from spa import register_spa


class NoCookieSession(SessionInterface):
    """No cookie session: the API authenticates with bearer tokens and never uses flask.session."""

    # Flask's default opened a signed-cookie session on every request (5% of GET /api/profile).
    def open_session(self, app, request):
        """Return the null session, which refuses writes."""
        return self.make_null_session(app)

    def save_session(self, app, session, response) -> None:
        """Write nothing."""


def create_app(config: Config | Mapping | None = None) -> Flask:
    """Build the Flask application; nothing heavy happens at import or here."""
    app = Flask(__name__)
    base = config if isinstance(config, Config) else load_config()
    app.config.from_mapping(base.as_dict())
    if isinstance(config, Mapping):
        app.config.from_mapping(config)
    ensure_folders(app.config)
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    # Keep fields in the documented order.
    app.json.sort_keys = False
    app.session_interface = NoCookieSession()

    db.init_app(app)
    end_sessions_quietly(app)
    configure_sqlite(app)
    migrate.init_app(app, db, directory=app.config.get("MIGRATIONS_DIR", "migrations"))
    jwt.init_app(app)
    limiter.init_app(app)
    _route_limits_only(app)
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
        allow_headers=["Authorization", "Content-Type"],
        expose_headers=["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"],
        max_age=600,
    )
    embeddings.configure(app.config["EMBEDDING_MODEL"], app.config.get("EMBEDDING_BACKEND"))
    # One store per app, shared by the views and the CLI (its locks guard each user's files).
    app.extensions["index_store"] = IndexStore(app.config["DATA_DIR"])

    register_jwt_callbacks(app)
    register_error_handlers(app)

    app.register_blueprint(auth_bp)
    app.register_blueprint(profile_bp)
    app.register_blueprint(resume_bp)
    app.register_blueprint(interview_bp)
    app.register_blueprint(sessions_bp)
    app.register_blueprint(report_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(docs_bp)
    register_spa(app)

    register_cli(app)
    return app


def _route_limits_only(app: Flask) -> None:
    # The limiter checks default, application-wide and meta limits before every request. This
    # service sets none: its limits are per route, checked by their own decorators. The empty
    # check took 12% of GET /api/profile (bench/run_all.py), so it is not installed.
    manager = limiter.limit_manager
    if manager.default_limits or manager.application_limits or app.config.get("RATELIMIT_META"):
        raise ValueError("only per-route rate limits are supported; declare them on the routes")
    hooks = app.before_request_funcs.get(None, [])
    hooks[:] = [h for h in hooks if h != limiter._check_request_limit]


def recover_files(app: Flask) -> None:
    """Finish file moves a killed worker left behind; gunicorn runs it as each worker starts."""
    with app.app_context():
        recover_staged_files(
            app.extensions["index_store"], Settings.from_config(app.config).upload_folder
        )
        db.session.remove()
