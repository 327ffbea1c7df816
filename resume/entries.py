"""Entry lists of a resume: project names, certifications and education."""

from __future__ import annotations

import re

from resume.lines import (
    BULLET_CHARS,
    LOCATION,
    URLISH,
    dedupe,
    title_text,
)
from resume.sections import SIDEBAR, Section, clean_line
from resume.skills import raw_hits

INSTITUTION = re.compile(
    r"\b(?:universi\w*|univ\.|college|institute|institut\w*|school|academy|akademie|"
    r"polytechnic|politecnico|polytechnique|école|ecole|escuela|schule|hochschule|"
    r"conservatory|conservatoire|seminary|lyc[ée]e|gymnasium|iut|faculty|facultad|"
    r"bootcamp|campus|center for|centre for|master school|kolleg|cnam|u\.\s?of|"
    # Other languages' schools: Spanish secondary (IES, CIFP), Italian, Polish, Portuguese,
    # Dutch, German universities of applied sciences, French engineering schools.
    r"ies|cifp|instituto|liceo|liceum|politechnika|uniwersytet|escola|scuola|hogeschool|"
    r"fachhochschule|politècnica|politécnica|politecnica|insa)\b",
    re.I,
)
DEGREE = re.compile(
    r"(?<!\w)(?:bachelor'?s?|master'?s?|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?a\.?|m\.?a\.?|mba|ph\.?\s?d|"
    r"doctor(?:ate)?|diploma|associate'?s?|b\.?\s?tech|m\.?\s?tech|b\.?e\.|m\.?e\.|hsc|ssc|"
    r"degree|licence|licenciatura|ingénieur|engineer's|a\.?a\.?s|high school|gcse|a-levels?|"
    r"bs|ms|ba|ma|bsc|msc|beng|meng|btech|mtech|postgraduate|undergraduate|minor|major|"
    r"certified|certificate|certification|ged|technician|graduate|"
    # Other languages' degrees and school-leaving certificates.
    r"grado|bachillerato|bacharelado|licenciado|ingeniero|máster|doctorado|mestrado|"
    r"doutorado|diplôme|diplom|dipl\.|laurea|abitur|baccalauréat|inżynier|licencjat|magister|"
    r"título|técnico superior)(?!\w)",
    re.I,
)
# Who issues certificates: on a line of its own, it belongs to the certificate above it.
ISSUER = re.compile(
    r"^(?:udemy|coursera|edx|udacity|pluralsight|linkedin(?: learning)?|datacamp|freecodecamp|"
    r"codecademy|google(?: cloud)?|microsoft|amazon web services|oracle|cisco|comptia|"
    r"\(isc\)2|isaca|pmi|project management institute|scrum\.org|scrum alliance|axelos|"
    r"the linux foundation|linux foundation|cncf|hashicorp|red hat|ibm|meta|salesforce|"
    r"databricks|snowflake|mongodb(?: university)?|nasscom(?: foundation)?|hackerrank|"
    r"great learning|simplilearn|nptel|infosys springboard|kaggle|deeplearning\.ai|"
    r"stanford online|harvardx|mitx|ec-council|offensive security|giac|peoplecert)$",
    re.I,
)
CERT_DETAIL = re.compile(
    r"^(?:issued(?!\s+by)|credential|id\b|expires|verify|license number)", re.I
)
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
# Certificate names run longer ("AWS Certified Solutions Architect – Associate, Amazon Web
# Services, credential ID ..."), so they get a little more room.
CERT_MAX_WORDS = 16
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
# An unlabelled education line naming a school ("Lviv Polytechnic National University") is at
# most seven words; longer capitalised lines are courses or descriptions.
NAME_MAX_WORDS = 7
# The end of a school's name wrapped in a narrow column ("Laguna | 2012") is a word or three.
WRAPPED_NAME_WORDS = 3
# A degree ("Master of Science in Computer Science, minor in Mathematics") fits in ten words.
DEGREE_MAX_WORDS = 10


def _lines(sections: list[Section], name: str) -> list[str]:
    return [ln for s in sections if s.name == name for ln in s.text.splitlines()]


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


def certifications(sections: list[Section]) -> list[str]:
    """Return certificate names, with the issuer on the line under one joined to it."""
    out: list[str] = []
    for raw in _lines(sections, "certifications"):
        line = title_text(raw)
        if not line or len(line) < 3 or re.search(r"https?://|www\.|@", line):
            continue
        if CERT_DETAIL.match(line):
            continue
        words = len(line.split())
        if words > CERT_MAX_WORDS or (line.endswith(".") and words > SENTENCE_MIN_WORDS):
            continue
        issuer = re.sub(r"^(?:issued by|issuer|by)\s*:?\s*", "", line, flags=re.I)
        if out and (issuer != line or ISSUER.match(line)):
            # "Udemy" under "Design Thinking in 3 Steps" names who issued it, not a certificate.
            out[-1] = f"{out[-1]} — {issuer}"
            continue
        out.append(line)
    return dedupe(out)


