"""`make bench`: the service's speed and memory figures, side by side in one run, as one table.

usage: python -m bench.run_all [--quick] [--dev DIR] [--out bench/out/run_all.json]

One gunicorn server with the deployed settings (gunicorn.conf.py: 2 workers x 2 threads, rate
limits on, the default ONNX backend), on a throwaway SQLite database and folders, and in this
process the floor and the index measurements:
- cold start: from starting gunicorn (after migrating) to the first successful upload;
- uploads of dev PDFs (each by a new user, with a dev job description) against the floor,
  pdfplumber's text plus one PyTorch batch encode of that text's and the job's chunks, in this
  process, in A B B A order per file: p50 and p95 as ratios;
- search (GET /api/resume/search, distinct dev questions) p50 and p95;
- answer scoring (POST /api/interview/answer, bank questions, human answers from
  ../shared/eval/answers/dev.csv) p50 and p95;
- GET /api/profile against a bare Flask route returning the same JSON, same gunicorn settings,
  same wrk load, A B B A (bench/throughput.py);
- each worker's peak RSS (VmHWM) when ready and at the end;
- index size and search time at 10, 100 and 1,000 chunks per user, and with 10,000 users'
  indexes on disk against one user alone (bench/index_scale.py).
Ratios are the figures; absolute times are context, with the load average they ran at.
Writes bench/out/run_all.json. About 3 minutes on 2 cores; --quick about 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from bench import index_scale
from bench.api_bench import (
    DEFAULT_DEV,
    ROOT,
    Client,
    Server,
    Users,
    job_texts,
    load_average,
    percentile,
    summary,
)
from bench.embed_backends import abba, pdf_text, worker_peaks
from bench.throughput import BUSY_ACCOUNT_LIMITS, profile_rounds, search_ms, wait_idle

DEFAULT_OUT = ROOT / "bench" / "out" / "run_all.json"
ANSWERS_CSV = ROOT.parent / "shared" / "eval" / "answers" / "dev.csv"
FALLBACK_ANSWER = "I would profile first, then fix the slowest part and measure again."


def cold_start(server: Server, pdf: Path, jd: str, limit: float = 300) -> float:
    """Start gunicorn and return the seconds until a first upload succeeds."""
    started = server.launch()
    client = Client(server.url)
    deadline = time.monotonic() + limit
    headers = None
    while time.monotonic() < deadline:
        try:
            if headers is None:
                _, headers = client.register("coldstart")
            client.upload(headers, pdf, jd)  # raises unless the answer is a 200
            return time.perf_counter() - started
        except (requests.RequestException, RuntimeError):
            pass
        time.sleep(0.2)
    raise RuntimeError("no upload succeeded within the cold-start limit")


def uploads_vs_floor(server: Server, args: argparse.Namespace, log) -> dict[str, Any]:
    """Upload dev PDFs through the API and time the floor beside each, A B B A."""
    from rag import embeddings

    pdfs = sorted(args.dev.glob("*.pdf"))[: args.files]
    jobs = job_texts(args.dev)
    log("loading the PyTorch floor model in this process")
    torch_model = embeddings.TorchEmbedder(embeddings._bundled_path())
    # The floor's chunks, made beforehand: the floor is the extraction and one model call.
    chunks = [
        embeddings.chunk_texts(pdf_text(p)) + embeddings.chunk_texts(jobs[i % len(jobs)])
        for i, p in enumerate(pdfs)
    ]
    torch_model.encode(chunks[0], embeddings.BATCH_SIZE)  # warm
    users = Users(server.url)
    client = Client(server.url)
    times: dict[str, list[float]] = {"upload": [], "floor": []}
    turn = 0
    for r in range(args.upload_rounds):
        log(f"uploads against the floor, round {r + 1}/{args.upload_rounds}")
        for i, pdf in enumerate(pdfs):
            for variant in abba(["floor", "upload"], turn):
                if variant == "floor":
                    start = time.perf_counter()
                    pdf_text(pdf)
                    torch_model.encode(chunks[i], embeddings.BATCH_SIZE)
                    times["floor"].append(time.perf_counter() - start)
                else:
                    jd = jobs[i % len(jobs)]
                    times["upload"].append(client.upload(users.new(), pdf, jd))
            turn += 1
    return {
        "upload": summary(times["upload"]),
        "floor": summary(times["floor"]),
        "p50_vs_floor": round(percentile(times["upload"], 50) / percentile(times["floor"], 50), 3),
        "p95_vs_floor": round(percentile(times["upload"], 95) / percentile(times["floor"], 95), 3),
    }


def _answers(count: int) -> list[str]:
    if not ANSWERS_CSV.is_file():
        return [FALLBACK_ANSWER] * count
    with open(ANSWERS_CSV, newline="", encoding="utf-8") as fh:
        rows = [r["student_answer"] for r in csv.DictReader(fh) if r["student_answer"].strip()]
    return [rows[(i * 37) % len(rows)] for i in range(count)]


def answer_ms(client: Client, headers: dict[str, str], count: int) -> list[float]:
    """Answer bank questions through the API (after 3 untimed); return milliseconds."""
    _, response = client.timed(
        "GET",
        "/api/interview/questions",
        headers=headers,
        params={"kind": "technical", "count": 10},
    )
    if response.status_code != 200:
        raise RuntimeError(f"questions: {response.status_code} {response.text[:200]}")
    ids = [q["id"] for q in response.json()["questions"]]
    times = []
    for i, text in enumerate(_answers(count + 3)):
        body = {"question_id": ids[i % len(ids)], "answer": text}
        seconds, answered = client.timed(
            "POST", "/api/interview/answer", headers=headers, json=body
        )
        if answered.status_code != 200:
            raise RuntimeError(f"answer: {answered.status_code} {answered.text[:200]}")
        if i >= 3:
            times.append(seconds * 1000)
    return times


def measure(args: argparse.Namespace, base: Path, log) -> dict[str, Any]:
    """Run the server phases, then the in-process index phase; return every figure."""
    res: dict[str, Any] = {"load": {"start": load_average()}}
    pdfs = sorted(args.dev.glob("*.pdf"))
    jobs = job_texts(args.dev)
    (base / "app").mkdir()
    server = Server(base / "app", args.web_concurrency, args.gunicorn_threads)
    server.env.update(BUSY_ACCOUNT_LIMITS)
    try:
        log("cold start: gunicorn to the first successful upload")
        res["cold_start_s"] = round(cold_start(server, pdfs[0], jobs[0]), 2)
        server.wait_ready()
        wait_idle(server.proc.pid, log)
        res["peak_rss_ready_mib"] = worker_peaks(server)
        res["uploads"] = uploads_vs_floor(server, args, log)
        res["load"]["after_uploads"] = load_average()

        client = Client(server.url)
        _, headers = client.register("searcher")
        client.upload(headers, pdfs[0], jobs[0])
        log("searches")
        res["search"] = summary(
            [ms / 1000 for ms in search_ms(client, headers, args.dev, args.searches)]
        )
        log("answers")
        res["answer"] = summary([ms / 1000 for ms in answer_ms(client, headers, args.answers)])
        res["load"]["after_search_answer"] = load_average()
        if shutil.which("wrk"):
            log("profile throughput against the bare route")
            res["profile"] = profile_rounds(server, headers, args, base, log)
        else:
            log("wrk not found (apt-get install wrk): profile throughput skipped")
        res["peak_rss_end_mib"] = worker_peaks(server)
    finally:
        res["stray_processes"] = server.stop()
    log("index size and search time (in-process)")
    res["index"] = index_scale.measure(args.users, 12, args.index_searches, base / "index", log)
    res["load"]["end"] = load_average()
    return res


def _profile_summary(profile: dict) -> dict[str, float]:
    svc = [r["rps"] for r in profile["runs"]["service"]]
    bare = [r["rps"] for r in profile["runs"]["bare"]]
    pairs = [s / b for s, b in zip(svc, bare, strict=True)]
    cpu = {k: sum(r["cpu_us_per_request"] for r in profile["runs"][k]) for k in ("service", "bare")}
    n = len(svc)
    return {
        "ratio": round(sum(svc) / sum(bare), 3),
        "cpu_ratio": round(cpu["bare"] / cpu["service"], 3),
        "service_cpu_us": round(cpu["service"] / n),
        "bare_cpu_us": round(cpu["bare"] / n),
        "pairs_min": round(min(pairs), 3),
        "pairs_max": round(max(pairs), 3),
        "service_rps": round(sorted(svc)[len(svc) // 2]),
        "bare_rps": round(sorted(bare)[len(bare) // 2]),
        "non_2xx": sum(r["non_2xx"] for r in profile["runs"]["service"]),
    }


def table(res: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Return the rows (measure, figure, target, context) of the one table."""
    up, idx = res["uploads"], res["index"]
    rows = [
        (
            "upload p50 / floor p50",
            f"{up['p50_vs_floor']:.2f}",
            "<= 0.6",
            f"{up['upload']['p50_ms']:.0f} ms vs {up['floor']['p50_ms']:.0f} ms, "
            f"{up['upload']['n']} uploads",
        ),
        (
            "upload p95 / floor p95",
            f"{up['p95_vs_floor']:.2f}",
            "",
            f"{up['upload']['p95_ms']:.0f} ms vs {up['floor']['p95_ms']:.0f} ms",
        ),
        (
            "search p50 / p95",
            f"{res['search']['p50_ms']:.1f} / {res['search']['p95_ms']:.1f} ms",
            "p50 <= 10 ms",
            f"{res['search']['n']} dev questions",
        ),
        (
            "answer scoring p50 / p95",
            f"{res['answer']['p50_ms']:.0f} / {res['answer']['p95_ms']:.0f} ms",
            "",
            f"{res['answer']['n']} answers",
        ),
    ]
    if "profile" in res:
        p = res["profile_summary"] = _profile_summary(res["profile"])
        rows.append(
            (
                "GET /api/profile req/s / bare route",
                f"{p['ratio']:.2f} (pairs {p['pairs_min']:.2f}-{p['pairs_max']:.2f})",
                ">= 0.5",
                f"{p['service_rps']} vs {p['bare_rps']} req/s, {p['non_2xx']} non-2xx",
            )
        )
        rows.append(
            (
                "worker CPU per request, bare route / GET /api/profile",
                f"{p['cpu_ratio']:.2f}",
                ">= 0.5",
                f"{p['bare_cpu_us']} vs {p['service_cpu_us']} us (steadier on a shared machine)",
            )
        )
    peak = max(res["peak_rss_end_mib"] + res["peak_rss_ready_mib"])
    rows += [
        (
            "peak RSS per worker",
            f"{peak:.0f} MiB ({peak * 1.048576:.0f} MB)",
            "<= 400 MB",
            f"ready {res['peak_rss_ready_mib']}, end {res['peak_rss_end_mib']} MiB",
        ),
        ("cold start to first upload", f"{res['cold_start_s']:.1f} s", "", "gunicorn start"),
    ]
    base = idx["per_user"][10]["warm"]["p50_ms"]
    for n, entry in idx["per_user"].items():
        rows.append(
            (
                f"index of {n} chunks: search / 10-chunk search",
                f"{entry['warm']['p50_ms'] / base:.1f}",
                "",
                f"{entry['index_bytes'] / 1024:.0f} KiB; warm {entry['warm']['p50_ms']:.2f} ms,"
                f" cold {entry['cold']['p50_ms']:.2f} ms",
            )
        )
    crowd = idx["crowd"]
    rows.append(
        (
            f"{crowd['users']:,} users on disk: search / one user alone",
            f"warm {idx['crowd_vs_alone']['warm']:.2f}, cold {idx['crowd_vs_alone']['cold']:.2f}",
            "~1",
            f"{crowd['disk_bytes'] / 2**20:.0f} MiB on disk; warm {crowd['warm']['p50_ms']:.2f}"
            f" ms, cold {crowd['cold']['p50_ms']:.2f} ms",
        )
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer samples: about half the time")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--web-concurrency", type=int, default=2)
    ap.add_argument("--gunicorn-threads", type=int, default=2)
    ap.add_argument("--users", type=int, default=10_000, help="users' indexes on disk")
    args = ap.parse_args(argv)
    quick = args.quick
    args.files, args.upload_rounds = (3, 1) if quick else (6, 2)
    args.searches, args.answers = (30, 10) if quick else (60, 20)
    args.seconds, args.connections = (3 if quick else 5), 8
    args.index_searches = 50 if quick else 200
    args.rounds = 1 if quick else 3  # wrk rounds of A B B A: the rate swings on shared cores

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        res = measure(args, Path(tmp), log)
    res["seconds"] = round(time.perf_counter() - started)
    rows = table(res)
    print("\n| measure | figure | target | context |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    load = res["load"]
    print(
        f"\nload average (1, 5, 15 min): start {load['start']}, end {load['end']};"
        f" {res['seconds']} s in all"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
