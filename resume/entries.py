"""Entry lists of a resume: project names (certifications and education: resume.credentials)."""

from __future__ import annotations

import re

from resume.lines import (
    BULLET_CHARS,
    URLISH,
    dedupe,
    title_text,
)
from resume.sections import Section, clean_line
from resume.skills import raw_hits

ENTRY_LABEL = re.compile(
    r"^(?:skills|keywords|technologies|tech|stack|tools|role|link|url|website|github|"
    r"highlights|courses|responsibilities|achievements|tech stack|built with|summary)"
    r"(?:\s*:|\s*$)",
    re.I,
)
SITE_NAME = re.compile(r"[a-z0-9][\w-]{1,40}\.(?:dev|io|app|com|org|net|ai|sh|xyz)", re.I)
PACKAGE_NAME = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")

# An entry's name line ("Stanford University, School of Engineering", a project's title with
# its stack) stays under 14 words; longer lines are descriptions.
ENTRY_MAX_WORDS = 14
# A line that ends in a full stop and has more than eight words is a sentence, not a name.
SENTENCE_MIN_WORDS = 8
# A project's name with its tagline ("Pathfinder - route planner for cargo bikes") stays
# under 100 characters; one wrapped over two lines may reach 120 once joined.
PROJECT_NAME_MAX_CHARS = 100
JOINED_NAME_MAX_CHARS = 120
# A project listed one per line is named in a few words ("Kafka Offset Inspector"); a longer
# line without a dash before its description is a sentence.
ONE_LINE_NAME_MAX_WORDS = 8
# A line this long that stops without a full stop wrapped; a lower-case line under it is its end.
WRAP_MIN_CHARS = 60
# A description line under a bare name is a sentence of three words or more.
DESCRIPTION_MIN_WORDS = 3


def _is_date_only(line: str) -> bool:
    return bool(line) and not title_text(line)


def _mostly_skills(line: str) -> bool:
    hits = raw_hits(line)
    words = line.split()
    covered = sum(len(line[h.start : h.end].split()) for h in hits)
    return len(hits) >= 2 and covered >= 0.6 * len(words)


def projects(sections: list[Section]) -> list[str]:
    """Return project names: the first line of each entry in the projects sections."""
    out: list[str] = []
    rest: list[str] = []
    for s in sections:
        if s.name != "projects":
            continue
        lines = [ln.strip() for ln in s.text.splitlines()]
        listed = _one_line_entries(lines)
        if listed is None:
            rest.extend(lines)
        else:
            out.extend(listed)
    return dedupe(out + _project_entries(rest))


def _one_line_entries(lines: list[str]) -> list[str] | None:
    """Return the names of a list of one-line projects, or None when the lines are not one.

    "Name – what it does" or a bare name on every line, with no bullets, dates or description
    paragraphs: each line is its own project (the entry-by-entry reading needs a description
    between two names, so it keeps only the first of these).
    """
    names: list[str] = []
    previous = ""
    named = False  # the line above was a bare name, so a sentence under it describes it
    for raw in lines:
        if not raw:
            previous, named = "", False
            continue
        # "... to automate a weekly" / "chore." or "Roadmap Ownership.": the tail of the line
        # above, wrapped.
        wrapped = len(previous) > WRAP_MIN_CHARS and previous[-1:] not in ".!?)"
        if wrapped and (raw[:1].islower() or raw.endswith(".")):
            previous, named = raw, False
            continue
        cleaned = clean_line(raw)
        # "Kirana Ledger" / "Offline-first bookkeeping app prototype.": a name's one line.
        if (
            named
            and cleaned.endswith(".")
            and len(cleaned.split()) >= DESCRIPTION_MIN_WORDS
            and _cut_description(cleaned) == cleaned  # not a "Name: what it does" of its own
        ):
            previous, named = raw, False
            continue
        previous = raw
        if SITE_NAME.fullmatch(cleaned):  # "pierogi.dev": a project named by its site
            names.append(cleaned)
            named = True
            continue
        if raw[:1] in BULLET_CHARS or cleaned != title_text(raw) or URLISH.search(cleaned):
            return None
        name = _cut_description(cleaned.rstrip(":").strip())
        cut = name != cleaned.rstrip(":").strip()
        if not _project_name_ok(name, raw) or len(name.split()) > ONE_LINE_NAME_MAX_WORDS:
            return None
        if not cut and (cleaned.endswith(".") or not _title_like(name)):
            return None
        names.append(name.rstrip("."))
        named = not cut
    return names if len(names) >= 2 else None


