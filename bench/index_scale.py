"""Per-user index size and search time as a user's chunks and the users on disk grow.

usage: python -m bench.index_scale [--users 10000] [--chunks-each 12] [--searches 200]

Runs in-process on the real rag.store.IndexStore and rag.search.hybrid_search (the service's
search after the query is embedded), on synthetic unit vectors in a temp folder:
- one user with 10, 100 and 1,000 chunks: the index file's size, and the search time warm
  (the parsed index cached, as a worker keeps it) and cold (a fresh store reads, checks and
  parses the file, as after another host or worker wrote it);
- the same search with 10,000 users' indexes on disk (12 chunks each, about a resume), of a
  user among them, warm and cold, against one user alone.
Search times are for the store and the hybrid ranking; the query's embedding (one short
question, bench/run_all.py measures it through the API) is not included. Vectors are random,
so the FAISS work is the same as for real ones; chunk texts are dev-resume-like sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.api_bench import ROOT, load_average, percentile

DIMENSION = 384
SIZES = (10, 100, 1000)
DEFAULT_OUT = ROOT / "bench" / "out" / "index_scale.json"
_WORDS = [
    "python",
    "java",
    "sql",
    "docker",
    "kubernetes",
    "react",
    "led",
    "team",
    "built",
    "designed",
    "migrated",
    "reduced",
    "latency",
    "improved",
    "pipeline",
    "university",
    "degree",
    "award",
    "project",
    "managed",
    "customers",
    "analysis",
    "data",
    "cloud",
    "aws",
    "testing",
    "api",
    "service",
    "platform",
    "mentoring",
    "research",
    "published",
    "volunteer",
]


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    matrix = rng.standard_normal((n, DIMENSION)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def _texts(rng: np.random.Generator, n: int) -> dict[int, str]:
    return {i: " ".join(rng.choice(_WORDS, size=24)) for i in range(n)}


def _search_ms(store_for, user_id: int, texts: dict[int, str], queries: np.ndarray) -> list[float]:
    from rag.search import hybrid_search

    times = []
    for vector in queries:
        store = store_for()
        start = time.perf_counter()
        hybrid_search(
            store, user_id, "python team lead", texts, 3, embed=lambda _, v=vector: v[None, :]
        )
        times.append((time.perf_counter() - start) * 1000)
    return times


def _summary(times: list[float]) -> dict[str, float]:
    return {"p50_ms": round(percentile(times, 50), 3), "p95_ms": round(percentile(times, 95), 3)}


def measure(users: int, chunks_each: int, searches: int, base: Path, log) -> dict[str, Any]:
    """Build the indexes, time the searches and return the figures."""
    from rag.store import INDEX_FILE, IndexStore

    rng = np.random.default_rng(11)
    queries = _unit(rng, searches)
    data = base / "data"
    warm_store = IndexStore(data)
    result: dict[str, Any] = {"load_before": load_average(), "per_user": {}}
    for n in SIZES:
        user_id = n  # one user per size
        warm_store.write(user_id, range(n), _unit(rng, n))
        texts = _texts(rng, n)
        size = (data / "users" / str(user_id) / INDEX_FILE).stat().st_size
        warm = _search_ms(lambda: warm_store, user_id, texts, queries)
        cold = _search_ms(lambda: IndexStore(data), user_id, texts, queries[: searches // 4])
        result["per_user"][n] = {
            "index_bytes": size,
            "warm": _summary(warm),
            "cold": _summary(cold),
        }
        log(f"{n} chunks: {size} bytes, warm p50 {percentile(warm, 50):.2f} ms")

    # The typical user, alone on disk, then among `users` others.
    alone = base / "alone"
    typical = _texts(rng, chunks_each)
    IndexStore(alone).write(1, range(chunks_each), _unit(rng, chunks_each))
    alone_store = IndexStore(alone)
    result["alone"] = {
        "warm": _summary(_search_ms(lambda: alone_store, 1, typical, queries)),
        "cold": _summary(_search_ms(lambda: IndexStore(alone), 1, typical, queries)),
    }
    log(f"writing {users} users' indexes of {chunks_each} chunks")
    crowd = base / "crowd"
    crowd_store = IndexStore(crowd)
    start = time.perf_counter()
    for user_id in range(1, users + 1):
        crowd_store.write(user_id, range(chunks_each), _unit(rng, chunks_each))
    result["build_seconds"] = round(time.perf_counter() - start, 1)
    disk = sum(p.stat().st_size for p in (crowd / "users").rglob(INDEX_FILE))
    picks = rng.integers(1, users + 1, size=searches)
    warm_crowd = IndexStore(crowd)
    for uid in picks:  # every picked user parsed once, as a worker serving them would have
        warm_crowd.search(int(uid), queries[0], 1)
    warm_times, cold_times = [], []
    for uid, vector in zip(picks, queries, strict=True):
        warm_times += _search_ms(lambda: warm_crowd, int(uid), typical, [vector])
        cold_times += _search_ms(lambda: IndexStore(crowd), int(uid), typical, [vector])
    result["crowd"] = {
        "users": users,
        "chunks_each": chunks_each,
        "disk_bytes": disk,
        "warm": _summary(warm_times),
        "cold": _summary(cold_times),
    }
    result["crowd_vs_alone"] = {
        k: round(result["crowd"][k]["p50_ms"] / result["alone"][k]["p50_ms"], 2)
        for k in ("warm", "cold")
    }
    result["load_after"] = load_average()
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the index measurements and print them as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=10_000)
    ap.add_argument("--chunks-each", type=int, default=12)
    ap.add_argument("--searches", type=int, default=200)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="index-scale-") as tmp:
        res = measure(args.users, args.chunks_each, args.searches, Path(tmp), log)
    print(json.dumps(res, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
