"""Staged upload files: written aside first, rolled into place once the database commits."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from models import ResumeAnalysis, User, db
from rag.store import IndexStore

PENDING_DIR = ".pending"
# This host's name as it appears in staged file names (no "-", which separates the fields).
_HOST = re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:64] or "host"
_INCOMING_RE = re.compile(r"incoming-\d+-([A-Za-z0-9._]+)-(\d+)-")
# Longer than any upload can run (gunicorn times a request out well before).
STALE_INCOMING_SECONDS = 600


def write_pending(folder: Path, user_id: int, data: bytes) -> Path:
    """Write an upload's bytes to a new, synced file in the staging folder; return its path."""
    pending_dir = folder / PENDING_DIR
    pending_dir.mkdir(parents=True, exist_ok=True)
    # The writer's host and pid in the name let a restarted worker drop a dead one's files.
    prefix = f"incoming-{user_id}-{_HOST}-{os.getpid()}-"
    fd, name = tempfile.mkstemp(dir=pending_dir, prefix=prefix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        # A full disk fails the write: leave no partial file behind.
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def pending_name(user_id: int, token: str) -> str:
    """Name the staged file of one committed upload, found again by its analysis's token."""
    return f"commit-{user_id}-{token}"


def finish_file_moves(user: User, upload_folder: Path) -> None:
    """Roll a committed upload's file into place and drop leftovers of uncommitted ones."""
    pending_dir = upload_folder / PENDING_DIR
    staged = list(pending_dir.glob(f"commit-{user.id}-*"))
    if staged:
        analysis = db.session.execute(
            select(ResumeAnalysis).where(ResumeAnalysis.user_id == user.id)
        ).scalar_one_or_none()
        committed = pending_name(user.id, analysis.file_token) if analysis else None
    for leftover in staged:
        # Another process may have rolled or dropped the same file a moment ago.
        with contextlib.suppress(FileNotFoundError):
            if leftover.name == committed and user.resume_filename:
                os.replace(leftover, upload_folder / user.resume_filename)
            else:
                leftover.unlink()
    # Uploads in flight own their incoming files: drop only those of a process that died on
    # this host, and any file older than an upload can run (a dead process on another host).
    cutoff = time.time() - STALE_INCOMING_SECONDS
    for leftover in pending_dir.glob(f"incoming-{user.id}-*"):
        with contextlib.suppress(FileNotFoundError):
            if _writer_is_dead(leftover.name) or leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _writer_is_dead(name: str) -> bool:
    match = _INCOMING_RE.match(name)
    if match is None or match.group(1) != _HOST:
        return False
    try:
        os.kill(int(match.group(2)), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


_STAGED_RE = re.compile(r"(?:commit|incoming)-(\d+)-")


def recover_staged_files(store: IndexStore, upload_folder: Path) -> int:
    """Finish every user's interrupted file moves; run once when a worker starts."""
    pending_dir = upload_folder / PENDING_DIR
    names = (m.group(1) for p in pending_dir.glob("*") if (m := _STAGED_RE.match(p.name)))
    user_ids = sorted({int(n) for n in names})
    for user_id in user_ids:
        with store.lock(user_id):
            # Locked: an upload of this user on another host may be staging a file right now.
            user = db.session.get(User, user_id, with_for_update=True)
            try:
                if user is None:
                    # The account is gone (its rows cascaded): nothing staged can win any more.
                    for leftover in pending_dir.glob(f"*-{user_id}-*"):
                        leftover.unlink(missing_ok=True)
                else:
                    finish_file_moves(user, upload_folder)
            finally:
                db.session.rollback()
    return len(user_ids)
