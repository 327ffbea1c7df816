"""The resume pipeline: receive, extract, parse, score, index, and commit all-or-nothing."""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
import uuid
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError

from config import (
    DEFAULT_EXTRACT_MEMORY_MB,
    DEFAULT_EXTRACT_TIMEOUT,
    DEFAULT_JD_MAX_CHARS,
    DEFAULT_MAX_RESUME_CHARS,
    DEFAULT_MAX_RESUME_PAGES,
)
from models import ResumeAnalysis, ResumeChunk, User, db
from rag import embeddings
from rag.chunking import Chunk, chunk_sections
from rag.store import IndexStore
from resume.extract import extract_document, sniff_kind
from resume.fit import analyze_fit
from resume.parse import ParsedResume, parse_resume
from resume.skills import normalise_skills
from services.errors import InvalidJobDescription, NoResume
from services.mastery import seed_topics
from services.staging import PENDING_DIR, finish_file_moves, pending_name, write_pending

MAX_NAME = 200
# Threads that wait on extraction children, one per upload in flight in this process (gunicorn
# runs GUNICORN_THREADS requests at once; more only queue, which is no worse than before).
_WAITERS = futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="extract-wait")


@dataclass
class Settings:
    """The limits and folders one upload works with."""

    upload_folder: Path
    max_pages: int = DEFAULT_MAX_RESUME_PAGES
    timeout: float = DEFAULT_EXTRACT_TIMEOUT
    memory_mb: int = DEFAULT_EXTRACT_MEMORY_MB
    jd_max_chars: int = DEFAULT_JD_MAX_CHARS
    max_text_chars: int = DEFAULT_MAX_RESUME_CHARS

    @classmethod
    def from_config(cls, config: Any) -> Settings:
        """Read the upload settings from a Flask config mapping."""
        return cls(
            upload_folder=Path(config["UPLOAD_FOLDER"]),
            max_pages=int(config["MAX_RESUME_PAGES"]),
            timeout=float(config["EXTRACT_TIMEOUT"]),
            memory_mb=int(config["EXTRACT_MEMORY_MB"]),
            jd_max_chars=int(config["JOB_DESCRIPTION_MAX_CHARS"]),
            max_text_chars=int(config["MAX_RESUME_CHARS"]),
        )


@dataclass
class Prepared:
    """Everything an upload computed before it touches the user's stored state."""

    pending: Path
    filename: str
    original_filename: str
    parsed: ParsedResume
    chunks: list[Chunk]
    vectors: np.ndarray
    jd_text: str
    jd_vector: np.ndarray
    fit: dict[str, Any]


def safe_filename(original: str, kind: str) -> str:
    """Return a filesystem-safe version of an uploaded name, keeping its stem where possible."""
    stem = os.path.splitext(os.path.basename(original.replace("\\", "/")))[0]
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")
    # Nothing left (an all-Cyrillic name, say): fall back to a neutral name.
    return f"{(stem or 'resume')[:MAX_NAME]}.{kind}"


def _without_controls(text: str) -> str:
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))


def validate_job_description(value: str | None, limit: int) -> str:
    """Return the job description, or raise InvalidJobDescription when missing, blank or long."""
    # Blank once control and format characters go: nothing a reader could see is left.
    if value is None or not _without_controls(value).strip():
        raise InvalidJobDescription(
            "A job description is required with the resume.", "is required and must not be blank"
        )
    text = value.strip().replace("\x00", "")
    if len(text) > limit:
        raise InvalidJobDescription(
            f"The job description is longer than {limit} characters.",
            f"must be at most {limit} characters",
        )
    return text


def lock_user_row(user: User) -> None:
    """Reload the user's row and lock it until the transaction ends, across hosts and processes.

    The IndexStore's file lock covers one host's DATA_DIR; hosts that share the database and
    UPLOAD_FOLDER serialise a user's writes on this row lock instead (PostgreSQL's
    SELECT ... FOR UPDATE; SQLite, one host only, serialises writers itself and ignores it).
    """
    db.session.refresh(user, with_for_update=True)


