"""How gunicorn's workers share wrk's keep-alive connections, per worker class, side by side.

Usage: .venv/bin/python -m bench.accept_spread [--runs 6] [--workers 2] [--connections 8]

Starts the service under gunicorn (gunicorn.conf.py, throwaway SQLite) once with the service's
worker class (gunicorn_worker.BalancedThreadWorker) and once with gunicorn's own gthread, both
on one shared listening socket (GUNICORN_REUSE_PORT=0). Each run loads GET /api/health with
wrk for 3 s and, halfway through, counts each worker's established connections (/proc).
Prints the split and the request rate of every run. Needs wrk (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import established_by_pid, running_server, workers  # noqa: E402

CLASSES = {"balanced (default)": "", "gthread": "--worker-class gthread"}


def spread(worker_args: str, args: argparse.Namespace) -> list[tuple[list[int], float]]:
    """Start one server with these gunicorn arguments; return (split, req/s) per wrk run."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="spread-") as tmp:
        settings = {
            "WEB_CONCURRENCY": str(args.workers),
            "GUNICORN_REUSE_PORT": "0",
            "GUNICORN_CMD_ARGS": worker_args,
        }
        with running_server(Path(tmp), **settings) as (url, proc):
            port = int(url.rsplit(":", 1)[1])
            for _ in range(args.runs):
                cmd = ["wrk", "-t1", f"-c{args.connections}", "-d3s", url + "/api/health"]
                wrk = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
                time.sleep(1.5)
                counts = established_by_pid(workers(proc.pid), port)
                out = wrk.communicate()[0]
                rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
                runs.append((sorted(counts.values()), float(rate.group(1)) if rate else 0.0))
    return runs


def main(argv: list[str] | None = None) -> int:
    """Measure both worker classes and print each run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--connections", type=int, default=8)
    args = ap.parse_args(argv)
    for name, worker_args in CLASSES.items():
        runs = spread(worker_args, args)
        splits = "; ".join(f"{split} {rate:.0f} req/s" for split, rate in runs)
        print(f"{name}: {splits}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