def education(sections: list[Section]) -> list[str]:
    """Return education entries as "Institution — Degree" (or the name alone)."""
    lines: list[str] = []
    last_main = ""
    for s in sections:
        rows = [clean_line(x) for x in s.text.splitlines() if clean_line(x)]
        if s.name == "education":
            lines.extend(rows)
        elif s.name in SIDEBAR and last_main == "education":
            # A side column printed inside the education list: keep its dated lines only.
            lines.extend(x for x in rows if _edu_kind(x, title_text(x)) == "dated")
        if s.name not in SIDEBAR:
            last_main = s.name
    titles = [title_text(x) for x in lines]
    kinds = [_edu_kind(line, title) for line, title in zip(lines, titles, strict=True)]
    # Layout where the degree comes first and the institution under it (no keyword needed).
    keyword_rows = [i for i, k in enumerate(kinds) if k == "institution"]
    before = sum(i > 0 and kinds[i - 1] == "degree" for i in keyword_rows)
    # Past the rest of a wrapped name with the year ("CIFP Cesar" / "Manrique | 2016").
    step = [
        2 if i + 1 < len(kinds) and (kinds[i + 1] == "dated" or lines[i + 1].endswith("|")) else 1
        for i in keyword_rows
    ]
    after = sum(
        i + s < len(kinds) and kinds[i + s] == "degree"
        for i, s in zip(keyword_rows, step, strict=True)
    )
    degree_first = before > after
    out: list[str] = []
    used: set[int] = set()
    for i, kind in enumerate(kinds):
        if i in used or kind in ("degree", "date", "skip"):
            continue
        prev = kinds[i - 1] if i > 0 else "start"
        entry_start = prev in ("start", "date") or (degree_first and prev == "degree")
        if kind == "institution" or (kind == "dated") or (kind == "name" and entry_start):
            title = titles[i]
            nxt = i + 1
            # "Lviv Polytechnic National" / "University": a name wrapped onto the next line.
            while (
                nxt < len(lines)
                and nxt <= i + 2
                and kinds[nxt] in ("institution", "name", "skip", "dated")
                and (
                    title.endswith((" of", " and", " &", ",", " de", " for"))
                    or titles[nxt].startswith("(")
                    # "Universidad de La" / "Laguna | 2012", "... do Rio" / "do Sul (UFRGS)":
                    # the rest of a wrapped name, with the entry's year or in lower case.
                    or titles[nxt][:1].islower()
                    or lines[nxt].rstrip().endswith("|")
                    or (kinds[nxt] == "dated" and len(titles[nxt].split()) <= WRAPPED_NAME_WORDS)
                    or title.count("(") > title.count(")")
                    or (kinds[nxt] == "institution" and len(titles[nxt].split()) <= 2)
                )
            ):
                title = f"{title} {titles[nxt]}"
                used.add(nxt)
                nxt += 1
            name = _split_degree_at(title)
            degree = _degree_near(lines, kinds, i, degree_first, nxt)
            out.append(f"{name} — {degree}" if degree and degree not in name else name)
    return dedupe(out)


def _edu_kind(line: str, title: str) -> str:
    """Classify an education line: institution, degree, date, dated, name or skip."""
    if not title:
        return "date"
    words = title.split()
    if (
        len(words) > ENTRY_MAX_WORDS
        or (title.endswith(".") and len(words) > SENTENCE_MIN_WORDS)
        or URLISH.search(title)
    ):
        return "skip"
    if INSTITUTION.search(title):
        return "institution"
    if DEGREE.search(title):
        return "degree"
    if title != " ".join(line.split()).strip(" ,|-–—·"):  # a date was taken out
        return "dated"
    if LOCATION.match(title) or re.match(r"^(?:gpa|grade|cgpa|score|thesis)\b", title, re.I):
        return "skip"
    if len(words) <= NAME_MAX_WORDS and title[:1].isupper() and not title.endswith("."):
        return "name"
    return "skip"


def _split_degree_at(title: str) -> str:
    """Turn "BSc Computer Science at Stanford University" into "Stanford University — BSc ..."."""
    m = re.match(r"^(.*?)(?:\s*,\s+|\s+(?:at|@|from|-|–|—)\s+)(.*)$", title)
    if m and INSTITUTION.search(m.group(2)) and DEGREE.search(m.group(1)):
        return f"{m.group(2).strip()} — {m.group(1).strip()}"
    return title


def _degree_near(lines: list[str], kinds: list[str], i: int, degree_first: bool, after: int) -> str:
    """Return the degree beside the name at line i, whose wrapped rest ends before `after`."""
    order = (i - 1,) if degree_first else (after, after + 1)
    for j in order:
        if 0 <= j < len(lines) and kinds[j] == "degree":
            cand = title_text(lines[j])
            if len(cand.split()) <= DEGREE_MAX_WORDS and not cand.endswith("."):
                return cand
    return ""
