"""Configuration, secrets, database settings and migrations."""

from __future__ import annotations

import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from config import Config, ConfigError, ProductionConfig, load_config
from models import db


def test_production_refuses_missing_or_short_secrets(monkeypatch):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("JWT_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config()
    monkeypatch.setenv("SECRET_KEY", "s" * 40)
    monkeypatch.setenv("JWT_SECRET_KEY", "too-short")
    with pytest.raises(ConfigError, match="JWT_SECRET_KEY"):
        load_config()
    monkeypatch.setenv("JWT_SECRET_KEY", "j" * 32)
    config = load_config()
    assert isinstance(config, ProductionConfig)
    assert config.JWT_SECRET_KEY == "j" * 32


def test_development_secrets_are_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("APP_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("JWT_SECRET_KEY", raising=False)
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path))
    first, second = Config(), Config()
    assert len(first.JWT_SECRET_KEY) >= 32
    assert first.JWT_SECRET_KEY == second.JWT_SECRET_KEY
    assert first.SECRET_KEY != first.JWT_SECRET_KEY
    assert (tmp_path / "dev-secrets.json").stat().st_mode & 0o077 == 0


def test_environment_configures_the_service(monkeypatch, tmp_path):
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db:5432/app")
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example/")
    monkeypatch.setenv("RATELIMIT_ENABLED", "0")
    monkeypatch.setenv("MAX_CONTENT_LENGTH", "1234")
    config = Config()
    assert config.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://u:p@db:5432/app"
    assert config.CORS_ORIGINS == ["https://a.example", "https://b.example"]
    assert config.RATELIMIT_ENABLED is False
    assert config.MAX_CONTENT_LENGTH == 1234
    monkeypatch.setenv("MAX_CONTENT_LENGTH", "ten")
    with pytest.raises(ConfigError, match="MAX_CONTENT_LENGTH"):
        Config()


def test_sqlite_runs_in_wal_mode_with_busy_timeout(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite only")
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as conn, warnings.catch_warnings():
        # Expression indexes cannot be reflected on every backend; alembic warns and skips them.
        warnings.simplefilter("ignore")
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_username_index_ignores_case_at_the_database_level(app):
    from sqlalchemy.exc import IntegrityError

    from models import User

    with app.app_context():
        db.session.add(
            User(username="Case", email="a@x.com", password_hash="x", skills=[], manual_skills=[])
        )
        db.session.commit()
        db.session.add(
            User(username="CASE", email="b@x.com", password_hash="x", skills=[], manual_skills=[])
        )
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
