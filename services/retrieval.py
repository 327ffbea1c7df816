"""Semantic search over a user's own resume chunks, healing the on-disk index when needed."""

from __future__ import annotations

from sqlalchemy import select

from models import ResumeChunk, db
from rag import embeddings
from rag.store import IndexStore, StoreError
from services.ingest import restore_index


def search_resume(user_id: int, query: str, k: int, store: IndexStore) -> list[dict] | None:
    """Return the user's k chunks nearest to the query, or None when they have no resume."""
    chunks = {
        row.id: row
        for row in db.session.execute(
            select(ResumeChunk).where(ResumeChunk.user_id == user_id)
        ).scalars()
    }
    if not chunks:
        return None
    vector = embeddings.embed([query])
    try:
        hits = store.search(user_id, vector, k)
    except StoreError:
        hits = None
    # An index from an upload that died before its commit names ids the database never kept.
    if hits is None or any(i not in chunks for i, _ in hits):
        restore_index(user_id, store)
        hits = store.search(user_id, vector, k)
    return [
        {
            "text": chunks[i].text,
            "section": chunks[i].section,
            "position": chunks[i].position,
            "score": round(max(-1.0, min(1.0, score)), 4),
        }
        for i, score in hits
        if i in chunks
    ]