def _no_lap(_stage: str) -> None:
    pass


def prepare(
    user_id: int,
    data: bytes,
    original: str,
    jd_text: str,
    settings: Settings,
    lap: Callable[[str], None] = _no_lap,
) -> Prepared:
    """Run the expensive, side-effect-free part of an upload: extract, parse, embed, score.

    `lap(stage)` is called as each stage ends, so benchmarks can time the real pipeline.
    """
    kind = sniff_kind(data, original)
    lap("sniff_kind")
    jd_chunks = embeddings.chunk_texts(jd_text)
    if not jd_chunks:
        raise InvalidJobDescription(
            "The job description has no text to read.", "has no readable text"
        )
    pending = write_pending(settings.upload_folder, user_id, data)
    lap("write_pending")
    try:
        # Extraction runs in a child process, and this thread would only wait for it: it
        # embeds the job description meanwhile (README, "Upload against the floor").
        extraction = _WAITERS.submit(
            extract_document,
            pending,
            kind,
            max_pages=settings.max_pages,
            max_chars=settings.max_text_chars,
            timeout=settings.timeout,
            memory_mb=settings.memory_mb,
        )
        try:
            jd_vectors = embeddings.embed(jd_chunks)
        finally:
            # Never return while the child may still read the pending file.
            futures.wait([extraction])
        jd_vector = embeddings.pooled(jd_vectors)
        got = extraction.result()
        lap("extract_text")
        parsed = parse_resume(got.text.replace("\x00", ""), layout=got.lines)
        lap("parse_resume")
        chunks = chunk_sections(
            [(s.name, s.text) for s in parsed.sections], embeddings.count_tokens
        )
        lap("chunk")
        vectors = embeddings.embed([c.text for c in chunks])
        lap("embed")
        fit = analyze_fit(
            resume_text=parsed.text,
            resume_skills=parsed.skills,
            candidate_years=parsed.experience_years_exact,
            jd_text=jd_text,
            embed=embeddings.embed_texts,
            resume_vector=embeddings.pooled(vectors) if len(vectors) else None,
            jd_vector=jd_vector,
        )
        lap("analyze_fit")
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    return Prepared(
        pending=pending,
        filename=f"{user_id}_{safe_filename(original, kind)}",
        original_filename="".join(ch for ch in original if ch.isprintable())[:255],
        parsed=parsed,
        chunks=chunks,
        vectors=vectors,
        jd_text=jd_text,
        jd_vector=jd_vector,
        fit=fit,
    )


def analysis_data(parsed: ParsedResume, fit: dict[str, Any], chunks: int, jd_stored: bool) -> dict:
    """Shape the response's `data` object, field for field as on the docs page."""
    return {
        **parsed.extracted(),
        "job_fit_analysis": fit,
        "chunks_processed": chunks,
        "rag_ready": chunks > 0,
        "jd_embedding_stored": jd_stored,
        "experience_years_exact": round(parsed.experience_years_exact, 2),
        "internship_years": round(parsed.internship_years, 2),
    }


