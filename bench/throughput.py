"""Profile throughput against a bare Flask route, and search latency, side by side in one run.

Usage: .venv/bin/python -m bench.throughput [--seconds 8] [--rounds 2] [--connections 8]
       [--searches 60] [--web-concurrency 2] [--gunicorn-threads 2] [--out FILE]

Starts two gunicorn servers with the same settings (gunicorn.conf.py): the real service
(throwaway SQLite, limits on as deployed) and bench/_bare.py, a bare Flask route that returns
the same JSON body GET /api/profile returned. wrk loads each in turn, A B B A per round, so a
drift of the shared machine hits both alike; the figure is the ratio of their request rates.
Then one user uploads a dev PDF and GET /api/resume/search is timed (p50, p95). Absolute
numbers are context only. Needs wrk (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.api_bench import (
    BIN,
    DEFAULT_DEV,
    ROOT,
    Client,
    Server,
    children,
    free_port,
    load_average,
    percentile,
    queries,
)

DEFAULT_OUT = ROOT / "bench" / "out" / "throughput.json"


class BareServer:
    """bench/_bare.py under gunicorn with the service's settings, on loopback."""

    def __init__(self, base: Path, body: dict, workers: int, threads: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "BARE_BODY": json.dumps(body),
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_THREADS": str(threads),
        }
        self.log = base / "bare.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start gunicorn and wait for the route to answer."""
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [BIN / "gunicorn", "-c", "bench/bare_gunicorn.conf.py", "bench._bare:app"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/api/profile", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.3)
        raise RuntimeError(f"bare gunicorn did not start; see {self.log}")

    def stop(self) -> None:
        """Stop gunicorn (TERM, then KILL)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


def cpu_seconds(pids: list[int]) -> float:
    """Return the CPU seconds (user + system) the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def wait_idle(master: int, log, limit: float = 300) -> None:
    """Wait until the workers' background warm-up (model, occupation vectors) has finished."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        pids = children(master)
        before = cpu_seconds(pids)
        time.sleep(2)
        if cpu_seconds(pids) - before < 0.2:
            return
    log("workers still busy after the wait; measuring anyway")


def wrk(url: str, headers: dict[str, str], seconds: int, connections: int) -> dict:
    """Run wrk once against url and return requests per second and non-2xx count."""
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    return {
        "rps": rps,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "p50_ms": float(p50.group(1)) * scale[p50.group(2)] if p50 else None,
    }


def profile_rounds(
    server: Server, headers: dict[str, str], args: argparse.Namespace, base: Path, log
) -> dict:
    """Start the bare route with the profile's JSON and load both with wrk, A B B A per round.

    Each run also records the workers' CPU time per request: steadier than the request rate
    on a shared machine, since time other processes take is not counted.
    """
    url = server.url
    body = requests.get(url + "/api/profile", headers=headers, timeout=30).json()
    bare = BareServer(base, body, args.web_concurrency, args.gunicorn_threads)
    try:
        bare.start()
        if requests.get(bare.url + "/api/profile", timeout=30).json() != body:
            raise RuntimeError("the bare route does not return the same JSON")
        # Warm both (connections, lazy imports) before anything counts.
        wrk(url + "/api/profile", headers, 2, args.connections)
        wrk(bare.url + "/api/profile", {}, 2, args.connections)
        runs: dict[str, list[dict]] = {"service": [], "bare": []}
        loads = [load_average()]
        masters = {"service": server.proc.pid, "bare": bare.proc.pid}
        for r in range(args.rounds):
            for which in ("service", "bare", "bare", "service"):
                target = (url if which == "service" else bare.url) + "/api/profile"
                auth = headers if which == "service" else {}
                workers = children(masters[which])
                cpu = cpu_seconds(workers)
                res = wrk(target, auth, args.seconds, args.connections)
                served = res["rps"] * args.seconds
                res["cpu_us_per_request"] = (cpu_seconds(workers) - cpu) / served * 1e6
                runs[which].append(res)
                log(
                    f"round {r + 1} {which}: {res['rps']:.0f} req/s, "
                    f"{res['cpu_us_per_request']:.0f} us worker CPU per request"
                )
            loads.append(load_average())
        return {"runs": runs, "loads": loads}
    finally:
        bare.stop()


# Rate limits stay on (their check is part of every request's cost), but one benchmark account
# sends far more searches and answers a minute than a person would: those two are raised.
BUSY_ACCOUNT_LIMITS = {
    "RATELIMIT_ENABLED": "1",
    "RATELIMIT_SEARCH": "100000 per minute",
    "RATELIMIT_PRACTICE": "100000 per minute",
}


def search_ms(client: Client, headers: dict[str, str], dev: Path, count: int) -> list[float]:
    """Time count searches of distinct dev questions (after 5 untimed); return milliseconds."""
    qs = queries(dev)
    times: list[float] = []
    for i in range(count + 5):
        seconds, response = client.timed(
            "GET", "/api/resume/search", headers=headers, params={"q": qs[i % len(qs)]}
        )
        if response.status_code != 200:
            raise RuntimeError(f"search: {response.status_code} {response.text[:200]}")
        if i >= 5:
            times.append(seconds * 1000)
    return times


def measure(args: argparse.Namespace, base: Path, log) -> dict:
    """Run the service, the ABBA throughput rounds against the bare route, then the searches."""
    server = Server(base / "app", args.web_concurrency, args.gunicorn_threads)
    server.env.update(BUSY_ACCOUNT_LIMITS)
    (base / "app").mkdir()
    try:
        log("starting the service")
        server.start()
        wait_idle(server.proc.pid, log)
        client = Client(server.url)
        _, headers = client.register("tpuser")
        res = profile_rounds(server, headers, args, base, log)
        log("search: one upload, then timed searches")
        pdf = sorted(args.dev.glob("*.pdf"))[0] if args.dev.exists() else None
        res["search_ms"] = []
        if pdf is not None:
            jobs = sorted((args.dev / "jobs").glob("*.txt"))
            client.upload(headers, pdf, jobs[0].read_text() if jobs else "Python developer")
            res["search_ms"] = search_ms(client, headers, args.dev, args.searches)
        return res
    finally:
        server.stop()


def report(res: dict) -> dict:
    """Print the table of ratios and return the summary."""
    svc = [r["rps"] for r in res["runs"]["service"]]
    bare = [r["rps"] for r in res["runs"]["bare"]]
    pairs = [s / b for s, b in zip(svc, bare, strict=True)]
    s = res["search_ms"]
    cpu = {k: [r["cpu_us_per_request"] for r in res["runs"][k]] for k in ("service", "bare")}
    summary = {
        "profile_vs_bare": sum(svc) / sum(bare),
        "bare_cpu_vs_profile_cpu": sum(cpu["bare"]) / sum(cpu["service"]),
        "profile_vs_bare_min": min(pairs),
        "profile_vs_bare_max": max(pairs),
        "service_rps_median": sorted(svc)[len(svc) // 2],
        "bare_rps_median": sorted(bare)[len(bare) // 2],
        "non_2xx": sum(r["non_2xx"] for r in res["runs"]["service"]),
        "search_p50_ms": percentile(s, 50) if s else None,
        "search_p95_ms": percentile(s, 95) if s else None,
        "load_average": res["loads"],
    }
    print()
    print("| figure | value | target |")
    print("| --- | --- | --- |")
    print(
        f"| GET /api/profile req/s / bare route | {summary['profile_vs_bare']:.2f} "
        f"(pairs {summary['profile_vs_bare_min']:.2f}-{summary['profile_vs_bare_max']:.2f}) "
        "| >= 0.5 |"
    )
    print(
        "| worker CPU per request, bare route / GET /api/profile | "
        f"{summary['bare_cpu_vs_profile_cpu']:.2f} | >= 0.5 |"
    )
    print(f"| non-2xx answers under load | {summary['non_2xx']} | 0 |")
    if s:
        print(f"| search p50 ms | {summary['search_p50_ms']:.1f} | <= 10 |")
        print(f"| search p95 ms | {summary['search_p95_ms']:.1f} | |")
    print(
        f"context: service {summary['service_rps_median']:.0f} req/s, bare "
        f"{summary['bare_rps_median']:.0f} req/s (medians); load average {res['loads']}"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--searches", type=int, default=60)
    ap.add_argument("--web-concurrency", type=int, default=2)
    ap.add_argument("--gunicorn-threads", type=int, default=2)
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 2

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        res = measure(args, Path(tmp), log)
    summary = report(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, **res}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
