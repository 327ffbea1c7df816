"""Search a user's resume chunks: dense FAISS similarity blended with exact-term overlap."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

import numpy as np

from rag.store import IndexStore

# Weight of the lexical score (0-1) added to the cosine. MiniLM is weak on proper nouns: a
# question naming a company or a course ("my role at Acme?") is answered by the chunk that
# contains that name, which plain cosine often ranks below generic "role" chunks.
LEXICAL_WEIGHT = 0.5

# Words that frame a question rather than say what it is about.
_STOP_WORDS = """
a about all an and any are as at be been being by can could did do does for from had has
have how i in is it its me my of on or our please should tell that the their there these
this those to was we were what when where which who whom why will with would you your
describe give list explain show
"""
_STOP = frozenset(_STOP_WORDS.split())
_ALL = 1 << 20  # more than any user's chunk count; the store clips k to the index size
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")
_RAW_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z0-9]")


def terms(text: str) -> list[str]:
    """Split text into lower-case search terms, keeping C++, C#, node.js and the like whole."""
    return _TOKEN.findall(text.casefold())


def _query_terms(query: str) -> list[str]:
    """Return the query's terms, without short lower-case words that are ambiguous as names."""
    kept = []
    for match in _RAW_TOKEN.finditer(query):
        raw = match.group(0)
        # "go", "it", "r" typed in lower case are words of the question; "Go", "R", "C#" and
        # "SQL" as written name a skill.
        if len(raw) <= 3 and raw.isalpha() and raw.islower():
            continue
        kept.append(raw.casefold())
    return kept


def lexical_scores(query: str, texts: list[str]) -> np.ndarray:
    """Score each text by the IDF-weighted share of the query's content terms it contains."""
    wanted = [t for t in dict.fromkeys(_query_terms(query)) if t not in _STOP]
    if not wanted or not texts:
        return np.zeros(len(texts), dtype=np.float32)
    documents = [set(terms(text)) for text in texts]
    n = len(documents)
    # IDF over this user's own chunks: a name that appears in one chunk is decisive.
    idf = {t: math.log((n + 1) / (sum(t in d for d in documents) + 0.5)) for t in wanted}
    total = sum(idf.values())
    if total <= 0:
        return np.zeros(n, dtype=np.float32)
    return np.array(
        [sum(idf[t] for t in wanted if t in d) / total for d in documents], dtype=np.float32
    )


def hybrid_search(
    store: IndexStore,
    user_id: int,
    query: str,
    texts: Mapping[int, str],
    k: int,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> list[tuple[int, float]]:
    """Return up to k (chunk id, score) pairs for query over the user's indexed chunks, best first.

    texts maps each indexed chunk id to its text; ids in the index without a text are skipped.
    Raises IndexMissing / IndexCorrupt like IndexStore.search.
    """
    if embed is None:
        from rag.embeddings import embed
    query_vector = embed([query])[0]
    # Per-user indexes are small: score every chunk, then blend.
    dense = store.search(user_id, query_vector, _ALL)
    ids = [i for i, _ in dense if i in texts]
    if not ids:
        return []
    cosine = np.array([s for i, s in dense if i in texts], dtype=np.float32)
    lexical = lexical_scores(query, [texts[i] for i in ids])
    # Divided back so a score stays within [-1, 1] like the cosine it extends.
    blended = (cosine + LEXICAL_WEIGHT * lexical) / (1 + LEXICAL_WEIGHT)
    order = np.argsort(-blended, kind="stable")[: max(0, int(k))]
    return [(ids[j], float(blended[j])) for j in order]
