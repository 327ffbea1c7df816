"""ONNX Runtime session options side by side: graph file x weight pre-packing x spinning.

usage: python -m bench.ort_options [--onnx NAME=PATH ...] [--rounds 15] [--threads 0]

Each variant is its own InferenceSession on the same inputs, run in turn round after round, so
drift hits all alike: five short queries (11 tokens) and one batch of two 200-token windows
per round. Prints min and p50 per variant, and the process CPU time of the batch (all threads).
Without --onnx it compares the installed model.onnx with the unfused trace that
rag.export_onnx writes before fusing (rebuilt into a temporary folder).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

QUERY = "How many years of Python experience does the candidate have?"
WINDOW = "Senior engineer building data pipelines in Python and Spark, mentoring juniors. " * 12


def session(path: str, threads: int, prepack: bool, spin: bool):
    """Build a session with the service's options, changing only prepacking and spinning."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.enable_mem_pattern = False
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    if not prepack:
        options.add_session_config_entry("session.disable_prepacking", "1")
    return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])


def feeds(model_dir: str) -> tuple[dict, dict]:
    """Tokenize the query and the two-window batch as the service does."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    tok.enable_truncation(max_length=256)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")

    def feed(texts: list[str]) -> dict:
        enc = tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}

    return feed([QUERY]), feed([WINDOW, WINDOW])


def main() -> None:
    """Run the variants in turn and print the table."""
    from rag import embeddings, onnx_backend
    from rag.export_onnx import _export_fp32

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--onnx", action="append", default=[], help="NAME=PATH of a graph file")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--threads", type=int, default=0, help="intra-op threads (0 = cores)")
    args = ap.parse_args()
    model_dir = embeddings._bundled_path()
    with tempfile.TemporaryDirectory() as tmp:
        graphs = dict(item.split("=", 1) for item in args.onnx)
        if not graphs:
            graphs["installed"] = str(onnx_backend.default_dir() / onnx_backend.FP32_FILE)
            _export_fp32(model_dir, Path(tmp) / "traced.onnx")
            graphs["unfused"] = str(Path(tmp) / "traced.onnx")
        query, batch = feeds(model_dir)
        variants = {
            (name, prepack, spin): session(path, args.threads, prepack, spin)
            for name, path in graphs.items()
            for prepack in (True, False)
            for spin in (False, True)
        }
        times = {key: {"query": [], "batch": [], "cpu": []} for key in variants}
        for _ in range(args.rounds):
            for key, sess in variants.items():
                for _ in range(5):
                    start = time.perf_counter()
                    sess.run(None, query)
                    times[key]["query"].append((time.perf_counter() - start) * 1000)
                start, cpu = time.perf_counter(), time.process_time()
                sess.run(None, batch)
                times[key]["batch"].append((time.perf_counter() - start) * 1000)
                times[key]["cpu"].append((time.process_time() - cpu) * 1000)
    print(
        f"{'graph':12} {'prepack':8} {'spin':5} {'query min/p50 ms':>17} {'2x256 min/p50 ms':>17} "
        f"{'2x256 CPU ms':>13}"
    )
    for (name, prepack, spin), t in times.items():
        print(
            f"{name:12} {prepack!s:8} {spin!s:5} "
            f"{min(t['query']):8.2f}/{statistics.median(t['query']):<8.2f} "
            f"{min(t['batch']):8.1f}/{statistics.median(t['batch']):<8.1f} "
            f"{statistics.median(t['cpu']):13.1f}"
        )


if __name__ == "__main__":
    main()
