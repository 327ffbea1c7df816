"""Concurrency against gunicorn with several workers: same-user races, parallel users, kill -9."""

from __future__ import annotations

import os
import runpy
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import requests

from tests.servers import established_by_pid, running_server, wait_ready, workers
from tests.servers import register as _user
from tests.servers import resume as _resume
from tests.servers import upload as _upload

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A gunicorn with three workers; yield its URL, folder and process."""
    base = tmp_path_factory.mktemp("gunicorn")
    with running_server(base, WEB_CONCURRENCY="3") as (url, proc):
        yield {"url": url, "base": base, "proc": proc}


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


def _leftovers(base: Path) -> list[str]:
    """Return temporary files in the upload and index folders: staged uploads, temp writes."""
    pending = base / "uploads" / ".pending"
    staged = [p.name for p in pending.iterdir()] if pending.exists() else []
    temps = [p.name for p in (base / "data").rglob("*.tmp")]
    return staged + temps


def _index_loads(base: Path, headers: dict, url: str) -> None:
    """Assert the user's index on disk loads in a fresh store and holds the committed chunks."""
    from rag.store import IndexStore

    uid = int(requests.get(f"{url}/api/profile", headers=headers, timeout=30).json()["user"]["id"])
    store = IndexStore(base / "data")
    hits = store.search(uid, np.ones(384, dtype=np.float32) / np.sqrt(384), 1000)
    chunks = requests.get(f"{url}/api/resume/analysis", headers=headers, timeout=30).json()["data"][
        "chunks_processed"
    ]
    assert len(hits) == chunks > 0


def test_kill_9_during_upload_leaves_previous_or_new_state(server):
    url = server["url"]
    headers = _user(url, "victim")
    assert _upload(url, headers, _resume("Golf", "Java"), "golf.pdf").status_code == 200
    for delay in (0.4, 1.2):
        # Twice, at two moments of the upload (extraction, then embedding or commit).
        results: list = []

        def send(into: list = results) -> None:
            hotel = _resume("Hotel", "Scala")
            into.append(_safe(lambda: _upload(url, headers, hotel, "hotel.pdf")))

        thread = threading.Thread(target=send)
        thread.start()
        time.sleep(delay)
        killed = workers(server["proc"].pid)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        thread.join(150)
        wait_ready(url, server["proc"])
        assert not set(killed) & set(workers(server["proc"].pid))
        marker = _consistent_marker(server, headers, ["Golf", "Hotel"])
        if results and getattr(results[0], "status_code", None) == 200:
            assert marker == "Hotel"
        _index_loads(server["base"], headers, url)
    # A later upload still works and cleans up after the dead ones: nothing piles up.
    assert _upload(url, headers, _resume("India", "Kotlin"), "india.pdf").status_code == 200
    assert _consistent_marker(server, headers, ["Golf", "Hotel", "India"]) == "India"
    _index_loads(server["base"], headers, url)
    assert _leftovers(server["base"]) == []


def _burst(url: str, proc, count: int) -> dict[int, int]:
    """Open count connections in one burst, make a request on each; count them per worker."""
    port = int(url.rsplit(":", 1)[1])
    # Connected without waiting for each accept, as a load generator does.
    conns = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for conn in conns:
            conn.setblocking(False)
            conn.connect_ex(("127.0.0.1", port))
        for conn in conns:
            conn.setblocking(True)
            conn.settimeout(30)
            conn.sendall(b"GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n")
        for conn in conns:
            assert conn.recv(65536).startswith(b"HTTP/1.1 ")
        return established_by_pid(workers(proc.pid), port)
    finally:
        for conn in conns:
            conn.close()


@pytest.mark.parametrize("reuse_port", ["1", "0"], ids=["socket-per-worker", "shared-socket"])
def test_a_burst_of_connections_is_spread_over_the_workers(tmp_path, reuse_port):
    # With a socket per worker (GUNICORN_REUSE_PORT=1) the kernel spreads connections by address.
    # With the shared socket, gunicorn's own worker accepted a whole burst in whichever worker
    # woke first (one took 30 to 43 of 48); gunicorn_worker's pauses a worker holding two or
    # more beyond its least busy sibling, so that sibling accepts.
    env = {"WEB_CONCURRENCY": "3", "GUNICORN_REUSE_PORT": reuse_port}
    with running_server(tmp_path, **env) as (url, proc):
        counts = _burst(url, proc, 48)
    assert sum(counts.values()) == 48, counts
    # Spread evenly by chance, 16 each give or take 3: one worker holding 30 or more of the 48 has
    # a probability of about 5e-5.
    assert max(counts.values()) < 30, counts
    assert all(counts.values()), counts


def test_reuse_port_follows_the_kernel_unless_set():
    settings = runpy.run_path(str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py"))
    choose = settings["_reuse_port"]
    assert choose("1") is True
    assert choose("0") is False
    # auto: only where the kernel moves an exiting worker's queued connections to a sibling.
    try:
        migrates = Path("/proc/sys/net/ipv4/tcp_migrate_req").read_text().strip() == "1"
    except OSError:
        migrates = False
    assert choose("auto") is migrates


def test_a_recycled_worker_hands_new_connections_to_the_others(tmp_path):
    # GUNICORN_MAX_UPLOADS=1: the worker that served the upload closes its own listening socket,
    # drains and exits, and the master starts another; no connection is refused or reset.
    with running_server(tmp_path, WEB_CONCURRENCY="2", GUNICORN_MAX_UPLOADS="1") as (url, proc):
        before = workers(proc.pid)
        headers = _user(url, "recycled")
        failures: list = []
        done = threading.Event()

        def probe() -> None:
            while not done.is_set():
                answer = _safe(lambda: requests.get(f"{url}/api/health", timeout=30))
                if getattr(answer, "status_code", None) != 200:
                    failures.append(answer)

        thread = threading.Thread(target=probe)
        thread.start()
        try:
            assert _upload(url, headers, _resume("Juliet", "Go"), "juliet.pdf").status_code == 200
            deadline = time.monotonic() + 60
            while set(workers(proc.pid)) >= set(before) and time.monotonic() < deadline:
                time.sleep(0.2)
            wait_ready(url, proc)
        finally:
            done.set()
            thread.join(60)
        assert len(set(workers(proc.pid)) - set(before)) == 1
        assert failures == []
        assert _upload(url, headers, _resume("Kilo", "Rust"), "kilo.pdf").status_code == 200


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
