"""Embedding backends side by side in one run: upload vs the floor, embed-only time, worker RSS.

usage: python -m bench.embed_backends [--dev DIR] [--files 4] [--rounds 3] [--embed-files 8]

- Starts one gunicorn server per backend (torch, onnx, onnx-int8; WEB_CONCURRENCY=1, rate
  limits off, throwaway SQLite and folders), each with EMBEDDING_BACKEND set, and one more
  with onnx and PDF_READER=pdfplumber (the reference PDF reader; the others read with PDFium).
- The floor, in this process: pdfplumber's text of a dev PDF plus one PyTorch batch encode
  (the service's batch size) of that text's model-window chunks and the job description's.
  Chunking is done beforehand, so the floor is the extraction and the model alone.
- Uploads of the same PDF and job description through each server's API, the four variants
  in A B C D D C B A order per file and round (drift hits all alike); p50/p95 and the ratio
  of each p50 to the floor's p50 (target <= 0.6).
- Embed-only: each backend's encode() of the first 8 dev PDFs' chunks, rotated the same way;
  medians and the ratio to torch, and the largest difference from torch's vectors.
- Peak RSS (VmHWM) of each server's worker process once ready and after the uploads
  (target <= 400 MB).
Prints a table of ratios and writes bench/out/embed_backends.json. Absolute times are context.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.api_bench import (
    DEFAULT_DEV,
    Client,
    Server,
    Users,
    job_texts,
    load_average,
    percentile,
    summary,
)

ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ("torch", "onnx", "onnx-int8")
# One server per variant: each backend with the default PDF reader (PDFium), and the default
# backend with the reference reader, so the reader's share of an upload shows in the same run.
SERVERS: dict[str, dict[str, str]] = {
    **{name: {"EMBEDDING_BACKEND": name} for name in BACKENDS},
    "onnx+pdfplumber": {"EMBEDDING_BACKEND": "onnx", "PDF_READER": "pdfplumber"},
}
DEFAULT_OUT = ROOT / "bench" / "out" / "embed_backends.json"


def pdf_text(path: Path) -> str:
    """Return pdfplumber's plain text of every page, as the floor's extraction."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def abba(items: list[str], turn: int) -> list[str]:
    """Return items in order on even turns and reversed on odd ones."""
    return items if turn % 2 == 0 else items[::-1]


def worker_peaks(server: Server) -> list[float]:
    """Return the peak RSS (MiB) of each gunicorn worker of server."""
    return [r["peak_rss_mib"] for r in server.snapshot() if r["role"] == "worker"]


def embedders() -> dict[str, Any]:
    """Load each backend's embedder once in this process."""
    from rag import embeddings, onnx_backend

    path = embeddings._bundled_path()
    window = embeddings._max_seq_length(path)
    loaded: dict[str, Any] = {"torch": embeddings.TorchEmbedder(path)}
    for variant in ("onnx", "onnx-int8"):
        loaded[variant] = onnx_backend.load_variant(
            onnx_backend.default_dir(), variant, path, window
        )
    return loaded


