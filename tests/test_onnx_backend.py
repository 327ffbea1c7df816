"""The ONNX Runtime embedder against the PyTorch reference, the backend setting, the fallback."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import numpy as np
import pytest

from config import Config, ConfigError
from rag import embeddings, export_onnx, onnx_backend
from tests.conftest import DEV_SET, ROOT

# Stated tolerances: fp32 ONNX is the same arithmetic as torch (measured max 2e-7 per element on
# the dev chunks); the int8 file moves a vector by a cosine of about 0.003 (least 0.990 measured
# on these texts).
FP32_ATOL = 1e-5
INT8_MIN_COSINE = 0.98


def _real_texts() -> list[str]:
    jobs = sorted((DEV_SET / "jobs").glob("*.txt"))
    if not jobs:
        pytest.skip(f"{DEV_SET} is not available")
    texts: list[str] = []
    for path in jobs[:4]:
        texts += embeddings.chunk_texts(path.read_text())
    questions = [json.loads(line)["q"] for line in (DEV_SET / "search.jsonl").open()][:6]
    # Edge cases the tokenizer must treat as sentence-transformers does.
    return texts + questions + ["", "  padded  ", "naïve café résumé — Zürich 東京 🚀"]


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    return _real_texts()


def _onnx(variant: str) -> onnx_backend.OnnxEmbedder:
    path = embeddings._bundled_path()
    return onnx_backend.load_variant(
        onnx_backend.default_dir(), variant, path, embeddings._max_seq_length(path)
    )


@pytest.fixture(scope="module")
def int8_embedder() -> onnx_backend.OnnxEmbedder:
    return _onnx("onnx-int8")


@pytest.fixture(scope="module")
def fp32_embedder() -> onnx_backend.OnnxEmbedder:
    return _onnx("onnx")


def test_default_backend_is_int8_onnx_one_text_per_call():
    embeddings.embed(["warm up"])
    assert embeddings.backend() == "onnx-int8"
    model = embeddings.get_model()
    assert isinstance(model, onnx_backend.OnnxEmbedder)
    assert model.one_text_per_call
    assert embeddings.model_name() == "bundled@onnx-int8"


def test_int8_vectors_do_not_depend_on_their_batch(int8_embedder, real_texts):
    together = int8_embedder.encode(real_texts, 8)
    alone = np.vstack([int8_embedder.encode([text], 1) for text in real_texts])
    assert np.array_equal(together, alone)


def test_onnx_fp32_matches_torch_on_real_texts(torch_embedder, fp32_embedder, real_texts):
    reference = torch_embedder.encode(real_texts, embeddings.BATCH_SIZE)
    vectors = fp32_embedder.encode(real_texts, embeddings.BATCH_SIZE)
    assert vectors.shape == reference.shape == (len(real_texts), embeddings.DIMENSION)
    assert np.abs(vectors - reference).max() < FP32_ATOL
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_onnx_int8_stays_close_to_torch(torch_embedder, int8_embedder, real_texts):
    reference = torch_embedder.encode(real_texts, embeddings.BATCH_SIZE)
    vectors = int8_embedder.encode(real_texts, embeddings.BATCH_SIZE)
    cosines = (vectors * reference).sum(axis=1)
    assert cosines.min() > INT8_MIN_COSINE
    # Quantised, not identical: if this fails the int8 file is really the fp32 one.
    assert np.abs(vectors - reference).max() > 1e-4


def test_long_text_is_truncated_to_the_same_window(torch_embedder, fp32_embedder):
    long_text = " ".join(f"skill{i} Kubernetes Terraform" for i in range(400))
    reference = torch_embedder.encode([long_text, long_text[:200]], 2)
    vectors = fp32_embedder.encode([long_text, long_text[:200]], 2)
    assert np.abs(vectors - reference).max() < FP32_ATOL
    assert not np.allclose(vectors[0], vectors[1], atol=1e-3)


def test_token_counts_match_torch_tokenizer(torch_embedder, real_texts):
    onnx_model = embeddings.get_model()
    for text in real_texts + ["word " * 700]:
        assert onnx_model.count_tokens(text) == torch_embedder.count_tokens(text)
    text = "hello, unbelievable Kubernetes"
    assert onnx_model.tokenize(text) == torch_embedder.tokenize(text)


def test_backend_setting_switches_and_names_the_model(torch_embedder):
    try:
        embeddings.configure(None, "torch")
        assert embeddings.get_model() is torch_embedder
        assert embeddings.backend() == "torch"
        assert embeddings.model_name() == "bundled"
        embeddings.configure(None, "onnx")
        assert embeddings.embed(["fp32"]).shape == (1, embeddings.DIMENSION)
        assert embeddings.backend() == "onnx"
        assert embeddings.model_name() == "bundled@onnx"
        assert not embeddings.get_model().one_text_per_call
    finally:
        embeddings.configure(None)
    assert embeddings.backend() == "onnx-int8"


def test_unknown_backend_is_refused(monkeypatch):
    with pytest.raises(ValueError):
        embeddings.configure(None, "tensorflow")
    monkeypatch.setenv("EMBEDDING_BACKEND", "gpu")
    with pytest.raises(ConfigError):
        Config()
    monkeypatch.setenv("EMBEDDING_BACKEND", " ONNX-int8 ")
    assert Config().EMBEDDING_BACKEND == "onnx-int8"


def _fresh(monkeypatch, onnx_dir, backend: str) -> None:
    # Forget loaded ONNX embedders so the next load reads onnx_dir; torch's stays for reuse.
    kept = {k: v for k, v in embeddings._loaded.items() if k[1] == "torch"}
    monkeypatch.setattr(embeddings, "_loaded", kept)
    monkeypatch.setenv("EMBEDDING_ONNX_DIR", str(onnx_dir))
    # Alembic's fileConfig (run by the app fixture's migrations) disables existing loggers.
    monkeypatch.setattr(embeddings.log, "disabled", False)
    embeddings.configure("", "torch")
    embeddings.configure(None, backend)


def test_missing_onnx_file_falls_back_to_torch(monkeypatch, tmp_path, caplog, torch_embedder):
    try:
        _fresh(monkeypatch, tmp_path / "nowhere", "onnx")
        with caplog.at_level(logging.WARNING, logger="rag.embeddings"):
            vectors = embeddings.embed(["Python developer"])
        assert embeddings.get_model() is torch_embedder
        assert embeddings.backend() == "torch"
        assert embeddings.model_state() == "ready"
        assert "falling back to torch" in caplog.text
        assert np.allclose(vectors, torch_embedder.encode(["Python developer"], 1), atol=1e-6)
    finally:
        embeddings.configure("", "torch")
        monkeypatch.undo()
        embeddings.configure(None)


def test_stale_export_falls_back_to_torch(monkeypatch, tmp_path, caplog, torch_embedder):
    (tmp_path / onnx_backend.INT8_FILE).write_bytes(b"not a model")
    stale = {"source": {"package": onnx_backend.SOURCE_PACKAGE, "version": "0.0.0"}}
    (tmp_path / onnx_backend.MANIFEST_FILE).write_text(json.dumps(stale))
    try:
        _fresh(monkeypatch, tmp_path, "onnx-int8")
        with caplog.at_level(logging.WARNING, logger="rag.embeddings"):
            embeddings.embed(["x"])
        assert embeddings.get_model() is torch_embedder
        assert "other weights" in caplog.text
    finally:
        embeddings.configure("", "torch")
        monkeypatch.undo()
        embeddings.configure(None)


def test_export_is_idempotent():
    out = onnx_backend.default_dir()
    before = (out / onnx_backend.FP32_FILE).stat().st_mtime_ns
    assert export_onnx.export(out) is False
    assert (out / onnx_backend.FP32_FILE).stat().st_mtime_ns == before


def test_installed_graph_has_one_fused_attention_per_layer():
    import onnx

    graph = onnx.load(str(onnx_backend.default_dir() / onnx_backend.FP32_FILE)).graph
    ops = [node.op_type for node in graph.node]
    # all-MiniLM-L6-v2 has 6 layers; unfused, each is a MatMul/Softmax subgraph instead.
    assert ops.count("Attention") == 6
    assert ops.count("EmbedLayerNormalization") == 1
    assert "Softmax" not in ops


def test_int8_graph_keeps_the_feed_forward_down_projections_in_fp32():
    import onnx

    graph = onnx.load(str(onnx_backend.default_dir() / onnx_backend.INT8_FILE)).graph
    ops = [node.op_type for node in graph.node]
    # Per layer: QKV (QAttention), attention output and feed-forward up (MatMulInteger) in int8;
    # the feed-forward down-projection, fed by GELU, stays a float MatMul.
    assert ops.count("QAttention") == 6
    assert ops.count("MatMulInteger") == 12
    gelu_out = {o for node in graph.node if node.op_type == "BiasGelu" for o in node.output}
    float_matmuls = [n for n in graph.node if n.op_type == "MatMul"]
    assert len(float_matmuls) == 6
    assert all(gelu_out.intersection(n.input) for n in float_matmuls)


def _manifest_copy(tmp_path, **changes) -> dict:
    installed = onnx_backend.default_dir()
    for name in (onnx_backend.FP32_FILE, onnx_backend.INT8_FILE):
        (tmp_path / name).symlink_to(installed / name)
    manifest = json.loads((installed / onnx_backend.MANIFEST_FILE).read_text())
    manifest.update(changes)
    manifest = {k: v for k, v in manifest.items() if v is not None}
    (tmp_path / onnx_backend.MANIFEST_FILE).write_text(json.dumps(manifest))
    return manifest["source"]


def test_an_older_recipe_is_rebuilt_by_export_but_still_loads(tmp_path):
    source = _manifest_copy(tmp_path, recipe=None)
    assert not export_onnx.is_current(tmp_path, source)
    # The service keeps running an older folder (same weights, same vectors) until `make` runs.
    path = embeddings._bundled_path()
    found = onnx_backend.check_export(tmp_path, "onnx", path)
    assert found == tmp_path / onnx_backend.FP32_FILE


def test_the_current_recipe_from_the_same_weights_is_current(tmp_path):
    source = _manifest_copy(tmp_path)
    assert export_onnx.is_current(tmp_path, source)
    assert not export_onnx.is_current(tmp_path, {**source, "weights_bytes": 1})
    (tmp_path / onnx_backend.INT8_FILE).unlink()
    assert not export_onnx.is_current(tmp_path, source)


def test_onnx_process_never_imports_torch():
    code = (
        "import sys; from rag import embeddings; embeddings.embed(['Go and Rust']);"
        "embeddings.count_tokens('x');"
        "assert embeddings.backend() == 'onnx-int8', embeddings.backend();"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "EMBEDDING_BACKEND"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
