"""Configuration read from the environment; `.env.example` documents every variable."""

from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"
MIN_SECRET_BYTES = 32

# Limits: the defaults live here once; services pass the configured values down to resume/.
DEFAULT_MAX_RESUME_PAGES = 20
DEFAULT_MAX_RESUME_CHARS = 100_000
DEFAULT_EXTRACT_TIMEOUT = 15
DEFAULT_EXTRACT_MEMORY_MB = 768
DEFAULT_JD_MAX_CHARS = 20000
# How the model runs: ONNX Runtime with int8 weights outside the feed-forward down-projections
# (the default: 0.68x fp32's time, `make eval` within 0.01 of fp32, README "Embedding in int8"),
# ONNX Runtime in fp32 (within 2e-7 of torch), or the PyTorch reference.
EMBEDDING_BACKENDS = ("onnx", "onnx-int8", "torch")
DEFAULT_EMBEDDING_BACKEND = "onnx-int8"


class ConfigError(RuntimeError):
    """Raised when the environment cannot make a safe configuration."""


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _flag(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = _env(name)
    try:
        return int(value) if value is not None else default
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {value!r}") from exc


def _origins(value: str | None) -> list[str]:
    return [o.strip().rstrip("/") for o in (value or "").split(",") if o.strip()]


def _dev_secrets(instance_dir: Path) -> dict[str, str]:
    """Return development secrets, generated once and kept so tokens survive restarts."""
    path = instance_dir / "dev-secrets.json"
    try:
        stored = json.loads(path.read_text())
        if stored.get("SECRET_KEY") and stored.get("JWT_SECRET_KEY"):
            return stored
    except (OSError, ValueError):
        pass
    instance_dir.mkdir(parents=True, exist_ok=True)
    fresh = {"SECRET_KEY": secrets.token_hex(32), "JWT_SECRET_KEY": secrets.token_hex(32)}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(fresh, fh)
    try:
        # Another worker may have won the race: keep the first file written.
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return json.loads(path.read_text())


class Config:
    """Development defaults: SQLite in instance/, generated secrets, limits on."""

    APP_ENV = "development"
    TESTING = False

    def __init__(self) -> None:
        instance_dir = Path(_env("INSTANCE_DIR", str(INSTANCE_DIR)))
        self.INSTANCE_DIR = str(instance_dir)
        self.PORT = _int("PORT", 5000)
        self.SQLALCHEMY_DATABASE_URI = _normalise_db_url(
            _env("DATABASE_URL", f"sqlite:///{instance_dir / 'app.db'}")
        )
        self.UPLOAD_FOLDER = _env("UPLOAD_FOLDER", str(BASE_DIR / "uploads"))
        self.DATA_DIR = _env("DATA_DIR", str(instance_dir / "data"))
        self.CORS_ORIGINS = _origins(
            _env("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173")
        )
        self.RATELIMIT_ENABLED = _flag("RATELIMIT_ENABLED", True)
        # Reverse proxies in front of the service (deploy/nginx.conf: 1). Their X-Forwarded-For
        # is trusted that many hops deep, so per-address limits see the client, not the proxy.
        self.TRUSTED_PROXIES = _int("TRUSTED_PROXIES", 0)
        self.RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", "memory://")
        # Redis down: each worker counts in its own memory (the same limits, per worker instead
        # of shared) and goes back to Redis once it answers; never a failed request.
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_SWALLOW_ERRORS = True
        # An unreachable Redis host must cost a request a second at most, not a TCP timeout.
        self.RATELIMIT_STORAGE_OPTIONS = (
            {"socket_connect_timeout": 1, "socket_timeout": 1}
            if self.RATELIMIT_STORAGE_URI.startswith("redis")
            else {}
        )
        self.RATELIMIT_HEADERS_ENABLED = True
        # Failed logins per account name, and all logins per client address.
        self.RATELIMIT_LOGIN = _env("RATELIMIT_LOGIN", "10 per minute")
        self.RATELIMIT_LOGIN_ADDRESS = _env("RATELIMIT_LOGIN_ADDRESS", "60 per minute")
        self.RATELIMIT_REGISTER = _env("RATELIMIT_REGISTER", "120 per minute;1000 per day")
        # The CPU-heavy routes per account: an upload extracts and embeds a whole resume, a fit
        # embeds a job description. One account must not be able to occupy every worker.
        self.RATELIMIT_UPLOAD = _env("RATELIMIT_UPLOAD", "10 per minute;200 per day")
        self.RATELIMIT_FIT = _env("RATELIMIT_FIT", "60 per minute")
        # Each answer and custom question is embedded, a search embeds its question, a report
        # renders a PDF, and practice writes rows: bounded per account like the above.
        self.RATELIMIT_PRACTICE = _env("RATELIMIT_PRACTICE", "120 per minute")
        self.RATELIMIT_SEARCH = _env("RATELIMIT_SEARCH", "120 per minute")
        self.RATELIMIT_REPORT = _env("RATELIMIT_REPORT", "10 per minute")
        self.MAX_CONTENT_LENGTH = _int("MAX_CONTENT_LENGTH", 10 * 1024 * 1024)
        self.MAX_FORM_MEMORY_SIZE = self.MAX_CONTENT_LENGTH
        self.MAX_RESUME_PAGES = _int("MAX_RESUME_PAGES", DEFAULT_MAX_RESUME_PAGES)
        self.MAX_RESUME_CHARS = _int("MAX_RESUME_CHARS", DEFAULT_MAX_RESUME_CHARS)
        self.EXTRACT_TIMEOUT = _int("EXTRACT_TIMEOUT", DEFAULT_EXTRACT_TIMEOUT)
        self.EXTRACT_MEMORY_MB = _int("EXTRACT_MEMORY_MB", DEFAULT_EXTRACT_MEMORY_MB)
        self.JOB_DESCRIPTION_MAX_CHARS = _int("JOB_DESCRIPTION_MAX_CHARS", DEFAULT_JD_MAX_CHARS)
        self.EMBEDDING_MODEL = _env("EMBEDDING_MODEL", "")
        self.EMBEDDING_BACKEND = (
            (_env("EMBEDDING_BACKEND", DEFAULT_EMBEDDING_BACKEND) or "").strip().lower()
        )
        if self.EMBEDDING_BACKEND not in EMBEDDING_BACKENDS:
            raise ConfigError(
                f"EMBEDDING_BACKEND must be one of {', '.join(EMBEDDING_BACKENDS)}, "
                f"got {self.EMBEDDING_BACKEND!r}"
            )
        self.JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=_int("JWT_ACCESS_MINUTES", 15))
        self.JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=_int("JWT_REFRESH_DAYS", 30))
        self.JWT_TOKEN_LOCATION = ["headers"]
        self.JWT_ALGORITHM = "HS256"
        self.JWT_DECODE_ALGORITHMS = ["HS256"]
        self.JSON_SORT_KEYS = False
        self.SQLALCHEMY_ENGINE_OPTIONS = _engine_options(self.SQLALCHEMY_DATABASE_URI)
        self.SECRET_KEY, self.JWT_SECRET_KEY = self._secrets(instance_dir)

    def _secrets(self, instance_dir: Path) -> tuple[str, str]:
        secret, jwt_secret = _env("SECRET_KEY"), _env("JWT_SECRET_KEY")
        if secret and jwt_secret:
            return secret, jwt_secret
        generated = _dev_secrets(instance_dir)
        return secret or generated["SECRET_KEY"], jwt_secret or generated["JWT_SECRET_KEY"]

    def as_dict(self) -> dict:
        """Return every upper-case setting, for app.config.from_mapping."""
        names = {n for n in dir(self) if n.isupper()}
        return {n: getattr(self, n) for n in names}


