"""Per-user FAISS indexes on disk, written atomically and guarded by a per-user file lock."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np
from filelock import FileLock

# A user's index holds at most a few thousand vectors: one thread searches it in microseconds,
# while OpenMP's team of threads spin-waits for cores that the workers and torch already use
# (profiled: 25 ms per search on the shared 2-core machine, most of it in the thread team).
faiss.omp_set_num_threads(1)

INDEX_FILE = "index.bin"
JD_FILE = "jd.json"
# Our own header in front of FAISS's bytes: a torn or flipped file must fail loudly, and FAISS
# alone reads some damaged files without complaint. Version 2 adds the index's version tag (the
# upload it was built from) under the checksum; a version 1 file reads as corrupt and is rebuilt.
_MAGIC = b"RAGIDX2\n"
_DIGEST = 32
_MAX_VERSION = 255
_CACHE_SIZE = 128


class StoreError(Exception):
    """Base class for per-user index problems."""


class IndexMissing(StoreError):
    """The user has no index on disk."""


class IndexCorrupt(StoreError):
    """The user's index file exists but cannot be trusted."""


# One lock object per lock file for the whole process: every IndexStore instance shares it, so
# a thread that holds a user's lock can call write() through another instance without
# deadlocking on its own flock.
_locks: dict[str, FileLock] = {}
_locks_guard = threading.Lock()


def _fsync_dir(path: Path) -> None:
    # The rename is durable only once the directory entry itself reaches the disk.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _drop_dead_temp_files(directory: Path) -> None:
    # Called under the user's lock, so no live writer owns a temp file here: any one found was
    # left by a process killed mid-write, and would otherwise stay forever.
    for leftover in directory.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def _as_matrix(vectors: np.ndarray, what: str) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix.reshape(1, -1)
    if matrix.ndim != 2 or matrix.shape[1] == 0:
        raise ValueError(f"{what} must be a 2-D array of vectors")
    if not np.all(np.isfinite(matrix)):
        raise ValueError(f"{what} contains NaN or infinite values")
    return np.ascontiguousarray(matrix)


