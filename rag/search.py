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

# Weight of the section prior added when a chunk's section is the one the question asks about.
# "What was my role at X?" is answered by an experience entry even where X also appears in an
# award or a degree, or is not printed at all (a theme that drops company names). Kept well
# below the lexical weight, so a chunk that names X still wins from another section. Dev set
# and proxy set agree on 0.2-0.3 (0.1-0.15 gain less, with every phrasing tried).
INTENT_WEIGHT = 0.2

# Question words that point at a section, keyed by the section names resume.parse gives.
_INTENT_WORDS = {
    "experience": """role roles position positions title job jobs work worked working employer
        employers employed employment company companies responsibilities responsible career""",
    "education": """study studied studies studying degree degrees major majored minor university
        college school education graduate graduated diploma gpa thesis""",
    "projects": "project projects",
    "certifications": """certification certifications certificate certificates certified license
        licenses licence licences credential credentials""",
    "skills": "skill skills technologies stack proficient proficiency",
    "awards": "award awards honor honors honour honours prize prizes",
    "publications": "publication publications paper papers published",
    "volunteer": "volunteer volunteered volunteering",
}
_INTENTS = {word: name for name, words in _INTENT_WORDS.items() for word in words.split()}
# Sections that answer the same questions as the one named.
_ALSO = {"experience": ("internships",)}
_ALL = 1 << 20  # more than any user's chunk count; the store clips k to the index size
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")
_RAW_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z0-9]")


def terms(text: str) -> list[str]:
    """Split text into lower-case search terms, keeping C++, C#, node.js and the like whole."""
    return _TOKEN.findall(text.casefold())


def _is_cue(raw: str, first: bool) -> bool:
    # A capitalised word past the first is part of a name: "University" in "my role at
    # University of Manchester" says where, not what.
    return (first or raw.islower()) and raw.casefold() in _INTENTS


def _query_terms(query: str) -> list[str]:
    """Return the query's content terms: no short lower-case words, no section cue words."""
    kept = []
    for n, match in enumerate(_RAW_TOKEN.finditer(query)):
        raw = match.group(0)
        # "go", "it", "r" typed in lower case are words of the question; "Go", "R", "C#" and
        # "SQL" as written name a skill.
        if len(raw) <= 3 and raw.isalpha() and raw.islower():
            continue
        # "role" or "study" says which section answers, not what the answer holds: as a term it
        # would pull whichever chunk happens to use the word.
        if _is_cue(raw, n == 0):
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


_LABEL = re.compile(r"([A-Za-z][A-Za-z ]{0,40}): ")


def chunk_section(text: str) -> str:
    """Return the section name a chunk's text starts with ("Experience: ..."), or ""."""
    # rag.chunking writes the section's name, capitalised, in front of every chunk.
    match = _LABEL.match(text)
    return match.group(1).strip().casefold().replace(" ", "_") if match else ""


def query_sections(query: str) -> set[str]:
    """Return the resume sections a question asks about from its wording ("my role" -> work)."""
    found: set[str] = set()
    for n, match in enumerate(_RAW_TOKEN.finditer(query)):
        raw = match.group(0)
        if _is_cue(raw, n == 0):
            name = _INTENTS[raw.casefold()]
            found.add(name)
            found.update(_ALSO.get(name, ()))
    return found


def intent_scores(query: str, texts: list[str]) -> np.ndarray:
    """Score 1 for each text in a section the question asks about, else 0."""
    wanted = query_sections(query)
    return np.array([chunk_section(t) in wanted for t in texts], dtype=np.float32)


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
    chosen = [texts[i] for i in ids]
    lexical = lexical_scores(query, chosen)
    intent = intent_scores(query, chosen)
    # Divided back so a score stays within [-1, 1] like the cosine it extends.
    blended = (cosine + LEXICAL_WEIGHT * lexical + INTENT_WEIGHT * intent) / (
        1 + LEXICAL_WEIGHT + INTENT_WEIGHT
    )
    order = np.argsort(-blended, kind="stable")[: max(0, int(k))]
    return [(ids[j], float(blended[j])) for j in order]
