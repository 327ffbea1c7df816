"""A bounded load scenario: 50 concurrent users for 60 s against gunicorn on loopback.

Usage: .venv/bin/python -m bench.load [--users 50] [--seconds 60] [--postgres URL]
       [--redis URL] [--dev DIR] [--out FILE]

Starts the service under gunicorn with its chosen settings (gunicorn.conf.py, limits on) on a
throwaway SQLite database, or on a database of its own created on --postgres and dropped
afterwards, with --redis as the rate-limit store. Each simulated user is a thread; two threads
share each account. They register or log in, then until the time is up: read the profile,
update it (one thread of a pair writes the phone, the other the years, so a lost update would
show), upload a dev resume, score the fit to a dev job, search it, and practise (ask for a
question of a random kind and answer it). Users arrive 0.2 s
apart; every request has a timeout and the whole run a deadline. It reports p50/p95 per
route, the status counts, and fails on any 5xx, lost update or "database is locked" in the
server log.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

from bench.api_bench import DEFAULT_DEV, ROOT, Server, percentile, queries

PASSWORD = "load-test-password"
TIMEOUT = 120
DEFAULT_OUT = ROOT / "bench" / "out" / "load.json"


class Stats:
    """Latencies and statuses per route, shared by the threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.errors: list[str] = []

    def call(self, http: requests.Session, route: str, method: str, url: str, **kw):
        """Send one request, record its time and status, and return the response (or None)."""
        start = time.perf_counter()
        try:
            response = http.request(method, url, timeout=TIMEOUT, **kw)
        except requests.RequestException as exc:
            with self.lock:
                self.status[route][0] += 1
                self.errors.append(f"{route}: {exc.__class__.__name__}")
            return None
        elapsed = time.perf_counter() - start
        with self.lock:
            self.times[route].append(elapsed)
            self.status[route][response.status_code] += 1
            if response.status_code >= 500:
                self.errors.append(f"{route}: {response.status_code} {response.text[:200]}")
        return response