def commit(user: User, prep: Prepared, store: IndexStore, settings: Settings) -> dict:
    """Replace the user's resume, chunks, index, analysis and profile fields in one step."""
    token = uuid.uuid4().hex
    staged = settings.upload_folder / PENDING_DIR / pending_name(user.id, token)
    committed = False
    try:
        with store.lock(user.id):
            # Another upload (on any host) may have committed while we waited: work on the
            # latest row, and hold it until our commit.
            lock_user_row(user)
            old_filename = user.resume_filename
            finish_file_moves(user, settings.upload_folder)
            os.replace(prep.pending, staged)
            db.session.execute(delete(ResumeChunk).where(ResumeChunk.user_id == user.id))
            rows = [
                ResumeChunk(
                    user_id=user.id,
                    section=c.section,
                    position=c.position,
                    text=c.text,
                    embedding=vec.astype(np.float32).tobytes(),
                )
                for c, vec in zip(prep.chunks, prep.vectors, strict=True)
            ]
            db.session.add_all(rows)
            db.session.flush()
            data = analysis_data(prep.parsed, prep.fit, len(rows), jd_stored=True)
            analysis = db.session.execute(
                select(ResumeAnalysis).where(ResumeAnalysis.user_id == user.id)
            ).scalar_one_or_none() or ResumeAnalysis(user_id=user.id)
            analysis.filename = prep.filename
            analysis.original_filename = prep.original_filename
            analysis.job_description = prep.jd_text
            analysis.jd_embedding = prep.jd_vector.astype(np.float32).tobytes()
            analysis.resume_text = prep.parsed.text
            analysis.file_token = token
            analysis.data = data
            db.session.add(analysis)
            user.apply_resume(
                prep.filename, prep.parsed.experience_years, prep.parsed.skills, normalise_skills
            )
            # Practice starts from the resume's skills and the job's: a topic row for each.
            job_skills = prep.fit.get("matching_skills", []) + prep.fit.get("missing_skills", [])
            seed_topics(user, list(user.skills or []) + list(job_skills))
            # Index files first: if we die before the commit, the stale ids give it away
            # and the index is rebuilt from the committed chunks.
            store.write(user.id, [r.id for r in rows], prep.vectors, version=token)
            store.save_jd(user.id, prep.jd_text, prep.jd_vector[None, :])
            db.session.commit()
            committed = True
            # The database says this upload won: roll its staged file into place and drop the
            # old one, under the row lock again so no other host's upload moves files meanwhile.
            lock_user_row(user)
            finish_file_moves(user, settings.upload_folder)
            if old_filename and old_filename != user.resume_filename:
                (settings.upload_folder / old_filename).unlink(missing_ok=True)
            db.session.commit()
    except BaseException:
        if not committed:
            db.session.rollback()
            staged.unlink(missing_ok=True)
            prep.pending.unlink(missing_ok=True)
            # Best effort: on a full disk or a lost database this fails like the upload did,
            # and the next search finds the index does not match the chunks and rebuilds it.
            with contextlib.suppress(OSError, SQLAlchemyError):
                restore_index(user.id, store)
        raise
    return data


def restore_index(user_id: int, store: IndexStore) -> None:
    """Rewrite the user's index and job-description files from the committed database rows."""
    with store.lock(user_id):
        rows = db.session.execute(
            select(ResumeChunk.id, ResumeChunk.embedding)
            .where(ResumeChunk.user_id == user_id)
            .order_by(ResumeChunk.id)
        ).all()
        analysis = db.session.execute(
            select(ResumeAnalysis).where(ResumeAnalysis.user_id == user_id)
        ).scalar_one_or_none()
        if not rows and analysis is None:
            store.delete(user_id)
            return
        vectors = (
            np.stack([np.frombuffer(r.embedding, dtype=np.float32) for r in rows])
            if rows
            else (np.zeros((0, embeddings.DIMENSION), dtype=np.float32))
        )
        # The index's version is the committed upload's token (see services.retrieval).
        version = analysis.file_token if analysis is not None else ""
        store.write(user_id, [r.id for r in rows], vectors, version=version)
        if analysis is not None and analysis.jd_embedding:
            jd = np.frombuffer(analysis.jd_embedding, dtype=np.float32)[None, :]
            store.save_jd(user_id, analysis.job_description, jd)


def remove_resume(user: User, store: IndexStore, settings: Settings) -> None:
    """Delete the user's resume file, chunks, index, job description and analysis."""
    with store.lock(user.id):
        lock_user_row(user)
        finish_file_moves(user, settings.upload_folder)
        analysis = db.session.execute(
            select(ResumeAnalysis).where(ResumeAnalysis.user_id == user.id)
        ).scalar_one_or_none()
        had_any = analysis is not None or bool(user.resume_filename)
        filename = user.resume_filename
        db.session.execute(delete(ResumeChunk).where(ResumeChunk.user_id == user.id))
        if analysis is not None:
            db.session.delete(analysis)
        user.resume_filename = None
        db.session.commit()
        store.delete(user.id)
        if filename:
            (settings.upload_folder / filename).unlink(missing_ok=True)
    if not had_any:
        raise NoResume()
