"""Faults: a disk that fills up, PostgreSQL restarted under load, Redis down.

Each fault is made for real on a resource of the test's own: a small tmpfs mounted for the
upload and index folders (needs root), a private PostgreSQL cluster, a private redis-server.
The machine's own servers are never stopped. kill -9 of a worker: tests/test_gunicorn.py.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import requests

from rag.store import IndexStore
from tests import hostile
from tests.servers import (
    assert_error_shape,
    private_cluster,
    private_redis,
    register,
    resume,
    running_server,
    upload,
    workers,
)
from tests.test_resume_api import RESUME_LINES, _state
from tests.test_resume_api import upload as client_upload

# ------------------------------------------------------- the mapping, on its own


def test_infrastructure_failures_map_to_503_and_507_and_nothing_else_does():
    from sqlalchemy.exc import IntegrityError, OperationalError

    from api.errors import status_for
    from services.errors import infrastructure_error

    def status(exc: BaseException) -> int | None:
        found = infrastructure_error(exc)
        return None if found is None else status_for(found)

    assert status(OSError(errno.ENOSPC, "No space left on device")) == 507
    assert status(OSError(errno.EDQUOT, "Disk quota exceeded")) == 507
    assert status(OperationalError("INSERT", {}, Exception("database or disk is full"))) == 507
    assert status(OperationalError("SELECT 1", {}, Exception("connection refused"))) == 503
    assert status(OperationalError("UPDATE", {}, Exception("database is locked"))) == 503
    # Bugs and bad data stay what they are: a 500 (logged) or their own domain error.
    assert status(OSError(errno.EACCES, "Permission denied")) is None
    assert status(IntegrityError("INSERT", {}, Exception("duplicate key"))) is None
    assert status(ValueError("x")) is None


def test_a_failed_rollback_after_the_response_is_not_a_500(client, auth, monkeypatch):
    # The session is closed after the response is made; when PostgreSQL went away meanwhile the
    # closing ROLLBACK fails (AdminShutdown). The restart test below met it about once a run;
    # here the close is made to fail every time.
    from flask_sqlalchemy.session import Session as session_class
    from sqlalchemy.exc import OperationalError

    real_close = session_class.close
    calls = []

    def failing_close(self):
        calls.append(1)
        real_close(self)
        if len(calls) == 1:
            raise OperationalError("ROLLBACK", {}, Exception("terminating connection"))

    monkeypatch.setattr(session_class, "close", failing_close)
    update = {"phone": "+1 555 0100"}
    assert client.post("/api/update_profile", headers=auth, json=update).status_code == 200
    assert calls, "the session was not closed"
    # The next request starts with a clean session, and the update was kept.
    assert client.get("/api/profile", headers=auth).get_json()["user"]["phone"] == "+1 555 0100"


def test_a_database_lost_while_a_response_is_serialised_raises_its_own_error():
    # An ORM object expired by a commit reloads while pydantic reads it; a lost database must
    # surface as itself (503), not as pydantic's validation error (500). The restart test
    # below met this once in a few hundred requests; here it is made to happen every time.
    from pydantic import BaseModel
    from sqlalchemy.exc import OperationalError

    from api.contract import serialise

    class Out(BaseModel):
        name: str

    class Expired:
        @property
        def name(self) -> str:
            raise OperationalError("SELECT users.name", {}, Exception("server closed"))

    class Wrapped(BaseModel):
        user: Out

    with pytest.raises(OperationalError):
        serialise(Out, Expired())
    with pytest.raises(OperationalError):
        serialise(Wrapped, {"user": Expired()})


# ------------------------------------------------------------------ a full disk


@contextlib.contextmanager
def _tmpfs(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _fill(folder: Path) -> Path:
    """Write a file into folder until the file system has no byte left; return it."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        # Unbuffered writes, halving the size at each ENOSPC, until not one byte fits.
        size = 1 << 20
        while size:
            try:
                os.write(fd, b"\0" * size)
            except OSError:
                size //= 2
    finally:
        os.close(fd)
    return filler


