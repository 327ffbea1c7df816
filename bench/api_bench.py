"""Benchmark the running service: upload, search, fit and login latency, throughput, memory.

Usage: .venv/bin/python -m bench.api_bench [--rounds 1] [--per-kind 2] [--workers 1,2,4]
       [--tp-uploads 4] [--searches 30] [--fits 10] [--logins 8] [--web-concurrency 2]
       [--gunicorn-threads 2] [--torch-threads N]
       [--compare-torch-threads N] [--no-stages] [--dev DIR] [--out FILE]

Starts a real gunicorn server (app:create_app(), gunicorn.conf.py) on a free loopback port
with a throwaway SQLite database and folders, and measures in one run:
  1. upload latency per resume kind (PDF, DOCX) through POST /api/upload_resume;
  2. throughput of concurrent uploads by different users with 1, 2 and 4 client threads
     (levels run in the order A B C C B A so drift of a shared machine hits each alike);
  3. GET /api/resume/search and POST /api/resume/fit latency;
  4. resident memory of the gunicorn master, each worker and each worker's extraction
     fork server (ready, after warm-up uploads, at the end);
  5. register and login latency (password hashing).
After the server has stopped, the upload's stages are timed in this process by calling the
same plain functions the service calls (sniff_kind, extract_text, parse_resume,
chunk, embed, analyze_fit, commit), as shares of their total.
--compare-torch-threads N also runs two servers at once that differ only in OMP_NUM_THREADS
(unset or --torch-threads, against N), with their uploads interleaved, and reports the ratios.
Ratios are the figures; absolute times are context (the machine is shared and noisy).
Prints a table and writes JSON to bench/out/api_bench.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
DEFAULT_OUT = ROOT / "bench" / "out" / "api_bench.json"
PASSWORD = "benchmark-password"
FALLBACK_QUERIES = ["What was my role?", "Which university did I attend?", "Python projects"]
HTTP_TIMEOUT = 120


# ---------------------------------------------------------------- small helpers


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of values by linear interpolation."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(values: list[float]) -> dict[str, float | int]:
    """Return n, p50, p95 and mean of a list of seconds, in milliseconds."""
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 50) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else float("nan"),
    }


def free_port() -> int:
    """Return a TCP port that is free on the loopback interface right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_average() -> list[float]:
    """Return the 1, 5 and 15 minute load averages."""
    return [round(x, 2) for x in os.getloadavg()]


# ---------------------------------------------------------------- processes and memory


def children(pid: int) -> list[int]:
    """Return the direct children of a process, read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry))
    return sorted(found)


def memory_of(pid: int) -> dict[str, float] | None:
    """Return RSS, peak RSS and PSS in MiB and the thread count of a process, or None."""
    values: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) / 1024
                elif key == "Threads":
                    values[key] = int(rest)
        # PSS splits pages shared after fork (model weights, imports) between the sharers.
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    values["Pss"] = int(line.split()[1]) / 1024
    except OSError:
        return None
    return {
        "rss_mib": round(values.get("VmRSS", 0.0), 1),
        "peak_rss_mib": round(values.get("VmHWM", 0.0), 1),
        "pss_mib": round(values.get("Pss", 0.0), 1),
        "threads": int(values.get("Threads", 0)),
    }


def cmdline(pid: int) -> str:
    """Return a process's command line, or '' when it is gone."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def process_tree(master: int) -> list[dict[str, Any]]:
    """Return the gunicorn master, its workers and the workers' descendants with memory."""
    rows: list[dict[str, Any]] = []

    def visit(pid: int, role: str, depth: int) -> None:
        mem = memory_of(pid)
        if mem is None:
            return
        rows.append({"pid": pid, "role": role, **mem})
        for child in children(pid):
            if depth == 0:
                visit(child, "worker", 1)
            elif depth == 1:
                visit(child, "extract-server", 2)
            else:
                visit(child, "extract-child", 3)

    visit(master, "master", 0)
    return rows


