"""Peak RSS per gunicorn worker after uploads and searches, for settings given on the command line.

Usage: .venv/bin/python -m bench.worker_memory [VARIANT ...]
A variant is `default` or comma-separated environment settings, e.g. `MALLOC_ARENAS=0` or
`MALLOC_ARENAS=0,MALLOC_ARENA_MAX=2`. Each variant runs its own server (2 workers x 2 threads,
SQLite): cold start to the first upload, 16 uploads by new users, one more and 40 searches; it
prints each worker's VmHWM when ready and at the end. Variants run one after the other, so
compare them within one run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.api_bench import DEFAULT_DEV, Client, Server, Users, job_texts
from bench.embed_backends import worker_peaks
from bench.run_all import cold_start
from bench.throughput import search_ms

UPLOADS = 16
SEARCHES = 40


def measure(settings: dict[str, str]) -> tuple[list[float], list[float]]:
    """Return the workers' peak RSS (MiB) when ready and after the uploads and searches."""
    with tempfile.TemporaryDirectory(prefix="worker-memory-") as tmp:
        base = Path(tmp) / "app"
        base.mkdir()
        server = Server(base, 2, 2)
        server.env.update(settings)
        try:
            pdfs = sorted(DEFAULT_DEV.glob("*.pdf"))
            jobs = job_texts(DEFAULT_DEV)
            cold_start(server, pdfs[0], jobs[0])
            server.wait_ready()
            ready = worker_peaks(server)
            users, client = Users(server.url), Client(server.url)
            for i in range(UPLOADS):
                client.upload(users.new(), pdfs[i % len(pdfs)], jobs[i % len(jobs)])
            _, headers = client.register("searcher")
            client.upload(headers, pdfs[1], jobs[1])
            search_ms(client, headers, DEFAULT_DEV, SEARCHES)
            return ready, worker_peaks(server)
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    """Measure each variant and print one line per variant."""
    variants = (argv if argv is not None else sys.argv[1:]) or ["default"]
    for variant in variants:
        settings = dict(kv.split("=", 1) for kv in variant.split(",") if "=" in kv)
        ready, end = measure(settings)
        print(f"{variant}: ready {ready} MiB, after uploads and searches {end} MiB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
