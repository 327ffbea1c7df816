"""The embedding model: loaded once, offline, normalised, deterministic, thread-safe."""

from __future__ import annotations

import os
import threading

import numpy as np
import pytest

from rag import embeddings


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_embed_returns_unit_float32_rows():
    vectors = embeddings.embed(["Python developer", "Registered nurse", ""])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.all(np.isfinite(vectors))


def test_embed_is_deterministic_and_batch_independent():
    texts = ["Built REST APIs in Django", "Managed a hospital ward"]
    first = embeddings.embed(texts)
    again = embeddings.embed(texts)
    alone = embeddings.embed([texts[1]])
    assert np.array_equal(first, again)
    # Padding in a batch must not change a text's vector.
    assert np.allclose(first[1], alone[0], atol=1e-5)


def test_embed_empty_list_has_model_width():
    assert embeddings.embed([]).shape == (0, 384)


def test_embed_refuses_a_bare_string():
    with pytest.raises(TypeError):
        embeddings.embed("not a list")  # type: ignore[arg-type]


def test_model_is_ready_offline_after_use():
    embeddings.embed(["warm up"])
    assert embeddings.model_state() == "ready"
    assert embeddings.model_error() is None
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert embeddings.get_model() is embeddings.get_model()


def test_semantic_ordering_is_sane():
    backend = embeddings.embed(
        [
            "Backend engineer: Python, Django and PostgreSQL services, REST APIs, Docker on AWS.",
            "We are hiring a senior backend Python developer to build APIs and data services.",
            "Registered nurse for our intensive care unit: patient care and medication rounds.",
        ]
    )
    resume, backend_jd, nurse_jd = backend
    assert cosine(resume, backend_jd) > cosine(resume, nurse_jd) + 0.2


def test_count_tokens_uses_wordpiece_without_special_tokens():
    assert embeddings.count_tokens("") == 0
    assert embeddings.count_tokens("hello") == 1
    # "unbelievable" is split into word pieces; punctuation is a token of its own.
    tokens = embeddings.get_model().tokenize("hello, unbelievable")
    assert embeddings.count_tokens("hello, unbelievable") == len(tokens) >= 3


def test_count_tokens_does_not_truncate_long_text():
    assert embeddings.count_tokens("word " * 2000) == 2000


def test_max_text_tokens_leaves_room_for_special_tokens():
    assert embeddings.max_text_tokens() == embeddings.get_model().max_seq_length - 2 == 254


def test_embed_is_safe_from_many_threads():
    texts = [f"Engineer number {i} writes Go and Rust" for i in range(6)]
    expected = embeddings.embed(texts)
    results: dict[int, np.ndarray] = {}
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = embeddings.embed([texts[i]])[0]
            embeddings.count_tokens(texts[i])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for i in range(len(texts)):
        assert np.allclose(results[i], expected[i], atol=1e-5)


def test_configure_same_model_keeps_the_loaded_one():
    model = embeddings.get_model()
    embeddings.configure(None)
    embeddings.configure("")
    assert embeddings.get_model() is model
    assert embeddings.model_name() == "bundled@onnx-int8"


def test_configure_bad_path_reports_error_then_recovers(tmp_path):
    missing = str(tmp_path / "no-such-model")
    try:
        embeddings.configure(missing)
        assert embeddings.model_state() == "not_loaded"
        with pytest.raises(Exception):  # noqa: B017 - the loader's own error type varies
            embeddings.get_model()
        assert embeddings.model_state() == "error"
        assert embeddings.model_error()
    finally:
        embeddings.configure(None)
    assert embeddings.embed(["back to the bundled model"]).shape == (1, 384)
    assert embeddings.model_state() == "ready"


def test_embed_texts_pools_each_whole_text_into_one_unit_vector():
    long_text = "Kubernetes operators and Terraform modules for payments. " * 80
    vectors = embeddings.embed_texts(["Python developer", long_text, ""])
    assert vectors.shape == (3, embeddings.DIMENSION)
    assert len(embeddings.chunk_texts(long_text)) > 1  # pooled over several windows
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert np.linalg.norm(vectors[1]) == pytest.approx(1.0, abs=1e-5)
    assert not np.any(vectors[2])  # an empty text has no direction
    chunks = embeddings.embed(embeddings.chunk_texts(long_text))
    assert np.allclose(vectors[1], embeddings.pooled(chunks), atol=1e-6)
    assert embeddings.pooled(np.zeros((0, embeddings.DIMENSION))).size == 0
