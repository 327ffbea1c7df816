"""Shared fixtures: one app per session on a migrated database, clean tables per test."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from config import TestConfig
from extensions import limiter
from models import db

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT.parent / "shared" / "eval" / "dev"
PASSWORD = "correct-horse-battery"


def _reset_postgres_schema(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def _onnx_export():
    """Build the ONNX model the default backend runs, once (idempotent; make test built it)."""
    from rag import export_onnx, onnx_backend

    export_onnx.export(onnx_backend.default_dir())


@pytest.fixture(scope="session")
def torch_embedder():
    """The PyTorch reference embedder, loaded once and kept for fallbacks to reuse."""
    from rag import embeddings

    embeddings.configure(None, "torch")
    try:
        return embeddings.get_model()
    finally:
        embeddings.configure(None)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """Build the app once, on a database created by the real migrations."""
    base = tmp_path_factory.mktemp("app")
    config = TestConfig()
    if not os.environ.get("TEST_DATABASE_URL"):
        config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{base / 'test.db'}"
        config.SQLALCHEMY_ENGINE_OPTIONS = {"connect_args": {"timeout": 30}}
    else:
        _reset_postgres_schema(config.SQLALCHEMY_DATABASE_URI)
    config.UPLOAD_FOLDER = str(base / "uploads")
    config.DATA_DIR = str(base / "data")
    config.INSTANCE_DIR = str(base / "instance")
    application = create_app(config)
    limiter.enabled = False
    with application.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    return application


@pytest.fixture(autouse=True)
def _clean(app):
    """Empty every table, the upload and index folders, and the rate-limit counters."""
    yield
    for key in ("UPLOAD_FOLDER", "DATA_DIR"):
        shutil.rmtree(app.config[key], ignore_errors=True)
        Path(app.config[key]).mkdir(parents=True)
    with app.app_context():
        db.session.remove()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        limiter.reset()
    limiter.enabled = False


@pytest.fixture
def client(app):
    return app.test_client()


_counter = itertools.count(1)


@pytest.fixture
def register(client):
    """Return a function that registers a fresh user and returns the response JSON."""

    def _register(**overrides) -> dict:
        n = next(_counter)
        body = {"username": f"user{n}", "email": f"user{n}@example.com", "password": PASSWORD}
        body.update(overrides)
        response = client.post("/api/register", json=body)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return _register


@pytest.fixture
def user(register) -> dict:
    """A registered user with tokens."""
    return register(full_name="John Doe")


@pytest.fixture
def auth(user) -> dict[str, str]:
    """Authorization headers for the registered user."""
    return {"Authorization": f"Bearer {user['access_token']}"}


def dev_file(name: str) -> Path:
    """Return a dev-set file, skipping the test when ../shared is not beside the checkout."""
    path = DEV_SET / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def pytest_terminal_summary(terminalreporter):
    """Print how many schemathesis cases each generation mode sent, when that test ran."""
    import sys

    module = sys.modules.get("tests.test_schemathesis")
    if module is None or not module.CASES:
        return
    counts = ", ".join(f"{mode} {n}" for mode, n in sorted(module.CASES.items()))
    terminalreporter.write_line(
        f"schemathesis: {sum(module.CASES.values())} cases over "
        f"{len(module.OPERATIONS)} operations ({counts})"
    )
