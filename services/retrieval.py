"""Questions about a stored resume: semantic search (healing the index) and fit to other jobs."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from sqlalchemy import bindparam, select

from database import PreparedSelect
from models import ResumeAnalysis, ResumeChunk, db
from rag import embeddings
from rag.search import hybrid_search
from rag.store import IndexStore, StoreError
from resume.fit import analyze_fit
from services.errors import NoResume
from services.ingest import restore_index


def _index_matches(
    store: IndexStore, user_id: int, vector, chunk_ids: set[int], version: str
) -> bool:
    try:
        found = {i for i, _ in store.search(user_id, vector, len(chunk_ids) + 1)}
        built_from = store.version(user_id)
    except StoreError:
        return False
    # An index from an upload that died before its commit, or a stale copy on a host that did
    # not take the latest upload, carries another upload's version (and holds other ids).
    return found == chunk_ids and built_from == version


class _Hit(NamedTuple):
    text: str
    section: str
    position: int


# Compiled once per engine: a search binds only the user id. Chunks exist only beside their
# analysis (both are written in one commit), so the inner join loses nothing.
_SEARCH_CHUNKS = PreparedSelect(
    select(
        ResumeChunk.id,
        ResumeChunk.text,
        ResumeChunk.section,
        ResumeChunk.position,
        ResumeAnalysis.file_token,
    )
    .join(ResumeAnalysis, ResumeAnalysis.user_id == ResumeChunk.user_id)
    .where(ResumeChunk.user_id == bindparam("uid"))
)


def latest_analysis(user_id: int) -> ResumeAnalysis:
    """Return the user's stored analysis, or raise NoResume before any upload."""
    analysis = db.session.execute(
        select(ResumeAnalysis).where(ResumeAnalysis.user_id == user_id)
    ).scalar_one_or_none()
    if analysis is None:
        raise NoResume()
    return analysis


def search_resume(user_id: int, query: str, k: int, store: IndexStore) -> list[dict]:
    """Return the user's k chunks nearest to the query, or raise NoResume without a resume."""
    # One read outside the ORM session, of only the columns the answer needs: the embedding
    # blobs stay in the database.
    rows = _SEARCH_CHUNKS.all(db.engine, {"uid": user_id})
    if not rows:
        raise NoResume()
    chunks = {row[0]: _Hit(*row[1:4]) for row in rows}
    # The committed upload's token is the version its index carries; chunk ids alone are not
    # one (SQLite may hand a deleted row's id out again).
    version = rows[0][4]
    vector = embeddings.embed([query])
    if not _index_matches(store, user_id, vector, set(chunks), version or ""):
        restore_index(user_id, store)
    hits = hybrid_search(
        store, user_id, query, {i: c.text for i, c in chunks.items()}, k, embed=lambda _: vector
    )
    return [
        {
            "text": chunks[i].text,
            "section": chunks[i].section,
            "position": chunks[i].position,
            "score": round(max(-1.0, min(1.0, score)), 4),
        }
        for i, score in hits
    ]


def fit_stored_resume(user_id: int, jd_text: str) -> dict:
    """Score the stored resume against another job description, reusing its chunk vectors."""
    analysis = latest_analysis(user_id)
    blobs = db.session.execute(
        select(ResumeChunk.embedding)
        .where(ResumeChunk.user_id == analysis.user_id)
        .order_by(ResumeChunk.position)
    ).scalars()
    vectors = [np.frombuffer(blob, dtype=np.float32) for blob in blobs]
    data = analysis.data
    return analyze_fit(
        resume_text=analysis.resume_text,
        resume_skills=data.get("skills", []),
        candidate_years=data.get("experience_years_exact", data["experience_years"]),
        jd_text=jd_text,
        embed=embeddings.embed_texts,
        resume_vector=embeddings.pooled(np.stack(vectors)) if vectors else None,
    )
