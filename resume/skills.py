"""Skills taxonomy: canonical names with aliases, and whole-word matching in free text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "skills.txt"

# Characters that glue a token to its neighbour: a name never starts or ends next to them.
_WORD = r"A-Za-z0-9_"
_SEPARATOR_GAP = re.compile(
    r"^[\s,;/|•·●▪◦‣\-–—()\[\]&+:*]*(?:\b(?:and|or|&)\b)?[\s,;/|•·●▪◦‣()\[\]&+:*]*$"
)
_LIST_MARK = re.compile(r"[,;|•·●▪/]")
# Phrases that make an ambiguous name ("Go", "R", "Swift") clearly a technology.
_BEFORE_TECH = re.compile(
    r"\b(?:in|using|with|via|and|written in|programming in|experience in|knowledge of)\s+$", re.I
)
_AFTER_TECH = re.compile(
    r"^\s*(?:developer|developers|engineer|engineers|programmer|programming|language|code|"
    r"codebase|services?|microservices|backend|back-end|api|apis|framework|library|libraries|"
    r"stack|scripts?|modules?|packages?|applications?|apps?|sdk|runtime|projects?)\b",
    re.I,
)


@dataclass(frozen=True)
class Alias:
    """One spelling of a skill and how strictly it must be matched."""

    text: str
    canonical: str
    needs_context: bool  # an everyday word or letter: accept only among other skills
    case_sensitive: bool  # accept only as written (or in capitals)


@dataclass(frozen=True)
class SkillHit:
    """A taxonomy skill found in a text, with the span it was found at."""

    canonical: str
    start: int
    end: int
    needs_context: bool


def _parse_alias(raw: str, canonical: str) -> Alias:
    marks = raw[: len(raw) - len(raw.lstrip("!~"))]
    needs_context = "!" in marks
    case_sensitive = "~" in marks
    text = raw.lstrip("!~").strip()
    # Short names in capitals (CI, UX, XP) are abbreviations only when written in capitals.
    short = len(text) <= 3 and text.isupper()
    tiny_context = needs_context and len(text) <= 2
    return Alias(text, canonical, needs_context, case_sensitive or short or tiny_context)


@lru_cache(maxsize=1)
def load_taxonomy() -> tuple[dict[str, list[Alias]], dict[str, str]]:
    """Load the taxonomy file into an alias index and a canonical-name index."""
    by_key: dict[str, list[Alias]] = {}
    canon_by_key: dict[str, str] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|") if p.strip()]
        canonical = parts[0].lstrip("!~").strip()
        for raw in parts:
            alias = _parse_alias(raw, canonical)
            key = alias.text.lower()
            # The first entry to claim a spelling keeps it; later duplicates are ignored.
            if key in by_key and by_key[key][0].canonical != canonical:
                continue
            by_key.setdefault(key, []).append(alias)
            canon_by_key.setdefault(key, canonical)
    return by_key, canon_by_key


def taxonomy_size() -> int:
    """Return the number of canonical skills in the taxonomy."""
    _, canon = load_taxonomy()
    return len(set(canon.values()))


def _trie_regex(words: list[str]) -> str:
    """Build one regex for many literal words, as a trie: far faster than a flat alternation.

    A word that is a prefix of a longer one becomes an optional tail ("node(?:\\.js)?"), so
    the longest spelling is tried first and a shorter one is the fallback.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def _emit(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return _emit(trie)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    by_key, _ = load_taxonomy()
    names = {a.text.lower() for aliases in by_key.values() for a in aliases}
    body = _trie_regex(sorted(names))
    # Not glued to a word on the left; on the right not glued to a word, "+", "#", or ".js".
    return re.compile(rf"(?<![{_WORD}])(?:{body})(?![{_WORD}+#])(?!\.[{_WORD}])", re.I)


# What a skill key leaves out: everything but Latin letters, digits, "+" and "#" (C++, C#).
_SKILL_KEY_DROP = re.compile(r"[^a-z0-9+#]+")


def _norm_key(name: str) -> str:
    return " ".join(name.lower().split())


def canonical_skill(name: str) -> str | None:
    """Map an alias or any-case spelling to its canonical display name, or None if unknown."""
    _, canon = load_taxonomy()
    key = _norm_key(name.strip().strip(".,;:"))
    if key in canon:
        return canon[key]
    # "Vue JS" vs "Vue.js", "CI CD" vs "CI/CD": compare without punctuation and spaces.
    squashed = re.sub(r"[\s.\-/_]", "", key)
    return _squashed_index().get(squashed) if squashed else None


@lru_cache(maxsize=1)
def _squashed_index() -> dict[str, str]:
    _, canon = load_taxonomy()
    out: dict[str, str] = {}
    for key, value in canon.items():
        out.setdefault(re.sub(r"[\s.\-/_]", "", key), value)
    return out


def _alias_accepts(alias: Alias, matched: str) -> bool:
    if not alias.case_sensitive:
        return True
    return matched == alias.text or (matched.isupper() and len(matched) > 1)


def _glued_short(text: str, start: int, end: int) -> bool:
    """Tell whether a one- or two-letter name is part of a longer token (C-level, R&D, Go's)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    nxt = text[end + 1] if end + 1 < len(text) else " "
    if before in "-'’.&" and end - start <= 2:
        return True
    return after in "-&'’" and nxt.isalnum()


def raw_hits(text: str, *, any_case: bool = False) -> list[SkillHit]:
    """Find every taxonomy name in text with its span, before any context check.

    any_case accepts names in any case ("aws", "c#"), as people type them in a skills list.
    """
    by_key, _ = load_taxonomy()
    hits: list[SkillHit] = []
    for m in _pattern().finditer(text):
        matched = m.group(0)
        aliases = by_key.get(matched.lower(), [])
        alias = next((a for a in aliases if any_case or _alias_accepts(a, matched)), None)
        if alias is None:
            continue
        if len(matched) <= 2 and _glued_short(text, m.start(), m.end()):
            continue
        hits.append(SkillHit(alias.canonical, m.start(), m.end(), alias.needs_context))
    return hits


def _in_list_context(
    text: str, hit: SkillHit, before: SkillHit | None, after: SkillHit | None
) -> bool:
    """Tell whether a hit sits in a list of skills or in a phrase that marks it as technology.

    Only the neighbouring hits can vouch for it: anything farther has a name in between.
    """
    line_start = text.rfind("\n", max(0, hit.start - 200), hit.start) + 1
    line_end = text.find("\n", hit.end, hit.end + 200)
    line_end = min(len(text), hit.end + 200) if line_end < 0 else line_end
    for other in (before, after):
        if other is None:
            continue
        if other.end <= hit.start:
            gap = text[other.end : hit.start]
        elif other.start >= hit.end:
            gap = text[hit.end : other.start]
        else:
            continue
        # Two ambiguous names vouch for each other only in an explicit list ("Rust, Go").
        if (
            "\n" not in gap
            and _SEPARATOR_GAP.match(gap)
            and (not other.needs_context or _LIST_MARK.search(gap))
        ):
            return True
    matched = text[hit.start : hit.end]
    # Phrases vouch for short names only ("Go developer"); "Frontend developer" is a role.
    if matched[:1].isupper() and len(matched) <= 6:
        if _BEFORE_TECH.search(text[max(line_start, hit.start - 30) : hit.start]):
            return True
        if _AFTER_TECH.match(text[hit.end : min(line_end, hit.end + 30)]):
            return True
    return False


def skill_hits(text: str, *, lenient: bool = False) -> list[SkillHit]:
    """Find taxonomy skills in text; ambiguous names need context unless lenient (a skills list)."""
    hits = raw_hits(text)
    if lenient:
        return hits
    hits.sort(key=lambda h: h.start)
    return [
        h
        for i, h in enumerate(hits)
        if not h.needs_context
        or _in_list_context(
            text, h, hits[i - 1] if i else None, hits[i + 1] if i + 1 < len(hits) else None
        )
    ]


def rank_hits(hits: list[SkillHit]) -> list[str]:
    """Order canonical names by how often they occur, then by first position."""
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for h in hits:
        count[h.canonical] = count.get(h.canonical, 0) + 1
        first.setdefault(h.canonical, h.start)
    return sorted(count, key=lambda name: (-count[name], first[name]))


def find_skills(text: str) -> list[str]:
    """Return the canonical taxonomy skills named in free text, most prominent first."""
    return rank_hits(skill_hits(text))


def skill_key(name: str) -> str:
    """Return what identifies a skill: its canonical name if known, lower case, letters only.

    Aliases ("k8s", "Amazon Web Services") key as their canonical name, and spellings that
    differ in spaces or punctuation ("Power BI", "PowerBI") as one. A name with no Latin letter
    or digit keys as "", which identifies nothing.
    """
    return _SKILL_KEY_DROP.sub("", (canonical_skill(name) or name).lower())


def same_skill(a: str, b: str) -> bool:
    """Tell whether two names denote the same skill, aliases, case and punctuation aside."""
    key = skill_key(a)
    return bool(key) and key == skill_key(b)


def normalise_skills(names: list[str]) -> list[str]:
    """Collapse spaces, drop empty names and case-insensitive repeats, keeping the first spelling.

    The rule for lists a person writes (the profile): two spellings the person chose are kept
    apart even when they are aliases of one skill; matching uses same_skill instead.
    """
    seen: set[str] = set()
    out: list[str] = []
    for raw in names:
        name = " ".join(raw.split())
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out
