"""Look inside the two costliest upload stages, side by side in one run.

Usage: .venv/bin/python -m bench.profile_upload [--per-kind 2] [--rounds 3] [--passes 2]
       [--no-threads] [--dev DIR]

1. analyze_fit, per dev resume: skill matching of the job and of the resume, the one batched
   embedding of resume and job chunks, and analyze_fit itself given those vectors (as the
   upload calls it).
2. embed() batch size on each resume's chunks: 32 (one padded batch), 8, 4 (the default)
   and 1, in rotated order; time relative to 32.
3. torch intra-op threads with two processes embedding at once, as two gunicorn workers do
   on this machine: each process embeds the same resume chunks with 2 threads and with 1
   (order A B B A); the wall time of the pair is compared.
Ratios are the figures; absolute times are context (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


def _files(dev: Path, per_kind: int) -> list[Path]:
    files = sorted(p for p in dev.iterdir() if p.suffix in (".pdf", ".docx"))
    pdfs = [p for p in files if p.suffix == ".pdf"][:per_kind]
    docx = [p for p in files if p.suffix == ".docx"][:per_kind]
    return pdfs + docx


def _timed(call, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = call(*args, **kwargs)
    return time.perf_counter() - start, value


def profile_fit(dev: Path, per_kind: int, rounds: int) -> tuple[dict, list[str], list[list[str]]]:
    """Time analyze_fit's parts on dev resumes, given embedded chunks; return the chunk texts."""
    from rag import embeddings
    from rag.chunking import chunk_sections
    from resume import fit, skills
    from resume.extract import extract_document_in_process
    from resume.parse import parse_resume

    jobs = [p.read_text(encoding="utf-8") for p in sorted((dev / "jobs").glob("*.txt"))]
    fit.warm_up(embeddings.embed_texts)
    parts: dict[str, list[float]] = {
        "find_skills(jd)": [],
        "find_skills(resume_text)": [],
        "embed resume + jd chunks (one call)": [],
        "analyze_fit with vectors given": [],
    }
    chunk_lists: list[list[str]] = []
    for r in range(rounds):
        for i, path in enumerate(_files(dev, per_kind)):
            got = extract_document_in_process(path, path.suffix[1:])
            parsed = parse_resume(got.text, layout=got.lines)
            chunks = [
                c.text
                for c in chunk_sections(
                    [(s.name, s.text) for s in parsed.sections], embeddings.count_tokens
                )
            ]
            if r == 0:
                chunk_lists.append(chunks)
            jd = jobs[(i + r) % len(jobs)]
            jd_chunks = embeddings.chunk_texts(jd)
            parts["find_skills(jd)"].append(_timed(skills.find_skills, jd)[0])
            parts["find_skills(resume_text)"].append(_timed(skills.find_skills, parsed.text)[0])
            seconds, both = _timed(embeddings.embed, chunks + jd_chunks)
            parts["embed resume + jd chunks (one call)"].append(seconds)
            seconds, _ = _timed(
                fit.analyze_fit,
                resume_text=parsed.text,
                resume_skills=parsed.skills,
                candidate_years=parsed.experience_years_exact,
                jd_text=jd,
                embed=embeddings.embed_texts,
                resume_vector=embeddings.pooled(both[: len(chunks)]),
                jd_vector=embeddings.pooled(both[len(chunks) :]),
            )
            parts["analyze_fit with vectors given"].append(seconds)
    medians = {k: round(statistics.median(v) * 1000, 1) for k, v in parts.items() if v}
    return {"median_ms": medians}, chunk_lists[0] if chunk_lists else [], chunk_lists


def profile_batch(chunk_lists: list[list[str]], rounds: int) -> dict:
    """Time embed() of each resume's chunks with several batch sizes, side by side."""
    from rag import embeddings

    sizes = [32, 8, 4, 1]
    totals = dict.fromkeys(sizes, 0.0)
    for r in range(rounds):
        for i, chunks in enumerate(chunk_lists):
            # Rotate the order so no size always runs first or last.
            shift = (r + i) % len(sizes)
            for size in sizes[shift:] + sizes[:shift]:
                totals[size] += _timed(embeddings.embed, chunks, batch_size=size)[0]
    return {
        "resumes": len(chunk_lists),
        "chunks": [len(c) for c in chunk_lists],
        "total_ms": {f"batch {k}": round(v * 1000) for k, v in totals.items()},
        "ratio_vs_batch_32": {f"batch {k}": round(v / totals[32], 3) for k, v in totals.items()},
    }


def _embed_child() -> None:
    """Serve embed timings on stdin/stdout: each line 'THREADS REPEATS' answers seconds."""
    import torch

    from rag import embeddings

    chunks = json.loads(sys.stdin.readline())
    embeddings.embed(chunks)
    print("ready", flush=True)
    for line in sys.stdin:
        threads, repeats = (int(x) for x in line.split())
        torch.set_num_threads(threads)
        embeddings.embed(chunks[:1])
        start = time.perf_counter()
        for _ in range(repeats):
            embeddings.embed(chunks)
        print(time.perf_counter() - start, flush=True)


def profile_threads(chunks: list[str], passes: int, repeats: int = 3) -> dict:
    """Time two processes embedding at once with 2 and with 1 torch threads each."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.profile_upload", "--_embed-child"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(2)
    ]
    walls: dict[int, list[float]] = {2: [], 1: []}
    try:
        for p in procs:
            p.stdin.write(json.dumps(chunks) + "\n")
            p.stdin.flush()
        for p in procs:
            if p.stdout.readline().strip() != "ready":
                raise RuntimeError("embedding child failed to start")
        order = [2, 1, 1, 2] * passes
        for threads in order:
            for p in procs:
                p.stdin.write(f"{threads} {repeats}\n")
                p.stdin.flush()
            # Both start together; the pair is done when the slower one is.
            walls[threads].append(max(float(p.stdout.readline()) for p in procs))
    finally:
        for p in procs:
            p.stdin.close()
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(5)
    med = {t: statistics.median(v) for t, v in walls.items()}
    return {
        "chunks": len(chunks),
        "embeds_per_process": repeats,
        "pair_wall_ms_median": {f"{t} threads": round(v * 1000) for t, v in med.items()},
        "ratio_1_thread_vs_2": round(med[1] / med[2], 3),
        "samples": {t: len(v) for t, v in walls.items()},
    }


def main() -> int:
    """Run both profiles and print their figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-kind", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--passes", type=int, default=2, help="A B B A passes")
    ap.add_argument("--no-threads", action="store_true")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--_embed-child", dest="embed_child", action="store_true", help="internal")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.embed_child:
        _embed_child()
        return 0
    if not args.dev.is_dir():
        print(f"dev set not found at {args.dev}", file=sys.stderr)
        return 2
    result: dict = {"cpus": os.cpu_count(), "load_before": [round(x, 2) for x in os.getloadavg()]}
    result["analyze_fit"], chunks, chunk_lists = profile_fit(args.dev, args.per_kind, args.rounds)
    result["embed_batch_size"] = profile_batch(chunk_lists, args.rounds)
    if not args.no_threads:
        result["torch_threads_two_processes"] = profile_threads(chunks, args.passes)
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