class ProductionConfig(Config):
    """Production: secrets must come from the environment and be long enough."""

    APP_ENV = "production"

    def _secrets(self, instance_dir: Path) -> tuple[str, str]:
        values = []
        for name in ("SECRET_KEY", "JWT_SECRET_KEY"):
            value = _env(name)
            if not value or len(value.encode()) < MIN_SECRET_BYTES:
                raise ConfigError(
                    f"{name} must be at least {MIN_SECRET_BYTES} bytes when APP_ENV=production"
                )
            values.append(value)
        return values[0], values[1]


class TestConfig(Config):
    """Tests: fixed secrets, a throwaway database, rate limits switched by the tests."""

    __test__ = False  # not a pytest test class

    TESTING = True

    def __init__(self) -> None:
        super().__init__()
        self.SQLALCHEMY_DATABASE_URI = _normalise_db_url(
            _env("TEST_DATABASE_URL", "sqlite:///:memory:")
        )
        self.SQLALCHEMY_ENGINE_OPTIONS = _engine_options(self.SQLALCHEMY_DATABASE_URI)
        # Hooks are installed only when enabled at start; tests switch `limiter.enabled`.
        self.RATELIMIT_ENABLED = True
        self.RATELIMIT_STORAGE_URI = "memory://"

    def _secrets(self, instance_dir: Path) -> tuple[str, str]:
        return "test-secret-key-" + "x" * 32, "test-jwt-secret-" + "y" * 32


def _normalise_db_url(url: str) -> str:
    # Heroku-style URLs say postgres://; SQLAlchemy wants an explicit driver.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        # Writers wait for each other instead of failing with "database is locked".
        return {"connect_args": {"timeout": 30, "check_same_thread": False}}
    return {"pool_pre_ping": True}


def ensure_folders(config: dict) -> None:
    """Create the instance, upload and data folders the configuration names."""
    for key in ("INSTANCE_DIR", "UPLOAD_FOLDER", "DATA_DIR"):
        Path(config[key]).mkdir(parents=True, exist_ok=True)


def load_config() -> Config:
    """Return the configuration that APP_ENV names."""
    env = (_env("APP_ENV", "development") or "development").lower()
    return ProductionConfig() if env == "production" else Config()
