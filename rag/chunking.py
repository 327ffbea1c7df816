"""Section-aware chunking of resume text into windows the embedding model can read whole."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from resume.experience import has_date_range
from resume.sections import SIDEBAR, WORK_SECTIONS

# [CLS] and [SEP] share the model's window with the text.
SPECIAL_TOKENS = 2

_BULLET_RE = re.compile(r"^\s*[-*•·●▪◦‣–]\s")
# Entry headers (title, company) that precede a date line are short and do not end a sentence.
_HEADER_MAX_WORDS = 8
_HEADER_LOOKBACK = 2


@dataclass
class Chunk:
    """One embeddable piece of a resume: its text (heading included), section and order."""

    text: str
    section: str
    position: int


def _label(name: str) -> str:
    cleaned = re.sub(r"[_\s]+", " ", name).strip()
    return cleaned[:1].upper() + cleaned[1:]


def _is_header_like(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and len(stripped.split()) <= _HEADER_MAX_WORDS
        and not stripped.endswith((".", ";", ","))
        and not _BULLET_RE.match(stripped)
        and not has_date_range(stripped)
    )


def split_entries(text: str) -> list[str]:
    """Split a section's text into entries at blank lines and at lines that start a dated entry."""
    entries: list[list[str]] = []
    current: list[str] = []
    current_has_date = False
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            if current:
                entries.append(current)
            current, current_has_date = [], False
            continue
        if has_date_range(line):
            if current_has_date:
                # The title and company lines just above this date belong to the new entry.
                keep = len(current)
                while (
                    keep > 0
                    and len(current) - keep < _HEADER_LOOKBACK
                    and _is_header_like(current[keep - 1])
                ):
                    keep -= 1
                if keep > 0:
                    entries.append(current[:keep])
                    current = current[keep:]
            current_has_date = True
        current.append(line)
    if current:
        entries.append(current)
    return ["\n".join(lines) for lines in entries]


def _first_entry_line(lines: list[str]) -> int | None:
    """Return the index of the first dated entry's first line (its header above the date)."""
    for i, line in enumerate(lines):
        if has_date_range(line):
            start = i
            while start > 0 and i - start < _HEADER_LOOKBACK and _is_header_like(lines[start - 1]):
                start -= 1
            return start
    return None


def regroup_work(sections: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Give back to the work history the dated entries a side column printed inside it.

    A sidebar section ("Interests", "Languages") that follows the work history and holds a
    date range keeps its own lines up to the first dated entry; from there on the text is the
    work history's again, so its chunks carry the work section's label.
    """
    out: list[tuple[str, str]] = []
    last_main = ""
    for name, text in sections:
        lines = (text or "").splitlines()
        start = _first_entry_line(lines) if name in SIDEBAR and last_main in WORK_SECTIONS else None
        if start is None:
            out.append((name, text))
        else:
            if start > 0:
                out.append((name, "\n".join(lines[:start])))
            out.append((last_main, "\n".join(lines[start:])))
        if name not in SIDEBAR:
            last_main = name
    return out


def _split_word(word: str, budget: int, count_tokens: Callable[[str], int]) -> list[str]:
    """Cut one over-long word (a URL, a run of symbols) into pieces within budget."""
    pieces: list[str] = []
    rest = word
    while rest:
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count_tokens(rest[:mid]) <= budget:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(rest[:lo])
        rest = rest[lo:]
    return pieces


def _split_long(
    entry: str, budget: int, overlap: int, count_tokens: Callable[[str], int]
) -> list[str]:
    """Split an entry longer than budget into word windows that share about overlap tokens."""
    words: list[str] = []
    for word in re.findall(r"\S+\s*", entry):
        if count_tokens(word) > budget:
            words.extend(_split_word(word.rstrip(), budget, count_tokens))
        else:
            words.append(word)
    costs = [count_tokens(w) for w in words]
    pieces: list[str] = []
    start = 0
    while start < len(words):
        end, used = start, 0
        while end < len(words) and used + costs[end] <= budget:
            used += costs[end]
            end += 1
        pieces.append("".join(words[start:end]).strip())
        if end >= len(words):
            break
        # Step back so the next window repeats the tail of this one, but always move forward.
        back, shared = end, 0
        while back - 1 > start and shared + costs[back - 1] <= overlap:
            back -= 1
            shared += costs[back]
        start = back
    return pieces


def chunk_sections(
    sections: Sequence[tuple[str, str]],
    count_tokens: Callable[[str], int],
    max_tokens: int = 256,
    overlap: int = 32,
) -> list[Chunk]:
    """Pack each section's entries into chunks of at most max_tokens model tokens, heading first.

    Jobs a side column interrupted are labelled as work again first (see regroup_work).

    max_tokens is the model's whole window: two places are left for its special tokens, so a
    chunk's count_tokens() stays at most max_tokens - 2 and the model never truncates it.
    """
    if max_tokens <= SPECIAL_TOKENS + 8:
        raise ValueError("max_tokens is too small to hold a heading and some text")
    overlap = max(0, overlap)
    chunks: list[Chunk] = []
    for name, text in regroup_work(sections):
        if not text or not text.strip():
            continue
        label = _label(name)
        prefix = f"{label}: " if label else ""
        budget = max_tokens - SPECIAL_TOKENS - count_tokens(prefix)
        if budget < 8:
            # A heading that eats the window is truncated context, not content: drop it.
            prefix, budget = "", max_tokens - SPECIAL_TOKENS
        items: list[tuple[str, int]] = []
        for entry in split_entries(text):
            cost = count_tokens(entry)
            if cost <= budget:
                items.append((entry, cost))
            else:
                piece_overlap = min(overlap, budget // 2)
                for piece in _split_long(entry, budget, piece_overlap, count_tokens):
                    items.append((piece, count_tokens(piece)))
        groups: list[list[str]] = []
        used = budget + 1
        for entry, cost in items:
            # Wordpiece splits at whitespace first, so joined entries cost the sum of their parts.
            if used + cost > budget:
                groups.append([])
                used = 0
            groups[-1].append(entry)
            used += cost
        for group in groups:
            body = "\n".join(group)
            # A tokenizer that merges across a newline would break the sum; re-split rather
            # than let the model truncate.
            if count_tokens(prefix + body) > max_tokens - SPECIAL_TOKENS:
                parts = _split_long(body, budget, min(overlap, budget // 2), count_tokens)
            else:
                parts = [body]
            for part in parts:
                chunks.append(Chunk(prefix + part, name, len(chunks)))
    return chunks
