"""Measure what isolating extraction costs, side by side in one run, over the dev set.

For every dev PDF and DOCX, each round runs the same file in turn (order rotated per round):
in the calling process, in a child of our preloaded fork server (the default), and in
children from multiprocessing's forkserver (preloaded) and fork start methods (spawn with
--spawn). Reported: per kind, the median over files of (isolated time / in-process time), and
the median absolute overhead in milliseconds as context.

Usage: .venv/bin/python bench/extract_cost.py [--rounds 2] [--spawn] [--torch] [--dev DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resume import extract as ex  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


def _run(method: str, path: Path, kind: str) -> float:
    """Extract one file with one method and return the wall time in seconds."""
    start = time.perf_counter()
    if method == "in-process":
        ex.extract_text_in_process(path, kind)
    else:
        ex._START_METHOD = method
        ex._ctx = None
        ex.extract_text(path, kind)
    return time.perf_counter() - start


def main() -> int:
    """Run the benchmark and print a table of ratios."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev", default=str(DEFAULT_DEV))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--spawn", action="store_true", help="also measure the spawn start method")
    ap.add_argument(
        "--torch", action="store_true", help="import torch first, like a web worker with the model"
    )
    args = ap.parse_args()
    if args.torch:
        import torch  # noqa: F401

    files = sorted(p for p in Path(args.dev).iterdir() if p.suffix in (".pdf", ".docx"))
    if not files:
        print(f"no dev files in {args.dev}")
        return 1
    methods = ["in-process", "zygote", "forkserver", "fork"] + (["spawn"] if args.spawn else [])
    # Warm every path once (imports, server start-up) so rounds measure steady state.
    for method in methods:
        _run(method, files[0], files[0].suffix[1:])
    times: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in range(args.rounds):
        for path in files:
            order = methods[r % len(methods) :] + methods[: r % len(methods)]
            for method in order:
                times[(path.name, method)].append(_run(method, path, path.suffix[1:]))

    print(f"{len(files)} files, {args.rounds} rounds, torch loaded: {args.torch}")
    head = ("kind", "method", "ratio vs in-process", "overhead ms", "median ms")
    print(f"{head[0]:5} {head[1]:11} {head[2]:>20} {head[3]:>12} {head[4]:>10}")
    for kind in ("pdf", "docx"):
        names = [p.name for p in files if p.suffix[1:] == kind]
        if not names:
            continue
        base = {n: statistics.median(times[(n, "in-process")]) for n in names}
        print(
            f"{kind:5} {'in-process':11} {1.0:>20.2f} {0.0:>12.1f} "
            f"{1000 * statistics.median(base.values()):>10.1f}"
        )
        for method in methods[1:]:
            med = {n: statistics.median(times[(n, method)]) for n in names}
            ratio = statistics.median(med[n] / base[n] for n in names)
            over = statistics.median(med[n] - base[n] for n in names)
            print(
                f"{kind:5} {method:11} {ratio:>20.2f} {1000 * over:>12.1f} "
                f"{1000 * statistics.median(med.values()):>10.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