def _project_entries(lines: list[str]) -> list[str]:
    """Return the first line of each entry of project lines written as name, details, text."""
    out: list[str] = []
    next_full = [len(lines)] * len(lines)  # index of the next non-blank line
    for i in range(len(lines) - 2, -1, -1):
        next_full[i] = i + 1 if lines[i + 1] else next_full[i + 1]
    # Where entries put their dates on the line under the name, every name has one: an undated
    # short line in a body ("400 stars on GitHub") is then a detail, not a new project.
    dated = sum(
        bool(ln) and not _is_date_only(ln) and j < len(lines) and _is_date_only(lines[j])
        for ln, j in zip(lines, next_full, strict=True)
    )
    state = "start"  # start -> header (name seen) -> body (description seen) -> header ...
    boundary = True  # the previous line closed a paragraph
    for idx, raw in enumerate(lines):
        if not raw:
            boundary = True
            continue
        cleaned = clean_line(raw)
        title = title_text(raw)
        has_date = bool(title) and title != " ".join(cleaned.split()).strip(" ,|-–—·")
        nxt = lines[next_full[idx]] if next_full[idx] < len(lines) else ""
        next_is_date = bool(nxt) and _is_date_only(nxt)
        name = _cut_description(title.rstrip(":").strip())
        cut = name != title.rstrip(":").strip()
        ok = _project_name_ok(name, raw) and not (
            not cut and len(name.split()) >= 6 and nxt[:1].islower()  # wrapped prose
        )
        strong = has_date or next_is_date or (raw.endswith(":") and len(name.split()) <= 6)
        prev = lines[idx - 1] if idx > 0 else ""
        # "EUREBOOK - Distributed Sharded Key-Value" / "Store:": a name wrapped in two.
        if (
            ok
            and raw.endswith(":")
            and len(name.split()) <= 2
            and state == "body"
            and prev
            and not prev.endswith((".", ":", "!", "?", ")"))
            and len(prev.split()) <= 8
        ):
            name = f"{title_text(prev)} {name}"
        # After a blank line that closes a described entry, an unpunctuated line opens the
        # next, however long its name ("Development and implementation of a social bond
        # management system" over "Side project; open source").
        opens = idx > 0 and not lines[idx - 1] and not name.endswith(".") and bool(nxt)
        if ok and (
            strong
            or state == "start"
            or (dated < 2 and state == "body" and boundary and (_title_like(name) or opens))
        ):
            dangling = re.search(r"(?:\b(?:and|of|for|the|a|an|to|with|in|on)|[&,])$", prev)
            if prev and (
                (name[:1].islower() and not prev.endswith((".", "!", "?", ":", ")"))) or dangling
            ):
                # "Development of a social bond management" / "system." / date: one name.
                joined = f"{title_text(prev)} {name}"
                if out and out[-1] == title_text(prev).rstrip("."):
                    out.pop()
                name = joined if len(joined) <= JOINED_NAME_MAX_CHARS else name
            out.append(name.rstrip("."))
            state, boundary = "header", False
            continue
        keywords = _mostly_skills(cleaned)
        header_line = (
            not title
            or URLISH.search(cleaned) is not None
            or ENTRY_LABEL.match(cleaned) is not None
        )
        if keywords:
            state = "body"  # a line of technologies closes an entry
        elif not header_line:
            state = "body"
        boundary = (
            raw.endswith((".", "!", "?", ")", "…"))
            or header_line
            or keywords
            or raw[:1] in BULLET_CHARS
            or raw.startswith("(cid:")
        )
    return out


def _title_like(name: str) -> bool:
    """Tell whether a line reads like a name ("Big Island Buses"), not a bullet point."""
    words = name.split()
    if len(words) > 8 or ", " in name or name.endswith("."):
        return False
    caps = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    return len(words) <= 3 or caps * 2 >= len(words)


def _cut_description(title: str) -> str:
    """Keep the name of "Name: what it does" or "Name — a thing that does"."""
    title = re.sub(
        r"\(?\s*(?:https?://)?(?:[\w-]+\.)+(?:com|io|org|net|dev|app)\S*\s*\)?", " ", title
    )
    title = " ".join(title.split())
    head, sep, _ = title.partition(": ")
    if sep and 1 <= len(head.split()) <= 8:
        return head.strip()
    m = re.match(r"^(.{2,60}?)\s+[-–—]\s+([a-z].*)$", title)
    if m and len(m.group(1).split()) <= 6:
        return m.group(1).strip()
    # "Talk Dim Sum — A small tool built with ..." / "Kafka Inspector. CLI to inspect lag.":
    # a dash or a full stop before a sentence-long description of three words or more.
    m = re.match(r"^(.{2,60}?)(?:\s+[–—|]\s+|\s+-\s+(?=\S+(?:\s+\S+){3})|\.\s+)([A-Z].*)$", title)
    if m and len(m.group(1).split()) <= ONE_LINE_NAME_MAX_WORDS and len(m.group(2).split()) >= 3:
        return m.group(1).strip()
    return title


def _project_name_ok(name: str, raw: str) -> bool:
    words = name.split()
    if (
        raw[:1] in BULLET_CHARS
        or raw.startswith("(cid:")
        or not (2 <= len(name) <= PROJECT_NAME_MAX_CHARS)
    ):
        return False
    if len(words) > ENTRY_MAX_WORDS or (name.endswith(".") and len(words) > SENTENCE_MIN_WORDS):
        return False
    if not (name[:1].isupper() or name[:1].isdigit() or len(words) <= 4):
        return False
    # "symfony-audit-bundle": a package's name is one word, whatever skills it is made of.
    package = PACKAGE_NAME.fullmatch(name) is not None
    return not (
        ENTRY_LABEL.match(name) or URLISH.search(name) or (_mostly_skills(name) and not package)
    )