def measure(args: argparse.Namespace, base: Path, log) -> dict[str, Any]:
    """Run every measurement and return the results."""
    from rag import embeddings

    pdfs = sorted(args.dev.glob("*.pdf"))[: args.files]
    resumes = sorted(args.dev.glob("*.pdf"))[: args.embed_files]
    jobs = job_texts(args.dev)
    models = embedders()
    torch_model = models["torch"]
    # chunk_texts counts tokens through the default backend (the same counts as torch's).
    embeddings.configure(None)
    # The floor's chunks of each PDF's text and its job description, made beforehand: the
    # floor is the extraction and one model call alone.
    floor_chunks = [
        embeddings.chunk_texts(pdf_text(pdf)) + embeddings.chunk_texts(jobs[i % len(jobs)])
        for i, pdf in enumerate(pdfs)
    ]

    servers: dict[str, Server] = {}
    result: dict[str, Any] = {"load_before": load_average()}
    try:
        for name, env in SERVERS.items():
            folder = base / name
            folder.mkdir()
            server = Server(folder, web_concurrency=1, threads=1)
            server.env.update(env)
            log(f"starting the {name} server")
            result.setdefault("ready_seconds", {})[name] = round(server.start(), 1)
            servers[name] = server
        result["peak_rss_ready_mib"] = {n: worker_peaks(s) for n, s in servers.items()}
        users = {n: Users(s.url) for n, s in servers.items()}
        log("warm-up upload on each server")
        for n, s in servers.items():
            Client(s.url).upload(users[n].new(), pdfs[0], jobs[0])

        variants = ["floor", *SERVERS]
        times: dict[str, list[float]] = {v: [] for v in variants}
        turn = 0
        for r in range(args.rounds):
            log(f"upload round {r + 1}/{args.rounds}")
            for i, pdf in enumerate(pdfs):
                jd = jobs[i % len(jobs)]
                for variant in abba(variants, turn):
                    if variant == "floor":
                        start = time.perf_counter()
                        pdf_text(pdf)
                        torch_model.encode(floor_chunks[i], embeddings.BATCH_SIZE)
                        times["floor"].append(time.perf_counter() - start)
                    else:
                        client = Client(servers[variant].url)
                        times[variant].append(client.upload(users[variant].new(), pdf, jd))
                turn += 1
        floor = percentile(times["floor"], 50)
        result["upload"] = {v: summary(times[v]) for v in variants}
        result["upload_p50_vs_floor"] = {
            v: round(percentile(times[v], 50) / floor, 3) for v in SERVERS
        }
        result["upload_p50_vs_torch_upload"] = {
            v: round(percentile(times[v], 50) / percentile(times["torch"], 50), 3) for v in SERVERS
        }
        result["peak_rss_after_uploads_mib"] = {n: worker_peaks(s) for n, s in servers.items()}
    finally:
        log("stopping the servers")
        result["stray_processes"] = [p for s in servers.values() for p in s.stop()]

    log("embed-only on the dev resumes' chunks")
    chunk_sets = [embeddings.chunk_texts(pdf_text(p)) for p in resumes]
    flat = [c for chunks in chunk_sets for c in chunks]
    reference = torch_model.encode(flat, embeddings.BATCH_SIZE)
    result["vs_torch"] = {}
    for variant in ("onnx", "onnx-int8"):
        vectors = models[variant].encode(flat, embeddings.BATCH_SIZE)
        cosines = (vectors * reference).sum(axis=1)
        result["vs_torch"][variant] = {
            "chunks": len(flat),
            "max_abs_element_diff": float(np.abs(vectors - reference).max()),
            "max_abs_cosine_diff": float(np.abs(1.0 - cosines).max()),
        }
    embed_times: dict[str, list[float]] = {v: [] for v in BACKENDS}
    for r in range(args.rounds):
        for variant in abba(list(BACKENDS), r):
            start = time.perf_counter()
            for chunks in chunk_sets:
                models[variant].encode(chunks, embeddings.BATCH_SIZE)
            embed_times[variant].append(time.perf_counter() - start)
    base_embed = statistics.median(embed_times["torch"])
    result["embed_only"] = {
        v: {"median_s": round(statistics.median(t), 3), "runs": [round(x, 3) for x in t]}
        for v, t in embed_times.items()
    }
    result["embed_only_vs_torch"] = {
        v: round(statistics.median(t) / base_embed, 3) for v, t in embed_times.items()
    }
    result["load_after"] = load_average()
    return result


def print_report(res: dict[str, Any]) -> None:
    """Print the ratios, with absolute times as context."""
    print(f"\nload average before {res['load_before']}, after {res['load_after']}")
    up = res["upload"]
    print("\nupload of the same PDF + job description (one client, sequential, A B C D D C B A)")
    print(f"  {'variant':15} {'p50 ms':>8} {'p95 ms':>8} {'n':>4} {'p50 / floor':>12}")
    for v, s in up.items():
        ratio = res["upload_p50_vs_floor"].get(v, 1.0)
        print(f"  {v:15} {s['p50_ms']:8.0f} {s['p95_ms']:8.0f} {s['n']:4} {ratio:12.2f}")
    print(f"  p50 / torch upload p50: {res['upload_p50_vs_torch_upload']}")
    print("\nembed-only, dev PDFs' chunks (median of rounds)")
    for v, ratio in res["embed_only_vs_torch"].items():
        print(f"  {v:10} {res['embed_only'][v]['median_s']:7.2f} s   {ratio:.2f} x torch")
    for v, d in res["vs_torch"].items():
        print(
            f"  {v:10} vs torch on {d['chunks']} chunks: max |1 - cos| "
            f"{d['max_abs_cosine_diff']:.2e}, max element diff {d['max_abs_element_diff']:.2e}"
        )
    print("\nworker peak RSS (VmHWM, MiB): ready -> after uploads")
    for n in SERVERS:
        print(
            f"  {n:15} {res['peak_rss_ready_mib'].get(n)} -> "
            f"{res['peak_rss_after_uploads_mib'].get(n)}"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the comparison, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--files", type=int, default=4, help="dev PDFs uploaded per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--embed-files", type=int, default=8, help="dev PDFs for embed-only")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="embed-backends-") as tmp:
        res = measure(args, Path(tmp), log)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1))
    print_report(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