class IndexStore:
    """Keep one inner-product FAISS index and one job-description vector per user."""

    def __init__(self, data_dir: str | Path):
        """Store indexes under data_dir/users/<user_id>/."""
        self.root = Path(data_dir).resolve() / "users"
        # Parsed indexes keyed by the file's identity, so a rename by any process invalidates them.
        self._cache: dict[int, tuple[tuple[int, int, int], faiss.Index, str]] = {}
        self._cache_guard = threading.Lock()

    def _user_dir(self, user_id: int) -> Path:
        # Ids become path components: only plain non-negative integers, never "../x" or True.
        if isinstance(user_id, bool) or not isinstance(user_id, int | np.integer) or user_id < 0:
            raise ValueError(f"user_id must be a non-negative integer, not {user_id!r}")
        return self.root / str(int(user_id))

    def lock(self, user_id: int) -> FileLock:
        """Return the user's lock: exclusive across threads and processes, re-entrant per thread."""
        # Beside the user's directory, so delete() can remove the directory while it is held.
        path = str(self._user_dir(user_id)) + ".lock"
        with _locks_guard:
            file_lock = _locks.get(path)
            if file_lock is None:
                self.root.mkdir(parents=True, exist_ok=True)
                file_lock = FileLock(path, thread_local=True)
                _locks[path] = file_lock
        return file_lock

    def write(
        self, user_id: int, ids: Sequence[int], vectors: np.ndarray, version: str = ""
    ) -> None:
        """Replace the user's index with these ids, vectors and version tag in one atomic rename."""
        tag = version.encode("utf-8")
        if len(tag) > _MAX_VERSION:
            raise ValueError(f"version is longer than {_MAX_VERSION} bytes")
        matrix = _as_matrix(vectors, "vectors")
        id_array = np.asarray(list(ids), dtype=np.int64)
        if id_array.shape[0] != matrix.shape[0]:
            raise ValueError(f"{id_array.shape[0]} ids for {matrix.shape[0]} vectors")
        if len(set(id_array.tolist())) != id_array.shape[0]:
            raise ValueError("ids must be unique")
        if id_array.size and id_array.min() < 0:
            raise ValueError("ids must be non-negative")
        index = faiss.IndexIDMap(faiss.IndexFlatIP(matrix.shape[1]))
        if matrix.shape[0]:
            index.add_with_ids(matrix, id_array)
        body = bytes([len(tag)]) + tag + faiss.serialize_index(index).tobytes()
        blob = _MAGIC + hashlib.sha256(body).digest() + body
        with self.lock(user_id):
            _drop_dead_temp_files(self._user_dir(user_id))
            _atomic_write(self._user_dir(user_id) / INDEX_FILE, blob)

    def _load(self, user_id: int) -> tuple[faiss.Index, str]:
        path = self._user_dir(user_id) / INDEX_FILE
        try:
            with open(path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
                with self._cache_guard:
                    cached = self._cache.get(int(user_id))
                if cached is not None and cached[0] == identity:
                    return cached[1], cached[2]
                blob = handle.read()
        except FileNotFoundError:
            raise IndexMissing(f"no index for user {user_id}") from None
        header = len(_MAGIC) + _DIGEST
        if len(blob) < header + 1 or not blob.startswith(_MAGIC):
            raise IndexCorrupt(f"index for user {user_id} has no valid header")
        body = blob[header:]
        if hashlib.sha256(body).digest() != blob[len(_MAGIC) : header]:
            raise IndexCorrupt(f"index for user {user_id} fails its checksum")
        tag_end = 1 + body[0]
        try:
            version = body[1:tag_end].decode("utf-8")
            index = faiss.deserialize_index(np.frombuffer(body[tag_end:], dtype=np.uint8))
        except (UnicodeDecodeError, RuntimeError) as exc:
            raise IndexCorrupt(f"index for user {user_id} cannot be read: {exc}") from exc
        with self._cache_guard:
            if len(self._cache) >= _CACHE_SIZE:
                # Dicts keep insertion order: drop the oldest entry.
                self._cache.pop(next(iter(self._cache)))
            self._cache[int(user_id)] = (identity, index, version)
        return index, version

    def version(self, user_id: int) -> str:
        """Return the version tag the user's index was written with; raise like search."""
        return self._load(user_id)[1]

    def search(self, user_id: int, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Return up to k (id, cosine) pairs nearest to vector, best first."""
        query = _as_matrix(vector, "vector")
        if query.shape[0] != 1:
            raise ValueError("search takes one query vector")
        index, _ = self._load(user_id)
        if query.shape[1] != index.d:
            raise ValueError(f"query has {query.shape[1]} dimensions, the index {index.d}")
        k = min(int(k), index.ntotal)
        if k <= 0:
            return []
        scores, ids = index.search(query, k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save_jd(self, user_id: int, text: str, vector: np.ndarray) -> None:
        """Store the job description and its embedding beside the user's index, atomically."""
        matrix = _as_matrix(vector, "vector")
        if matrix.shape[0] != 1:
            raise ValueError("save_jd takes one vector")
        # float32 -> Python float -> JSON -> float32 is exact, and JSON keeps both in one file.
        data = json.dumps({"text": text, "vector": matrix[0].tolist()}).encode("utf-8")
        with self.lock(user_id):
            _atomic_write(self._user_dir(user_id) / JD_FILE, data)

    def load_jd(self, user_id: int) -> tuple[str, np.ndarray] | None:
        """Return the stored job description and its vector, or None when there is none."""
        path = self._user_dir(user_id) / JD_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            text, vector = data["text"], np.asarray(data["vector"], dtype=np.float32)
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError) as exc:
            raise IndexCorrupt(f"job description for user {user_id} cannot be read") from exc
        if not isinstance(text, str) or vector.ndim != 1:
            raise IndexCorrupt(f"job description for user {user_id} has the wrong shape")
        return text, vector

    def delete(self, user_id: int) -> None:
        """Remove the user's index and job description; do nothing if there are none."""
        directory = self._user_dir(user_id)
        with self.lock(user_id):
            if directory.exists():
                shutil.rmtree(directory)
            with self._cache_guard:
                self._cache.pop(int(user_id), None)

    def exists(self, user_id: int) -> bool:
        """Tell whether the user has an index on disk."""
        return (self._user_dir(user_id) / INDEX_FILE).is_file()
