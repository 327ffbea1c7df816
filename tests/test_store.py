"""Per-user FAISS store: atomic writes, search, reload, delete, corruption and locking."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from rag.store import INDEX_FILE, JD_FILE, IndexCorrupt, IndexMissing, IndexStore


def unit_rows(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rows = rng.normal(size=(n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_write_then_search_returns_ids_best_first(tmp_path):
    store = IndexStore(tmp_path)
    vectors = unit_rows(5)
    store.write(7, [10, 11, 12, 13, 14], vectors)
    hits = store.search(7, vectors[3], k=3)
    assert hits[0][0] == 13
    assert hits[0][1] == pytest.approx(1.0, abs=1e-5)
    assert len(hits) == 3
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert {i for i, _ in hits} <= {10, 11, 12, 13, 14}


def test_k_larger_than_index_and_zero_k(tmp_path):
    store = IndexStore(tmp_path)
    store.write(1, [5, 6], unit_rows(2))
    assert sorted(i for i, _ in store.search(1, unit_rows(1)[0], k=50)) == [5, 6]
    assert store.search(1, unit_rows(1)[0], k=0) == []


def test_empty_index_searches_to_nothing(tmp_path):
    store = IndexStore(tmp_path)
    store.write(1, [], np.zeros((0, 384), dtype=np.float32))
    assert store.exists(1)
    assert store.search(1, unit_rows(1)[0], k=3) == []


def test_reload_from_disk_in_a_new_store(tmp_path):
    vectors = unit_rows(4, seed=3)
    IndexStore(tmp_path).write(2, [100, 200, 300, 400], vectors)
    fresh = IndexStore(tmp_path)
    assert fresh.search(2, vectors[2], k=1)[0][0] == 300
    assert (tmp_path / "users" / "2" / INDEX_FILE).is_file()


def test_rewrite_replaces_old_index_and_leaves_no_temp_files(tmp_path):
    store = IndexStore(tmp_path)
    store.write(3, [1, 2], unit_rows(2, seed=1))
    assert store.search(3, unit_rows(2, seed=1)[0], k=1)[0][0] == 1
    new = unit_rows(3, seed=2)
    store.write(3, [7, 8, 9], new)
    assert store.search(3, new[2], k=1)[0][0] == 9
    assert sorted(p.name for p in (tmp_path / "users" / "3").iterdir()) == [INDEX_FILE]


def test_missing_index_raises_index_missing(tmp_path):
    store = IndexStore(tmp_path)
    assert not store.exists(9)
    with pytest.raises(IndexMissing):
        store.search(9, unit_rows(1)[0], k=3)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # torn write
        lambda b: b[:-1] + bytes([b[-1] ^ 0xFF]),  # one flipped byte in the vectors
        lambda b: b"not an index at all",
        lambda b: b"",
    ],
)
def test_corrupt_index_is_detected(tmp_path, damage):
    store = IndexStore(tmp_path)
    store.write(4, [1, 2, 3], unit_rows(3))
    path = tmp_path / "users" / "4" / INDEX_FILE
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(IndexCorrupt):
        IndexStore(tmp_path).search(4, unit_rows(1)[0], k=1)


def test_version_tag_round_trips_and_old_format_reads_as_corrupt(tmp_path):
    store = IndexStore(tmp_path)
    store.write(4, [1, 2], unit_rows(2), version="a" * 32)
    assert IndexStore(tmp_path).version(4) == "a" * 32
    store.write(4, [1, 2], unit_rows(2))
    assert store.version(4) == ""
    with pytest.raises(ValueError):
        store.write(4, [1], unit_rows(1), version="x" * 256)
    # A file of the first format (no version tag) is rebuilt like a damaged one.
    path = tmp_path / "users" / "4" / INDEX_FILE
    path.write_bytes(b"RAGIDX1\n" + path.read_bytes()[8:])
    with pytest.raises(IndexCorrupt):
        IndexStore(tmp_path).version(4)


def test_cached_index_is_not_served_after_file_changes(tmp_path):
    store = IndexStore(tmp_path)
    store.write(4, [1], unit_rows(1))
    store.search(4, unit_rows(1)[0], k=1)
    path = tmp_path / "users" / "4" / INDEX_FILE
    path.write_bytes(b"garbage that replaced the file")
    with pytest.raises(IndexCorrupt):
        store.search(4, unit_rows(1)[0], k=1)


def test_failed_write_keeps_previous_index(tmp_path, monkeypatch):
    store = IndexStore(tmp_path)
    old = unit_rows(2, seed=5)
    store.write(5, [1, 2], old)

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        store.write(5, [3], unit_rows(1, seed=6))
    monkeypatch.undo()
    assert store.search(5, old[1], k=1)[0][0] == 2
    # The temporary file was cleaned up.
    assert sorted(p.name for p in (tmp_path / "users" / "5").iterdir()) == [INDEX_FILE]


@pytest.mark.parametrize(
    ("ids", "vectors"),
    [
        ([1, 2], unit_rows(3)),  # count mismatch
        ([1, 1], unit_rows(2)),  # duplicate ids
        ([-1], unit_rows(1)),  # FAISS uses -1 for "no result"
        ([1], np.full((1, 384), np.nan, dtype=np.float32)),
    ],
)
def test_bad_writes_are_refused(tmp_path, ids, vectors):
    with pytest.raises(ValueError):
        IndexStore(tmp_path).write(1, ids, vectors)


@pytest.mark.parametrize("user_id", [-1, True, "1", "../etc", 1.5])
def test_user_ids_must_be_plain_non_negative_ints(tmp_path, user_id):
    with pytest.raises(ValueError):
        IndexStore(tmp_path).exists(user_id)


def test_query_dimension_mismatch_is_an_error(tmp_path):
    store = IndexStore(tmp_path)
    store.write(1, [1], unit_rows(1))
    with pytest.raises(ValueError):
        store.search(1, np.ones(10, dtype=np.float32), k=1)


def test_job_description_round_trip_and_delete(tmp_path):
    store = IndexStore(tmp_path)
    assert store.load_jd(6) is None
    vector = unit_rows(1, seed=8)[0]
    store.save_jd(6, "Senior Python developer — remote ✓", vector)
    text, loaded = store.load_jd(6)
    assert text == "Senior Python developer — remote ✓"
    assert loaded.dtype == np.float32
    assert np.array_equal(loaded, vector)
    store.write(6, [1], unit_rows(1))
    store.delete(6)
    assert not store.exists(6)
    assert store.load_jd(6) is None
    assert not (tmp_path / "users" / "6").exists()
    with pytest.raises(IndexMissing):
        store.search(6, vector, k=1)
    store.delete(6)  # deleting twice is harmless


def test_corrupt_job_description_is_detected(tmp_path):
    store = IndexStore(tmp_path)
    store.save_jd(6, "jd", unit_rows(1)[0])
    (tmp_path / "users" / "6" / JD_FILE).write_text("{truncated", encoding="utf-8")
    with pytest.raises(IndexCorrupt):
        store.load_jd(6)


def test_users_are_isolated(tmp_path):
    store = IndexStore(tmp_path)
    a, b = unit_rows(1, seed=1), unit_rows(1, seed=2)
    store.write(1, [11], a)
    store.write(2, [22], b)
    assert store.search(1, b[0], k=5) == [(11, pytest.approx(float(a[0] @ b[0]), abs=1e-5))]
    store.delete(1)
    assert store.exists(2)


def test_lock_is_reentrant_in_one_thread_and_exclusive_across_threads(tmp_path):
    store = IndexStore(tmp_path)
    order: list[str] = []
    with store.lock(1):
        with store.lock(1):
            # write() takes the same lock inside: it must not deadlock here.
            store.write(1, [1], unit_rows(1))

        def other() -> None:
            with store.lock(1):
                order.append("other")

        thread = threading.Thread(target=other)
        thread.start()
        time.sleep(0.3)
        order.append("holder")
    thread.join(5)
    assert order == ["holder", "other"]


def _hold_lock(data_dir: str, user_id: int, acquired, release) -> None:
    store = IndexStore(data_dir)
    with store.lock(user_id):
        acquired.set()
        release.wait(10)


def test_lock_holds_across_processes(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    acquired, release = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold_lock, args=(str(tmp_path), 3, acquired, release))
    child.start()
    try:
        assert acquired.wait(30), "child never took the lock"
        lock = IndexStore(tmp_path).lock(3)
        from filelock import Timeout

        with pytest.raises(Timeout):
            lock.acquire(timeout=0.2)
        # Another user's lock is independent.
        with IndexStore(tmp_path).lock(4).acquire(timeout=1):
            pass
        release.set()
        child.join(10)
        with lock.acquire(timeout=5):
            pass
    finally:
        release.set()
        child.join(10)
        if child.is_alive():
            child.kill()
    assert child.exitcode == 0


def _writer(data_dir: str, user_id: int, seed: int, rounds: int) -> None:
    store = IndexStore(data_dir)
    for r in range(rounds):
        vectors = unit_rows(3, seed=seed * 100 + r)
        store.write(user_id, [seed * 10 + 1, seed * 10 + 2, seed * 10 + 3], vectors)


def test_concurrent_writers_from_processes_leave_a_valid_index(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), 8, s, 15)) for s in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    hits = IndexStore(tmp_path).search(8, unit_rows(1)[0], k=3)
    ids = sorted(i for i, _ in hits)
    # One writer's whole index, never a mix.
    assert ids in ([11, 12, 13], [21, 22, 23])
    assert sorted(p.name for p in Path(tmp_path, "users", "8").iterdir()) == [INDEX_FILE]


def test_lock_is_shared_by_store_instances_in_one_process(tmp_path):
    first, second = IndexStore(tmp_path), IndexStore(tmp_path)
    assert first.lock(2) is second.lock(2)
    assert first.lock(2) is not first.lock(3)
    with first.lock(2):
        # Another instance writing under the same thread's lock must not deadlock.
        second.write(2, [1], unit_rows(1))
    assert first.exists(2)
