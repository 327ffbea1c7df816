"""Two service instances ("hosts") on one PostgreSQL and one Redis, with a shared UPLOAD_FOLDER.

Each host runs its own gunicorn with its own DATA_DIR (the per-host index cache) and
INSTANCE_DIR; they share a private database created on the machine's PostgreSQL (dropped
afterwards), a private redis-server for rate limits, the upload folder and the signing keys.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import requests

from tests.servers import (
    SHARED_SECRETS,
    assert_error_shape,
    private_database,
    private_redis,
    register,
    resume,
    running_server,
    upload,
)

pytestmark = pytest.mark.slow
LOGIN_LIMIT = 4


@pytest.fixture(scope="module")
def hosts(tmp_path_factory):
    """Start hosts A and B; yield their URLs, folders and the database URL."""
    base = tmp_path_factory.mktemp("multihost")
    with contextlib.ExitStack() as stack:
        db_url = stack.enter_context(private_database("faults_multihost"))
        redis = stack.enter_context(private_redis())
        shared = {
            "DATABASE_URL": db_url,
            "UPLOAD_FOLDER": str(base / "shared-uploads"),
            "RATELIMIT_ENABLED": "1",
            "RATELIMIT_STORAGE_URI": redis.url,
            "RATELIMIT_LOGIN": f"{LOGIN_LIMIT} per minute",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "2",
            **SHARED_SECRETS,
        }
        url_a, _ = stack.enter_context(running_server(base / "a", **shared))
        # The schema is the database's, migrated once (by A).
        url_b, _ = stack.enter_context(running_server(base / "b", upgrade=False, **shared))
        yield {
            "a": url_a,
            "b": url_b,
            "data_a": base / "a" / "data",
            "data_b": base / "b" / "data",
            "uploads": base / "shared-uploads",
            "db": db_url,
            "redis": redis,
        }


def _uid(url: str, headers: dict) -> int:
    return requests.get(f"{url}/api/profile", headers=headers, timeout=30).json()["user"]["id"]


def _chunk_ids(db_url: str, uid: int) -> set[int]:
    import psycopg

    with psycopg.connect(db_url) as conn:
        rows = conn.execute("SELECT id FROM resume_chunks WHERE user_id = %s", (uid,)).fetchall()
    return {r[0] for r in rows}


def _index_file(data_dir: Path, uid: int) -> Path:
    return data_dir / "users" / str(uid) / "index.bin"


def _index_ids(data_dir: Path, uid: int) -> set[int]:
    from rag.store import IndexStore

    query = np.ones(384, dtype=np.float32) / np.sqrt(384)
    return {i for i, _ in IndexStore(data_dir).search(uid, query, 10_000)}


def _search_text(url: str, headers: dict, q: str = "university") -> str:
    response = requests.get(
        f"{url}/api/resume/search", headers=headers, params={"q": q, "k": 20}, timeout=60
    )
    assert response.status_code == 200, response.text
    return " ".join(hit["text"] for hit in response.json()["results"])


def test_upload_on_a_then_search_fit_and_practise_on_b(hosts):
    a, b = hosts["a"], hosts["b"]
    headers = register(a, "traveller")
    assert upload(a, headers, resume("Alpha", "Rust"), "alpha.pdf").status_code == 200
    uid = _uid(b, headers)
    assert _index_file(hosts["data_a"], uid).is_file()
    assert not _index_file(hosts["data_b"], uid).exists()
    # B may not lean on A's disk: A's copy goes, B must rebuild from the database.
    os.remove(_index_file(hosts["data_a"], uid))

    assert "Alpha University" in _search_text(b, headers)
    assert _index_ids(hosts["data_b"], uid) == _chunk_ids(hosts["db"], uid) != set()
    assert not _index_file(hosts["data_a"], uid).exists()

    fit = requests.post(
        f"{b}/api/resume/fit",
        headers=headers,
        json={"job_description": "Rust systems engineer, 3+ years of Rust and Python."},
        timeout=60,
    )
    assert fit.status_code == 200, fit.text
    assert "Rust" in fit.json()["job_fit_analysis"]["matching_skills"]

    questions = requests.get(
        f"{b}/api/interview/questions",
        headers=headers,
        params={"kind": "resume", "count": 3},
        timeout=60,
    )
    assert questions.status_code == 200, questions.text
    asked = questions.json()["questions"]
    assert asked and any("Alpha" in (q["source"] or {}).get("excerpt", "") for q in asked)
    answer = requests.post(
        f"{b}/api/interview/answer",
        headers=headers,
        json={
            "question_id": asked[0]["id"],
            "answer": "At Alpha Corp I built Alpha systems in Rust and Python on PostgreSQL.",
        },
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    assert 0 <= answer.json()["result"]["score"] <= 1
    # The attempt is in the shared database: A sees it.
    history = requests.get(f"{a}/api/interview/history", headers=headers, timeout=30).json()
    assert [h["question_id"] for h in history["attempts"]] == [asked[0]["id"]]


def test_stale_index_on_b_is_detected_and_rebuilt_after_a_reupload_on_a(hosts):
    a, b = hosts["a"], hosts["b"]
    headers = register(a, "reuploader")
    assert upload(a, headers, resume("Bravo", "Go"), "bravo.pdf").status_code == 200
    uid = _uid(a, headers)
    assert "Bravo University" in _search_text(b, headers)
    stale = _index_file(hosts["data_b"], uid).stat()
    stale_ids = _index_ids(hosts["data_b"], uid)

    assert upload(a, headers, resume("Charlie", "Java"), "charlie.pdf").status_code == 200
    # B's cached index still holds the first upload's chunks until B is asked.
    assert _index_ids(hosts["data_b"], uid) == stale_ids
    text = _search_text(b, headers)
    assert "Charlie University" in text and "Bravo" not in text
    fresh = _index_file(hosts["data_b"], uid).stat()
    assert (fresh.st_ino, fresh.st_mtime_ns) != (stale.st_ino, stale.st_mtime_ns)
    assert _index_ids(hosts["data_b"], uid) == _chunk_ids(hosts["db"], uid)
    assert not stale_ids & _chunk_ids(hosts["db"], uid)


def test_uploads_of_one_user_through_both_hosts_at_once_leave_one_state(hosts):
    a, b = hosts["a"], hosts["b"]
    headers = register(a, "twohosts")
    uid = _uid(a, headers)
    jobs = [(a, "Delta", "Kotlin"), (b, "Echo", "Scala")]
    with ThreadPoolExecutor(2) as pool:
        responses = list(
            pool.map(
                lambda j: upload(j[0], headers, resume(j[1], j[2]), f"{j[1].lower()}.pdf"), jobs
            )
        )
    assert [r.status_code for r in responses] == [200, 200]
    profile = requests.get(f"{b}/api/profile", headers=headers, timeout=30).json()["user"]
    winner = profile["resume_filename"].split("_", 1)[1].removesuffix(".pdf").capitalize()
    assert winner in {"Delta", "Echo"}
    files = sorted(p.name for p in hosts["uploads"].iterdir() if p.name.startswith(f"{uid}_"))
    assert files == [profile["resume_filename"]]
    pending = hosts["uploads"] / ".pending"
    assert [p.name for p in pending.iterdir()] == []
    analysis = requests.get(f"{a}/api/resume/analysis", headers=headers, timeout=30).json()
    assert f"{winner} University" in " ".join(analysis["data"]["education"])
    for url in (a, b):
        text = _search_text(url, headers)
        assert f"{winner} University" in text
        assert ({"Delta", "Echo"} - {winner}).pop() not in text


def test_logout_on_a_is_refused_on_b_at_once(hosts):
    a, b = hosts["a"], hosts["b"]
    register(a, "leaver")
    tokens = requests.post(
        f"{b}/api/login", json={"username": "leaver", "password": "a-long-password"}, timeout=30
    ).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert requests.get(f"{b}/api/profile", headers=headers, timeout=30).status_code == 200
    out = requests.post(
        f"{a}/api/logout",
        headers=headers,
        json={"refresh_token": tokens["refresh_token"]},
        timeout=30,
    )
    assert out.status_code == 200, out.text
    assert_error_shape(requests.get(f"{b}/api/profile", headers=headers, timeout=30), 401)
    refresh = {"Authorization": f"Bearer {tokens['refresh_token']}"}
    assert_error_shape(requests.post(f"{b}/api/refresh", headers=refresh, timeout=30), 401)


def test_rate_limits_count_across_both_hosts(hosts):
    a, b = hosts["a"], hosts["b"]
    register(a, "guessed")
    body = {"username": "guessed", "password": "wrong-password"}
    statuses = [
        requests.post(f"{url}/api/login", json=body, timeout=30).status_code
        for url in [a, b] * (LOGIN_LIMIT // 2 + 1)
    ]
    # Failures through A and through B count against the one account: the limit is shared.
    assert statuses == [401] * LOGIN_LIMIT + [429, 429]
    assert hosts["redis"].dbsize() > 0
