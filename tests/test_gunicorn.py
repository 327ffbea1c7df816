"""Concurrency against gunicorn with several workers: same-user races, parallel users, kill -9."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests import hostile

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
JD = "Backend engineer with 3+ years of Python, PostgreSQL and Docker."

pytestmark = pytest.mark.slow


def _resume(marker: str, skill: str) -> bytes:
    return hostile.text_pdf(
        [
            f"{marker} Person",
            "EXPERIENCE",
            f"Engineer at {marker} Corp",
            "Jan 2019 - Present",
            f"Built {marker} systems in {skill} and Python on PostgreSQL.",
            "SKILLS",
            f"{skill}, Python, PostgreSQL",
            "EDUCATION",
            f"{marker} University - BSc, 2014 - 2018",
        ]
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(base: Path, **settings: str):
    """Run gunicorn on a fresh SQLite database in base; yield its URL and process."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{base / 'app.db'}",
        "UPLOAD_FOLDER": str(base / "uploads"),
        "DATA_DIR": str(base / "data"),
        "INSTANCE_DIR": str(base),
        "RATELIMIT_ENABLED": "0",
        "PORT": str(port),
        "HF_HUB_OFFLINE": "1",
        **settings,
    }
    env.pop("TEST_DATABASE_URL", None)
    subprocess.run([BIN / "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, env=env, check=True)
    with open(base / "gunicorn.log", "w") as log:
        proc = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "app:create_app()"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(url, proc)
            yield url, proc
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A gunicorn with three workers; yield its URL, folder and process."""
    base = tmp_path_factory.mktemp("gunicorn")
    with running_server(base, WEB_CONCURRENCY="3") as (url, proc):
        yield {"url": url, "base": base, "proc": proc}


def _wait_ready(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    ready = 0
    while time.monotonic() < deadline:
        assert proc.poll() is None, "gunicorn exited"
        try:
            body = requests.get(f"{url}/api/health", timeout=2).json()
            # Several answers in a row, so every worker is likely to be warm.
            ready = ready + 1 if body["model"] == "ready" else 0
            if ready >= 6:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise AssertionError("gunicorn did not become ready")


def _user(url: str, name: str) -> dict[str, str]:
    body = {"username": name, "email": f"{name}@example.com", "password": "a-long-password"}
    response = requests.post(f"{url}/api/register", json=body, timeout=30)
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _upload(url: str, headers: dict, content: bytes, name: str) -> requests.Response:
    return requests.post(
        f"{url}/api/upload_resume",
        headers=headers,
        files={"resume": (name, content, "application/octet-stream")},
        data={"job_description": JD},
        timeout=120,
    )


def _consistent_marker(server: dict, headers: dict, markers: list[str]) -> str:
    """Assert file, profile, analysis and index all come from one upload; return its marker."""
    url = server["url"]
    profile = requests.get(f"{url}/api/profile", headers=headers, timeout=30).json()["user"]
    analysis = requests.get(f"{url}/api/resume/analysis", headers=headers, timeout=30).json()[
        "data"
    ]
    hits = requests.get(
        f"{url}/api/resume/search", headers=headers, params={"q": "university", "k": 20}, timeout=30
    ).json()["results"]
    text = " ".join(h["text"] for h in hits)
    found = [m for m in markers if m in text]
    assert len(found) == 1, (found, text)
    marker = found[0]
    assert marker in " ".join(analysis["education"])
    filename = profile["resume_filename"]
    assert filename.endswith(f"_{marker.lower()}.pdf")
    uid = filename.split("_", 1)[0]
    files = [p.name for p in (server["base"] / "uploads").iterdir() if p.name.startswith(f"{uid}_")]
    assert files == [filename]
    return marker


def test_same_user_concurrent_uploads_leave_one_consistent_state(server):
    headers = _user(server["url"], "racer")
    markers = ["Alpha", "Bravo", "Charlie"]
    files = [(_resume(m, "Rust"), f"{m.lower()}.pdf") for m in markers]
    with ThreadPoolExecutor(3) as pool:
        responses = list(pool.map(lambda f: _upload(server["url"], headers, *f), files))
    assert [r.status_code for r in responses] == [200, 200, 200]
    _consistent_marker(server, headers, markers)


def test_different_users_upload_in_parallel(server):
    users = [
        (_user(server["url"], f"para{i}"), m) for i, m in enumerate(["Delta", "Echo", "Foxtrot"])
    ]
    with ThreadPoolExecutor(3) as pool:
        responses = list(
            pool.map(
                lambda u: _upload(server["url"], u[0], _resume(u[1], "Go"), f"{u[1].lower()}.pdf"),
                users,
            )
        )
    assert [r.status_code for r in responses] == [200, 200, 200]
    for headers, marker in users:
        assert _consistent_marker(server, headers, ["Delta", "Echo", "Foxtrot"]) == marker


def _workers(master_pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_kill_9_during_upload_leaves_previous_or_new_state(server):
    url = server["url"]
    headers = _user(url, "victim")
    assert _upload(url, headers, _resume("Golf", "Java"), "golf.pdf").status_code == 200
    results: list = []
    thread = threading.Thread(
        target=lambda: results.append(
            _safe(lambda: _upload(url, headers, _resume("Hotel", "Scala"), "hotel.pdf"))
        )
    )
    thread.start()
    time.sleep(0.4)
    for pid in _workers(server["proc"].pid):
        os.kill(pid, signal.SIGKILL)
    thread.join(150)
    _wait_ready(url, server["proc"])
    marker = _consistent_marker(server, headers, ["Golf", "Hotel"])
    if results and getattr(results[0], "status_code", None) == 200:
        assert marker == "Hotel"
    # A later upload still works and cleans up after the dead one.
    assert _upload(url, headers, _resume("India", "Kotlin"), "india.pdf").status_code == 200
    assert _consistent_marker(server, headers, ["Golf", "Hotel", "India"]) == "India"


def _safe(call):
    try:
        return call()
    except requests.RequestException as exc:
        return exc


def test_rate_limits_are_shared_by_workers_through_redis(tmp_path):
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url("redis://127.0.0.1:6379/15")
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    with running_server(
        tmp_path,
        RATELIMIT_ENABLED="1",
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15",
        RATELIMIT_LOGIN="5 per minute",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="1",
    ) as (url, _proc):
        try:
            _user(url, "limited")
            body = {"username": "limited", "password": "wrong-password"}
            # Fresh connections spread the attempts over both workers.
            statuses = [
                requests.post(f"{url}/api/login", json=body, timeout=30).status_code
                for _ in range(7)
            ]
            assert statuses[:5] == [401] * 5
            assert statuses[5:] == [429, 429]
            assert client.dbsize() > 0
        finally:
            client.flushdb()