def lane(i: int, url: str, deadline: float, stats: Stats, files, jobs, qs, written, ready):
    """One simulated user: sign in, then a random mix of requests until the deadline."""
    rng = random.Random(i)
    # Users arrive over the first seconds, not all in the same millisecond.
    time.sleep(i * 0.2)
    http = requests.Session()
    name = f"load{i // 2:03d}"
    body = {"username": name, "email": f"{name}@example.com", "password": PASSWORD}
    if i % 2 == 0:
        r = stats.call(http, "POST /api/register", "POST", url + "/api/register", json=body)
        ready[i // 2].set()
    else:
        ready[i // 2].wait(TIMEOUT)
        r = stats.call(http, "POST /api/login", "POST", url + "/api/login", json=body)
    if r is None or r.status_code not in (200, 201):
        return
    auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
    written[(name, "auth")] = auth
    # One thread of each pair uploads (first, then now and then); the other never does. An
    # upload sets the years of experience from the resume, so the uploading thread is also the
    # one that writes the years: each field has one writer, in order, and a lost update shows.
    uploader = i % 2 == 1
    uploaded = not uploader
    n = 0
    while time.monotonic() < deadline:
        n += 1
        pick = rng.random()
        if uploader and (not uploaded or pick < 0.03):
            f = rng.choice(files)
            r = stats.call(
                http,
                "POST /api/upload_resume",
                "POST",
                url + "/api/upload_resume",
                headers=auth,
                files={"resume": (f.name, f.read_bytes(), "application/octet-stream")},
                data={"job_description": rng.choice(jobs)},
            )
            if r is not None and r.status_code == 200:
                uploaded = True
                written[(name, "experience_years")] = r.json()["data"]["experience_years"]
        elif pick < 0.42:
            stats.call(http, "GET /api/profile", "GET", url + "/api/profile", headers=auth)
        elif pick < 0.60:
            field, value = (
                ("phone", f"+1 555 {i:02d}{n:04d}")
                if i % 2 == 0
                else (
                    "experience_years",
                    n % 70,
                )
            )
            r = stats.call(
                http,
                "POST /api/update_profile",
                "POST",
                url + "/api/update_profile",
                headers=auth,
                json={field: value},
            )
            if r is not None and r.status_code == 200:
                written[(name, field)] = value
        elif pick < 0.72:
            practise(http, url, auth, stats, rng)
        elif pick < 0.85:
            stats.call(
                http,
                "GET /api/resume/search",
                "GET",
                url + "/api/resume/search",
                headers=auth,
                params={"q": rng.choice(qs)},
            )
        elif pick < 0.97:
            stats.call(
                http,
                "POST /api/resume/fit",
                "POST",
                url + "/api/resume/fit",
                headers=auth,
                json={"job_description": rng.choice(jobs)},
            )
        else:
            stats.call(http, "POST /api/login", "POST", url + "/api/login", json=body)


def practise(http: requests.Session, url: str, auth: dict, stats: Stats, rng) -> None:
    """Ask for one practice question of a random kind and answer it with a short text."""
    kind = rng.choice(("technical", "resume", "behavioral", "role"))
    r = stats.call(
        http,
        "GET /api/interview/questions",
        "GET",
        url + "/api/interview/questions",
        headers=auth,
        params={"kind": kind, "count": 1, "seed": rng.randrange(10**6)},
    )
    if r is None or r.status_code != 200 or not r.json()["questions"]:
        return
    question = r.json()["questions"][0]
    answer = f"I would explain {question['topic']} with an example from my last project."
    stats.call(
        http,
        "POST /api/interview/answer",
        "POST",
        url + "/api/interview/answer",
        headers=auth,
        json={"question_id": question["id"], "answer": answer},
    )


def check_updates(url: str, written: dict, users: int) -> list[str]:
    """Return the fields whose stored value is not the last one written (lost updates)."""
    lost = []
    http = requests.Session()
    for a in range(users // 2):
        name = f"load{a:03d}"
        auth = written.get((name, "auth"))
        if auth is None:
            continue
        # In-flight uploads of the last moments may still queue ahead of this read.
        user = http.get(url + "/api/profile", headers=auth, timeout=5 * TIMEOUT).json()["user"]
        for field in ("phone", "experience_years"):
            if (name, field) in written and user[field] != written[(name, field)]:
                lost.append(f"{name}.{field}: {user[field]!r} != {written[(name, field)]!r}")
    return lost


@contextlib.contextmanager
def own_database(admin_url: str):
    """Create a database of this run's own on the server admin_url names; drop it afterwards."""
    import psycopg

    name = f"throughput_load_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args: argparse.Namespace, base: Path, log) -> dict:
    """Start the server, run the lanes, check the outcome, stop the server."""
    server = Server(base, args.workers, args.threads)
    server.env["RATELIMIT_ENABLED"] = "1"
    # Every simulated user comes from 127.0.0.1: the per-address limits would otherwise
    # refuse the run's own sign-ins; the per-account login limit stays as configured.
    server.env["RATELIMIT_LOGIN_ADDRESS"] = "10000 per minute"
    server.env["RATELIMIT_REGISTER"] = "10000 per minute"
    if args.postgres:
        server.env["DATABASE_URL"] = args.postgres
        server.env["RATELIMIT_STORAGE_URI"] = args.redis or "memory://"
    if args.redis:
        server.env["RATELIMIT_STORAGE_URI"] = args.redis
    files = sorted(p for p in args.dev.iterdir() if p.suffix in (".pdf", ".docx"))[:6]
    jobs = [p.read_text() for p in sorted((args.dev / "jobs").glob("*.txt"))][:6]
    qs = queries(args.dev)
    stats = Stats()
    written: dict = {}
    try:
        log("starting gunicorn")
        server.start()
        log(f"{args.users} users for {args.seconds} s")
        deadline = time.monotonic() + args.seconds
        ready = [threading.Event() for _ in range((args.users + 1) // 2)]
        threads = [
            threading.Thread(
                target=lane,
                args=(i, server.url, deadline, stats, files, jobs, qs, written, ready),
                daemon=True,
            )
            for i in range(args.users)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 2 * TIMEOUT)
        lost = check_updates(server.url, written, args.users)
    finally:
        server.stop()
    log_text = (base / "gunicorn.log").read_text(errors="replace")
    return {
        "routes": {
            route: {
                "n": len(times),
                "p50_ms": round(percentile(times, 50) * 1000, 1),
                "p95_ms": round(percentile(times, 95) * 1000, 1),
                "status": dict(stats.status[route]),
            }
            for route, times in sorted(stats.times.items())
        },
        "errors": stats.errors[:20],
        "n_5xx": sum(n for s in stats.status.values() for c, n in s.items() if c >= 500),
        "lost_updates": lost,
        "database_locked": log_text.lower().count("database is locked"),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the scenario, print the per-route table and fail on 5xx, lost updates or locks."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument(
        "--postgres", help="postgresql:// URL of a server where this run creates its own database"
    )
    ap.add_argument("--redis", help="redis:// URL of a database this run may flush (its limits)")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (WEB_CONCURRENCY)")
    ap.add_argument("--threads", type=int, default=2, help="threads per worker (GUNICORN_THREADS)")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="load-"))
        if args.postgres:
            args.postgres = stack.enter_context(own_database(args.postgres))
        if args.redis:
            import redis

            redis.Redis.from_url(args.redis).flushdb()
        res = run(args, Path(tmp), log)
    print("| route | n | p50 ms | p95 ms | statuses |")
    print("| --- | --- | --- | --- | --- |")
    for route, r in res["routes"].items():
        print(f"| {route} | {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['status']} |")
    print(
        f"5xx: {res['n_5xx']}, lost updates: {len(res['lost_updates'])}, "
        f"'database is locked' in the log: {res['database_locked']}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2))
    bad = res["n_5xx"] or res["lost_updates"] or res["database_locked"]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
