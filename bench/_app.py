"""A throwaway instance of the real app for in-process benchmarks and evaluations."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def throwaway_app(workdir: Path):
    """Build the app on a migrated SQLite database and folders inside workdir, limits off."""
    from flask_migrate import upgrade

    from app import create_app
    from config import TestConfig
    from extensions import limiter

    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{workdir / 'app.db'}"
    config.SQLALCHEMY_ENGINE_OPTIONS = {"connect_args": {"timeout": 30}}
    config.UPLOAD_FOLDER = str(workdir / "uploads")
    config.DATA_DIR = str(workdir / "data")
    config.INSTANCE_DIR = str(workdir)
    app = create_app(config)
    limiter.enabled = False
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    return app