@pytest.fixture
def small_disks(app, tmp_path, monkeypatch):
    """Mount a 2 MiB tmpfs as the upload folder and one as the index folder."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    with (
        _tmpfs(tmp_path / "uploads", "2m") as uploads,
        _tmpfs(tmp_path / "data", "2m") as data,
    ):
        monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(uploads))
        monkeypatch.setitem(app.extensions, "index_store", IndexStore(data))
        yield {"uploads": uploads, "data": data}
        monkeypatch.undo()


def _index_bytes(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def _search(client, auth) -> str:
    response = client.get("/api/resume/search", headers=auth, query_string={"q": "university"})
    assert response.status_code == 200, response.get_json()
    return " ".join(hit["text"] for hit in response.get_json()["results"])


@pytest.mark.parametrize("full", ["uploads", "data"])
def test_a_disk_that_fills_up_gives_507_and_keeps_the_previous_state(
    app, client, auth, user, small_disks, full
):
    uid = user["user"]["id"]
    first = client_upload(client, auth, hostile.text_pdf(RESUME_LINES), "first.pdf")
    assert first.status_code == 200, first.get_json()
    before = _state(app, uid)
    index_before = _index_bytes(small_disks["data"])
    filler = _fill(small_disks[full])

    response = client_upload(
        client, auth, hostile.text_pdf(["Other Person", "EDUCATION", "Oxford"]), "second.pdf"
    )
    assert response.status_code == 507, response.get_json()
    body = response.get_json()
    assert body["success"] is False and "storage" in body["message"]

    filler.unlink()
    # Everything as before: profile, analysis, chunks, file, nothing staged, same index bytes.
    assert _state(app, uid) == before
    assert _index_bytes(small_disks["data"]) == index_before
    assert "Toronto" in _search(client, auth)
    # With room again the same upload goes through.
    again = client_upload(
        client, auth, hostile.text_pdf(["Other Person", "EDUCATION", "Oxford"]), "second.pdf"
    )
    assert again.status_code == 200, again.get_json()
    assert "Oxford" in _search(client, auth)


# ---------------------------------------------------- PostgreSQL restarted under load


class Load:
    """Threads sending reads and writes in a loop, recording every answer."""

    def __init__(self, url: str, headers: dict, threads: int = 3) -> None:
        """Prepare the threads; start() runs them."""
        self.url, self.headers = url, headers
        self.stop_event = threading.Event()
        self.answers: list[tuple[int, str, dict | None]] = []
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(threads)]

    def _one(self, n: int, i: int) -> requests.Response:
        if (n + i) % 3 == 0:
            return requests.post(
                f"{self.url}/api/update_profile",
                headers=self.headers,
                json={"experience_years": i % 50},
                timeout=30,
            )
        if (n + i) % 3 == 1:
            return requests.get(
                f"{self.url}/api/resume/search",
                headers=self.headers,
                params={"q": "university"},
                timeout=30,
            )
        return requests.get(f"{self.url}/api/profile", headers=self.headers, timeout=30)

    def _run(self, n: int) -> None:
        i = 0
        while not self.stop_event.is_set():
            i += 1
            try:
                response = self._one(n, i)
            except requests.RequestException as exc:
                self.answers.append((0, type(exc).__name__, None))
                continue
            try:
                body = response.json()
            except ValueError:
                body = None
            self.answers.append((response.status_code, response.headers["Content-Type"], body))
            time.sleep(0.05)

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(60)


def _unhandled(log: Path) -> str:
    """Return the tracebacks the server logged as unhandled errors, to explain a 500."""
    text = log.read_text(errors="replace")
    return "\n".join(part[:3000] for part in text.split("unhandled error")[1:3])


@pytest.mark.slow
def test_postgres_restarted_under_load_gives_503_then_recovers_without_a_restart(tmp_path):
    with (
        private_cluster() as cluster,
        running_server(
            tmp_path, DATABASE_URL=cluster.url, WEB_CONCURRENCY="1", GUNICORN_THREADS="4"
        ) as (url, proc),
    ):
        headers = register(url, "steady")
        assert upload(url, headers, resume("Kilo", "Rust"), "kilo.pdf").status_code == 200
        pids = workers(proc.pid)
        with Load(url, headers) as load:
            time.sleep(1.5)
            cluster.stop()
            # While the database is down: every route answers 503 in the one shape, at once.
            down = [
                requests.get(f"{url}/api/profile", headers=headers, timeout=30),
                requests.get(f"{url}/api/resume/search?q=x", headers=headers, timeout=30),
                requests.post(
                    f"{url}/api/login",
                    json={"username": "steady", "password": "a-long-password"},
                    timeout=30,
                ),
                upload(url, headers, resume("Lima", "Go"), "lima.pdf"),
            ]
            for response in down:
                body = assert_error_shape(response, 503)
                assert "database" in body["message"]
                assert response.headers["Retry-After"] == "5"
            health = requests.get(f"{url}/api/health", timeout=30)
            assert health.status_code == 503
            assert health.json()["database"] == "unreachable"
            time.sleep(1)
            cluster.start()
            # Recovery without restarting the service: pool_pre_ping replaces dead connections.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                profile = requests.get(f"{url}/api/profile", headers=headers, timeout=30)
                if profile.status_code == 200:
                    break
                time.sleep(0.5)
            assert profile.status_code == 200, profile.text
            time.sleep(2)
            recovered_from = len(load.answers)
            time.sleep(2)
        assert workers(proc.pid) == pids
        statuses = Counter(a[0] for a in load.answers)
        # Only successes and the shaped 503: no 500, no HTML, no dropped connection.
        assert set(statuses) <= {200, 503}, (statuses, _unhandled(tmp_path / "gunicorn.log"))
        assert statuses[503] > 0 and statuses[200] > 0, statuses
        for status, content_type, body in load.answers:
            assert content_type.startswith("application/json")
            if status == 503:
                assert body["success"] is False and body["message"]
        # Once recovered, every request of the load succeeds again.
        assert {a[0] for a in load.answers[recovered_from:]} == {200}
        # The upload refused while the database was down changed nothing.
        hits = requests.get(
            f"{url}/api/resume/search", headers=headers, params={"q": "university"}, timeout=30
        ).json()["results"]
        assert "Kilo University" in " ".join(h["text"] for h in hits)
        assert requests.get(f"{url}/api/health", timeout=30).status_code == 200


# ----------------------------------------------------------------- Redis down


def _login(url: str, name: str, password: str) -> int:
    body = {"username": name, "password": password}
    return requests.post(f"{url}/api/login", json=body, timeout=30).status_code


@pytest.mark.slow
def test_redis_down_degrades_rate_limits_to_per_worker_and_nothing_else_breaks(tmp_path):
    with (
        private_redis() as redis,
        running_server(
            tmp_path,
            RATELIMIT_ENABLED="1",
            RATELIMIT_STORAGE_URI=redis.url,
            RATELIMIT_LOGIN="3 per minute",
            RATELIMIT_LOGIN_ADDRESS="1000 per minute",
            WEB_CONCURRENCY="1",
        ) as (url, _proc),
    ):
        headers = register(url, "limited")
        register(url, "poller")
        assert [_login(url, "limited", "wrong-password") for _ in range(4)] == [401] * 3 + [429]
        assert redis.dbsize() > 0

        redis.kill()
        # Every route still works without Redis.
        fresh = register(url, "newcomer")
        assert _login(url, "newcomer", "a-long-password") == 200
        assert requests.get(f"{url}/api/profile", headers=fresh, timeout=30).status_code == 200
        update = requests.post(
            f"{url}/api/update_profile", headers=headers, json={"skills": ["Go"]}, timeout=30
        )
        assert update.status_code == 200, update.text
        questions = requests.get(
            f"{url}/api/interview/questions", headers=headers, params={"count": 2}, timeout=30
        )
        assert questions.status_code == 200, questions.text
        assert requests.get(f"{url}/api/health", timeout=30).status_code == 200
        # Limits still hold, counted in the worker's memory (per worker, no longer shared).
        attempts = [_login(url, "newcomer", "wrong-password") for _ in range(4)]
        assert attempts == [401] * 3 + [429]

        redis.start()
        # The limiter checks the store again with a growing back-off (1, 2, 4 ... 32 s).
        deadline = time.monotonic() + 90
        while redis.dbsize() == 0 and time.monotonic() < deadline:
            assert _login(url, "poller", "a-long-password") == 200
            time.sleep(1)
        assert redis.dbsize() > 0, "rate limits did not go back to Redis"
        register(url, "returner")
        attempts = [_login(url, "returner", "wrong-password") for _ in range(4)]
        assert attempts == [401] * 3 + [429]
        import redis as redis_client

        keys = redis_client.Redis(port=redis.port).keys("*account:returner*")
        assert keys, "the failed logins were not counted in Redis"
