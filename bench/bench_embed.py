"""Compare one batched embed() call with one call per chunk, side by side in one run.

Usage: .venv/bin/python bench/bench_embed.py [--chunks N] [--rounds R]

Prints the median time of each way over R rounds and their ratio (machines are noisy: the
ratio is the figure, the absolute times are context).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rag.chunking import chunk_sections  # noqa: E402
from rag.embeddings import count_tokens, embed  # noqa: E402

ENTRY = (
    "Senior Backend Engineer, Example Corp\n2019 - Present\n"
    "- Designed and operated Python and Go services on Kubernetes, with PostgreSQL and Kafka.\n"
    "- Led a team of five engineers; cut p99 latency by 40% and infrastructure cost by 25%.\n"
)


def main() -> int:
    """Time batched and one-by-one embedding of resume-sized chunks and print the ratio."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--chunks", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    text = "\n\n".join(ENTRY.replace("Example", f"Example{i}") for i in range(args.chunks * 3))
    chunks = [c.text for c in chunk_sections([("experience", text)], count_tokens)][: args.chunks]
    embed(["warm up"])
    batched, single = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        embed(chunks)
        batched.append(time.perf_counter() - start)
        start = time.perf_counter()
        for chunk in chunks:
            embed([chunk])
        single.append(time.perf_counter() - start)
    b, s = statistics.median(batched), statistics.median(single)
    tokens = statistics.mean(count_tokens(c) for c in chunks)
    print(f"{len(chunks)} chunks of ~{tokens:.0f} tokens, median of {args.rounds} rounds")
    print(f"batched: {b * 1000:.0f} ms   one by one: {s * 1000:.0f} ms   ratio {s / b:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
