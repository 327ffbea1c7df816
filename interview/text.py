"""Word-level text helpers for scoring: tokens, stop words and Snowball stems."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# Function words carry no concept. "not" and "no" are here too, so the wording "not null"
# is matched on "null"; a wording made only of stop words is matched whole.
_STOP_TEXT = """
a an the of to in on and or is are be been being it its it's this that these those for
with as by at from can will would should could do does did not no but if then than so such
which who whom what when where why how there their they them we you your i my me he she his
her our us was were has have had into out up down over under about also may might must any
all each both other some more most very just only same own one ones thing things use used
using way ways get gets make makes like i'm i've i'd let lets let's etc e.g i.e e g ie eg
because while via per yes well really basically actually
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

_TOKEN = re.compile(r"[^\W_][\w+#']*(?:[.\-][^\W_][\w+#]*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def tokens(text: str) -> list[str]:
    """Split text into lower-case word tokens (keeps c++, c#, node.js, e-mail whole)."""
    return [t.rstrip("'").removesuffix("'s") for t in _TOKEN.findall((text or "").lower())]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball stem of one lower-case word."""
    return _stemmer().stemWord(word)


def content_tokens(text: str) -> list[str]:
    """Return the tokens of text that are not stop words, in order."""
    return [t for t in tokens(text) if t and t not in STOP_WORDS]


def content_stems(text: str) -> list[str]:
    """Return the stems of the content words of text, in order."""
    return [stem(t) for t in content_tokens(text)]


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """Return a wording's stems, stop words dropped unless the wording is only stop words."""
    words = tokens(phrase)
    kept = [w for w in words if w not in STOP_WORDS] or words
    return tuple(stem(w) for w in kept)


def sentences(text: str) -> list[str]:
    """Split text into sentences on terminal punctuation and line breaks."""
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s and s.strip()]


def contains_phrase(haystack: list[str], needle: tuple[str, ...]) -> bool:
    """Tell whether the stem sequence needle occurs in haystack, allowing one word between."""
    if not needle:
        return False
    if len(needle) == 1:
        return needle[0] in haystack
    n = len(needle)
    for i, word in enumerate(haystack):
        if word != needle[0]:
            continue
        j, k = i + 1, 1
        # One inserted word ("primary key" in "primary composite key") still expresses it.
        while k < n and j < len(haystack) and j <= i + n:
            if haystack[j] == needle[k]:
                k += 1
            j += 1
        if k == n:
            return True
    return False