def memory_totals(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Return the summed RSS and PSS of a process tree snapshot."""
    return {
        "rss_mib": round(sum(r["rss_mib"] for r in rows), 1),
        "pss_mib": round(sum(r["pss_mib"] for r in rows), 1),
    }


# ---------------------------------------------------------------- the server


class Server:
    """A throwaway gunicorn server on loopback, stopped with its whole process tree."""

    def __init__(
        self, base: Path, web_concurrency: int, threads: int, torch_threads: int = 0
    ) -> None:
        self.base = base
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{base / 'app.db'}",
            "UPLOAD_FOLDER": str(base / "uploads"),
            "DATA_DIR": str(base / "data"),
            "INSTANCE_DIR": str(base),
            "RATELIMIT_ENABLED": "0",
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": str(web_concurrency),
            "GUNICORN_THREADS": str(threads),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        }
        self.env.pop("TEST_DATABASE_URL", None)
        if torch_threads:
            # torch reads these at import: intra-op threads per worker process.
            self.env["OMP_NUM_THREADS"] = self.env["MKL_NUM_THREADS"] = str(torch_threads)
        self.proc: subprocess.Popen[bytes] | None = None
        self.seen: dict[int, str] = {}
        self._log = None

    def start(self, ready_seconds: float = 180) -> float:
        """Migrate, start gunicorn and wait until every worker is likely warm; return seconds."""
        started = self.launch()
        self.wait_ready(ready_seconds)
        return time.perf_counter() - started

    def launch(self) -> float:
        """Migrate the database, then start gunicorn; return the perf_counter of its start."""
        subprocess.run(
            [BIN / "flask", "--app", "app", "db", "upgrade"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        self._log = open(self.base / "gunicorn.log", "wb")  # noqa: SIM115 - closed in stop()
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "app:create_app()"],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            # Its own session: a Ctrl-C in the terminal reaches us, and we stop it cleanly.
            start_new_session=True,
        )
        return started

    def wait_ready(self, ready_seconds: float = 180) -> None:
        """Wait until several health answers in a row say the model is ready."""
        assert self.proc is not None
        deadline = time.monotonic() + ready_seconds
        ready = 0
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.base / 'gunicorn.log'}")
            try:
                body = requests.get(f"{self.url}/api/health", timeout=5).json()
                # Several answers in a row, so every worker has most likely loaded the model.
                ready = ready + 1 if body.get("model") == "ready" else 0
                if ready >= 6:
                    return
            except (requests.RequestException, ValueError):
                ready = 0
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not become ready in time")

    def snapshot(self) -> list[dict[str, Any]]:
        """Return the memory of the server's process tree, remembering every pid seen."""
        assert self.proc is not None
        rows = process_tree(self.proc.pid)
        for row in rows:
            self.seen.setdefault(row["pid"], cmdline(row["pid"]))
        return rows

    def stop(self) -> list[int]:
        """Stop gunicorn (TERM, then KILL) and any process of its tree left; return strays."""
        if self.proc is None:
            return []
        with contextlib.suppress(OSError):
            self.snapshot()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self._log is not None:
            self._log.close()
        strays = []
        deadline = time.monotonic() + 10
        for pid, line in self.seen.items():
            # Same pid and same command line: still ours, not a reused pid.
            while cmdline(pid) == line and line and time.monotonic() < deadline:
                time.sleep(0.2)
            if cmdline(pid) == line and line:
                strays.append(pid)
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        self.proc = None
        return strays


# ---------------------------------------------------------------- the client side


class Client:
    """One HTTP session against the server, timing each request."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()

    def timed(self, method: str, path: str, **kwargs: Any) -> tuple[float, requests.Response]:
        """Send one request and return its wall time in seconds with the response."""
        start = time.perf_counter()
        response = self.http.request(method, self.url + path, timeout=HTTP_TIMEOUT, **kwargs)
        return time.perf_counter() - start, response

    def register(self, name: str) -> tuple[float, dict[str, str]]:
        """Register a user and return the time taken and its auth header."""
        body = {"username": name, "email": f"{name}@example.com", "password": PASSWORD}
        seconds, response = self.timed("POST", "/api/register", json=body)
        if response.status_code != 201:
            raise RuntimeError(f"register {name}: {response.status_code} {response.text[:200]}")
        return seconds, {"Authorization": f"Bearer {response.json()['access_token']}"}

    def login(self, name: str) -> float:
        """Log a user in and return the time taken."""
        body = {"username": name, "password": PASSWORD}
        seconds, response = self.timed("POST", "/api/login", json=body)
        if response.status_code != 200:
            raise RuntimeError(f"login {name}: {response.status_code} {response.text[:200]}")
        return seconds

    def upload(self, headers: dict[str, str], path: Path, jd: str) -> float:
        """Upload one resume with a job description and return the time taken."""
        seconds, response = self.timed(
            "POST",
            "/api/upload_resume",
            headers=headers,
            files={"resume": (path.name, path.read_bytes(), "application/octet-stream")},
            data={"job_description": jd},
        )
        if response.status_code != 200:
            raise RuntimeError(f"upload {path.name}: {response.status_code} {response.text[:200]}")
        return seconds


class Users:
    """Fresh users registered on demand, each register call timed."""

    def __init__(self, url: str) -> None:
        self.client = Client(url)
        self.count = 0
        self.register_seconds: list[float] = []
        self.names: list[str] = []

    def new(self) -> dict[str, str]:
        """Register a new user and return its auth header."""
        self.count += 1
        name = f"bench{self.count:04d}"
        seconds, headers = self.client.register(name)
        self.register_seconds.append(seconds)
        self.names.append(name)
        return headers


def sample_files(dev: Path, per_kind: int) -> dict[str, list[Path]]:
    """Return the first per_kind PDF and DOCX resumes of the dev set, by name."""
    files = sorted(p for p in dev.iterdir() if p.suffix in (".pdf", ".docx"))
    return {
        kind: [p for p in files if p.suffix == f".{kind}"][:per_kind] for kind in ("pdf", "docx")
    }


def job_texts(dev: Path) -> list[str]:
    """Return the dev job descriptions, sorted by file name."""
    return [p.read_text(encoding="utf-8") for p in sorted((dev / "jobs").glob("*.txt"))]


def queries(dev: Path) -> list[str]:
    """Return the dev search questions, or a few generic ones when the file is absent."""
    path = dev / "search.jsonl"
    if not path.is_file():
        return FALLBACK_QUERIES
    return [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]


def run_parallel(
    jobs: list[tuple[dict[str, str], Path, str]], threads: int, url: str
) -> tuple[float, list[float]]:
    """Run uploads on `threads` client threads, one user per thread; return wall and latencies."""
    lanes: list[list[tuple[dict[str, str], Path, str]]] = [[] for _ in range(threads)]
    for i, job in enumerate(jobs):
        lanes[i % threads].append(job)

    def lane(work: list[tuple[dict[str, str], Path, str]]) -> list[float]:
        client = Client(url)
        return [client.upload(*job) for job in work]

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(lane, lanes))
    wall = time.perf_counter() - start
    return wall, [s for r in results for s in r]


# ---------------------------------------------------------------- phases against the server


def measure_server(args: argparse.Namespace, base: Path, log: Callable[[str], None]) -> dict:
    """Run every phase against a fresh gunicorn server and return the results."""
    dev: Path = args.dev
    files = sample_files(dev, args.per_kind)
    mixed = [p for pair in zip(files["pdf"], files["docx"], strict=False) for p in pair]
    mixed += files["pdf"][len(files["docx"]) :] + files["docx"][len(files["pdf"]) :]
    jobs = job_texts(dev)
    result: dict[str, Any] = {"memory": {}}
    server = Server(base, args.web_concurrency, args.gunicorn_threads, args.torch_threads)
    try:
        log(f"starting gunicorn: {args.web_concurrency} workers x {args.gunicorn_threads} threads")
        result["startup_s"] = round(server.start(), 2)
        result["memory"]["ready"] = server.snapshot()
        users = Users(server.url)

        # Warm-up: the first uploads in a worker fill per-process caches (occupation vectors,
        # lazy imports); several at once so each worker is likely to get one.
        log("warm-up uploads")
        n_warm = 2 * args.web_concurrency
        warm = [(users.new(), mixed[i % len(mixed)], jobs[0]) for i in range(n_warm)]
        _, warm_latencies = run_parallel(warm, n_warm, server.url)
        result["warmup_upload_ms"] = [round(s * 1000) for s in warm_latencies]
        result["memory"]["after_warmup"] = server.snapshot()

        log("sequential upload latency")
        latency: dict[str, list[float]] = {"pdf": [], "docx": []}
        per_file: dict[str, list[float]] = {}
        client = Client(server.url)
        uploaded: list[dict[str, str]] = []
        for r in range(args.rounds):
            for i, path in enumerate(mixed):
                headers = users.new()
                seconds = client.upload(headers, path, jobs[(i + r) % len(jobs)])
                latency[path.suffix[1:]].append(seconds)
                per_file.setdefault(path.name, []).append(seconds)
                uploaded.append(headers)
        result["upload_latency"] = {k: summary(v) for k, v in latency.items()}
        result["upload_latency_per_file_ms"] = {
            k: round(statistics.median(v) * 1000) for k, v in per_file.items()
        }

        result["memory"]["after_latency"] = server.snapshot()
        log(f"throughput with {args.workers} client threads")
        order = args.workers + args.workers[::-1]
        tp_wall: dict[int, float] = dict.fromkeys(args.workers, 0.0)
        tp_count: dict[int, int] = dict.fromkeys(args.workers, 0)
        tp_lat: dict[int, list[float]] = {w: [] for w in args.workers}
        for threads in order:
            batch = [
                (users.new(), mixed[i % len(mixed)], jobs[i % len(jobs)])
                for i in range(max(args.tp_uploads, threads))
            ]
            wall, lats = run_parallel(batch, threads, server.url)
            tp_wall[threads] += wall
            tp_count[threads] += len(batch)
            tp_lat[threads].extend(lats)
            uploaded.extend(b[0] for b in batch)
        base_rate = tp_count[args.workers[0]] / tp_wall[args.workers[0]]
        result["throughput"] = {
            str(w): {
                "uploads": tp_count[w],
                "wall_s": round(tp_wall[w], 2),
                "uploads_per_s": round(tp_count[w] / tp_wall[w], 3),
                "ratio_vs_first": round(tp_count[w] / tp_wall[w] / base_rate, 2),
                "latency": summary(tp_lat[w]),
            }
            for w in args.workers
        }

        log("search and fit latency")
        qs = queries(dev)
        search_s = []
        for i in range(args.searches):
            headers = uploaded[i % len(uploaded)]
            seconds, response = client.timed(
                "GET",
                "/api/resume/search",
                headers=headers,
                params={"q": qs[i % len(qs)], "k": 5},
            )
            if response.status_code != 200:
                raise RuntimeError(f"search: {response.status_code} {response.text[:200]}")
            search_s.append(seconds)
        fit_s = []
        for i in range(args.fits):
            headers = uploaded[i % len(uploaded)]
            seconds, response = client.timed(
                "POST",
                "/api/resume/fit",
                headers=headers,
                json={"job_description": jobs[(i + 3) % len(jobs)]},
            )
            if response.status_code != 200:
                raise RuntimeError(f"fit: {response.status_code} {response.text[:200]}")
            fit_s.append(seconds)
        result["search"] = summary(search_s)
        result["fit"] = summary(fit_s)

        log("login latency")
        login_s = [client.login(users.names[i % len(users.names)]) for i in range(args.logins)]
        result["login"] = summary(login_s)
        result["register"] = summary(users.register_seconds)
        result["uploads_total"] = len(warm) + len(uploaded)
        result["memory"]["after_uploads"] = server.snapshot()
    finally:
        log("stopping gunicorn")
        result["stray_processes"] = server.stop()
    return result


def measure_torch_comparison(
    args: argparse.Namespace, base: Path, log: Callable[[str], None]
) -> dict:
    """Compare two live servers that differ only in torch threads, uploads interleaved."""
    files = sample_files(args.dev, args.per_kind)
    mixed = [p for pair in zip(files["pdf"], files["docx"], strict=False) for p in pair]
    jobs = job_texts(args.dev)
    labels = [f"OMP {args.torch_threads or 'unset'}", f"OMP {args.compare_torch_threads}"]
    servers = []
    settings = [args.torch_threads, args.compare_torch_threads]
    for label, threads in zip(labels, settings, strict=True):
        folder = base / label.replace(" ", "-")
        folder.mkdir()
        servers.append(Server(folder, args.web_concurrency, args.gunicorn_threads, threads))
    result: dict[str, Any] = {"labels": labels}
    try:
        for label, server in zip(labels, servers, strict=True):
            log(f"comparison: starting server {label}")
            server.start()
        users = [Users(s.url) for s in servers]
        log("comparison: warm-up uploads on both")
        n_warm = 2 * args.web_concurrency
        for s, u in zip(servers, users, strict=True):
            warm = [(u.new(), mixed[i % len(mixed)], jobs[0]) for i in range(n_warm)]
            run_parallel(warm, n_warm, s.url)
        log("comparison: sequential uploads, alternating servers")
        seq: list[list[float]] = [[], []]
        for r in range(args.rounds):
            for i, path in enumerate(mixed):
                # Alternate which server goes first, so drift hits both alike.
                for j in (0, 1) if (i + r) % 2 == 0 else (1, 0):
                    seq[j].append(
                        Client(servers[j].url).upload(users[j].new(), path, jobs[i % len(jobs)])
                    )
        threads = max(args.workers)
        log(f"comparison: throughput with {threads} client threads, A B B A")
        walls = [0.0, 0.0]
        counts = [0, 0]
        for j in (0, 1, 1, 0):
            batch = [
                (users[j].new(), mixed[i % len(mixed)], jobs[i % len(jobs)])
                for i in range(max(args.tp_uploads, threads))
            ]
            wall, _ = run_parallel(batch, threads, servers[j].url)
            walls[j] += wall
            counts[j] += len(batch)
        rates = [c / w for c, w in zip(counts, walls, strict=True)]
        result["sequential_upload"] = {labels[j]: summary(seq[j]) for j in (0, 1)}
        result["sequential_p50_ratio"] = round(percentile(seq[1], 50) / percentile(seq[0], 50), 3)
        result["throughput"] = {
            labels[j]: {
                "client_threads": threads,
                "uploads": counts[j],
                "uploads_per_s": round(rates[j], 3),
            }
            for j in (0, 1)
        }
        result["throughput_ratio"] = round(rates[1] / rates[0], 3)
        result["worker_threads"] = {
            labels[j]: [r["threads"] for r in servers[j].snapshot() if r["role"] == "worker"]
            for j in (0, 1)
        }
    finally:
        log("comparison: stopping both servers")
        result["stray_processes"] = [p for s in servers for p in s.stop()]
    return result


# ---------------------------------------------------------------- stages in-process


STAGES = [
    "sniff_kind",
    "write_pending",
    "extract_text",
    "parse_resume",
    "chunk",
    "embed",
    "analyze_fit",
    "commit",
]


def measure_stages(args: argparse.Namespace, base: Path, log: Callable[[str], None]) -> dict:
    """Time each stage of one upload in this process with the functions the service calls."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from bench._app import throwaway_app
    from models import User, db
    from rag import embeddings
    from rag.store import IndexStore
    from resume import extract
    from resume.fit import analyze_fit
    from services import ingest

    stage_dir = base / "stages"
    stage_dir.mkdir(exist_ok=True)
    app = throwaway_app(stage_dir)
    files = sample_files(args.dev, args.per_kind)
    jobs = job_texts(args.dev)
    log("stages in-process: loading the model")
    with app.app_context():
        settings = ingest.Settings.from_config(app.config)
        store = IndexStore(app.config["DATA_DIR"])
        user = User(
            username="stages",
            email="stages@example.com",
            password_hash="x",
            skills=[],
            manual_skills=[],
        )
        db.session.add(user)
        db.session.commit()
        extract.warm_up()
        embeddings.embed(["warm up"])
        # The first analyze_fit in a process embeds the occupation profiles once.
        start = time.perf_counter()
        analyze_fit(
            resume_text="Python engineer",
            resume_skills=["Python"],
            candidate_years=1.0,
            jd_text=jobs[0],
            embed=embeddings.embed_texts,
        )
        first_fit = time.perf_counter() - start
        timings: dict[str, dict[str, list[float]]] = {
            kind: {s: [] for s in STAGES} for kind in ("pdf", "docx")
        }
        chunk_counts: dict[str, list[int]] = {"pdf": [], "docx": []}
        log("stages in-process: timing")
        for r in range(args.rounds):
            for kind, paths in files.items():
                for i, path in enumerate(paths):
                    data = path.read_bytes()
                    jd = jobs[(i + r) % len(jobs)]
                    t = timings[kind]
                    clock = time.perf_counter()

                    def lap(stage: str, t: dict[str, list[float]] = t) -> None:
                        nonlocal clock
                        now = time.perf_counter()
                        t[stage].append(now - clock)
                        clock = now

                    prep = ingest.prepare(user.id, data, path.name, jd, settings, lap=lap)
                    clock = time.perf_counter()
                    ingest.commit(user, prep, store, settings)
                    lap("commit")
                    chunk_counts[kind].append(len(prep.chunks))
    result: dict[str, Any] = {"first_analyze_fit_ms": round(first_fit * 1000)}
    for kind in ("pdf", "docx"):
        med = {s: statistics.median(v) for s, v in timings[kind].items() if v}
        total = sum(med.values())
        result[kind] = {
            "n": len(timings[kind]["commit"]),
            "total_ms": round(total * 1000),
            "chunks_median": statistics.median(chunk_counts[kind]) if chunk_counts[kind] else 0,
            "stages": {
                s: {"ms": round(m * 1000, 1), "share": round(m / total, 3) if total else 0.0}
                for s, m in med.items()
            },
        }
    return result


# ---------------------------------------------------------------- report


def print_report(res: dict, args: argparse.Namespace) -> None:
    """Print the compact tables."""
    srv = res.get("server", {})
    print()
    print(
        f"api_bench  {res['when']}  {res['cpus']} CPUs (shared with other agents: absolute times "
        f"are context, ratios are the figures)  load before {res['load_before']} after "
        f"{res['load_after']}"
    )
    print(
        f"gunicorn {args.web_concurrency} workers x {args.gunicorn_threads} threads, "
        f"OMP_NUM_THREADS {args.torch_threads or 'unset'}, "
        f"startup to ready {srv.get('startup_s')} s, uploads {srv.get('uploads_total')}"
    )
    print()
    print(f"{'latency (ms)':34} {'n':>4} {'p50':>8} {'p95':>8}")
    rows = [(f"upload {k.upper()} (1 client)", v) for k, v in srv["upload_latency"].items()]
    rows += [
        ("GET /api/resume/search", srv["search"]),
        ("POST /api/resume/fit", srv["fit"]),
        ("POST /api/register", srv["register"]),
        ("POST /api/login", srv["login"]),
    ]
    for name, s in rows:
        print(f"{name:34} {s['n']:>4} {s['p50_ms']:>8.0f} {s['p95_ms']:>8.0f}")
    print(f"warm-up uploads (first per worker) ms: {srv['warmup_upload_ms']}")
    print()
    print(
        f"{'throughput, client threads':28} {'uploads':>7} {'wall s':>7} {'up/s':>6} "
        f"{'ratio':>6} {'p50 ms':>7} {'p95 ms':>7}"
    )
    for w, t in srv["throughput"].items():
        print(
            f"{w:28} {t['uploads']:>7} {t['wall_s']:>7.1f} {t['uploads_per_s']:>6.2f} "
            f"{t['ratio_vs_first']:>6.2f} {t['latency']['p50_ms']:>7.0f} "
            f"{t['latency']['p95_ms']:>7.0f}"
        )
    print()
    print(
        f"{'memory (MiB)':28} {'ready RSS':>10} {'warm RSS':>10} {'end RSS':>10} "
        f"{'end PSS':>8} {'peak':>7}"
    )
    snaps = srv["memory"]
    by_pid: dict[int, dict[str, Any]] = {}
    for phase in ("ready", "after_warmup", "after_uploads"):
        for row in snaps.get(phase, []):
            by_pid.setdefault(row["pid"], {"role": row["role"]})[phase] = row

    def cell(entry: dict, phase: str, key: str = "rss_mib") -> str:
        return f"{entry[phase][key]:.0f}" if phase in entry else "-"

    for pid, entry in by_pid.items():
        if entry["role"] == "extract-child":
            continue
        last = entry.get("after_uploads") or entry.get("after_warmup") or entry.get("ready")
        print(
            f"{entry['role'] + ' ' + str(pid):28} {cell(entry, 'ready'):>10} "
            f"{cell(entry, 'after_warmup'):>10} {cell(entry, 'after_uploads'):>10} "
            f"{cell(entry, 'after_uploads', 'pss_mib'):>8} {last['peak_rss_mib']:>7.0f}"
        )
    for phase in ("ready", "after_warmup", "after_uploads"):
        tot = memory_totals([r for r in snaps.get(phase, []) if r["role"] != "extract-child"])
        print(f"  total {phase:14} RSS {tot['rss_mib']:.0f}  PSS {tot['pss_mib']:.0f}")
    st = res.get("stages")
    if st:
        print()
        print(
            f"upload stages in-process (median ms, share of total)  "
            f"first analyze_fit in a process: {st['first_analyze_fit_ms']} ms"
        )
        print(f"{'stage':20} {'PDF ms':>8} {'PDF %':>6} {'DOCX ms':>8} {'DOCX %':>7}")
        for stage in STAGES:
            p = st["pdf"]["stages"].get(stage, {"ms": 0, "share": 0})
            d = st["docx"]["stages"].get(stage, {"ms": 0, "share": 0})
            print(
                f"{stage:20} {p['ms']:>8.1f} {p['share'] * 100:>5.1f}% {d['ms']:>8.1f} "
                f"{d['share'] * 100:>6.1f}%"
            )
        print(f"{'total':20} {st['pdf']['total_ms']:>8} {'':>6} {st['docx']['total_ms']:>8}")
        print(
            f"{'chunks (median)':20} {st['pdf']['chunks_median']:>8} {'':>6} "
            f"{st['docx']['chunks_median']:>8}"
        )
    cmp = res.get("torch_comparison")
    if cmp:
        a, b = cmp["labels"]
        print()
        print(f"torch threads side by side ({a} vs {b}), uploads interleaved")
        for label in (a, b):
            s = cmp["sequential_upload"][label]
            t = cmp["throughput"][label]
            print(
                f"  {label:10} 1-client upload p50 {s['p50_ms']:>6.0f} ms (n {s['n']}), "
                f"{t['client_threads']} clients {t['uploads_per_s']:.2f} uploads/s"
            )
        print(
            f"  ratio {b} / {a}: 1-client p50 {cmp['sequential_p50_ratio']:.2f}, "
            f"throughput {cmp['throughput_ratio']:.2f}"
        )
    strays = len(srv.get("stray_processes", [])) + len((cmp or {}).get("stray_processes", []))
    print()
    print(f"stray processes after stop: {strays}")


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=1, help="passes over the sampled resumes")
    ap.add_argument("--per-kind", type=int, default=2, help="resumes sampled per kind")
    ap.add_argument("--workers", default="1,2,4", help="client thread counts for throughput")
    ap.add_argument("--tp-uploads", type=int, default=4, help="uploads per throughput pass")
    ap.add_argument("--searches", type=int, default=30)
    ap.add_argument("--fits", type=int, default=10)
    ap.add_argument("--logins", type=int, default=8)
    ap.add_argument("--web-concurrency", type=int, default=2)
    ap.add_argument("--gunicorn-threads", type=int, default=2)
    ap.add_argument(
        "--torch-threads", type=int, default=0, help="OMP_NUM_THREADS for the server (0: unset)"
    )
    ap.add_argument(
        "--compare-torch-threads",
        type=int,
        default=0,
        help="also run two servers side by side, the second with this OMP_NUM_THREADS",
    )
    ap.add_argument("--no-stages", action="store_true", help="skip the in-process breakdown")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(list(argv) if argv is not None else None)
    args.workers = [int(w) for w in args.workers.split(",") if w.strip()]
    return args


def main(argv: Iterable[str] | None = None) -> int:
    """Run the benchmark, print the tables and write the JSON."""
    args = parse_args(argv)
    if not args.dev.is_dir():
        print(f"dev set not found at {args.dev}", file=sys.stderr)
        return 2
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    # A TERM to us must still stop the server: turn it into the same unwinding as Ctrl-C.
    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    res: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_before": load_average(),
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "note": "shared machine: ratios are the figures, absolute times are context",
    }
    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        base = Path(tmp)
        res["server"] = measure_server(args, base, log)
        if args.compare_torch_threads:
            res["torch_comparison"] = measure_torch_comparison(args, base, log)
        if not args.no_stages:
            res["stages"] = measure_stages(args, base, log)
            from resume import extract

            # Our own fork server: stop it before the temp folder goes.
            server = extract._fork_server
            if server is not None:
                server._discard()
    res["load_after"] = load_average()
    res["seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2))
    print_report(res, args)
    print(f"total {res['seconds']} s; JSON in {args.out}")
    strays = res["server"]["stray_processes"] + res.get("torch_comparison", {}).get(
        "stray_processes", []
    )
    return 1 if strays else 0


if __name__ == "__main__":
    sys.exit(main())
