"""Read skill names from a resume's skills lists, and the skills its other sections claim."""

from __future__ import annotations

import re
from collections import Counter

from resume.lines import LOCATION, SPOKEN, URLISH, title_text
from resume.sections import Section, clean_line, normalise_heading
from resume.skills import SkillHit, canonical_skill, rank_hits, raw_hits, skill_hits, skill_key

PROFICIENCY = re.compile(
    # Not inside a hyphenated word: "Cloud-native Development" keeps its "native".
    r"(?<![\w-])(?:master(?:y)?|advanced|intermediate|beginner|basic|expert|proficient|"
    r"proficiency|familiar|fluent|native|novice|competent|working knowledge|good|excellent|"
    r"strong|elementary|upper|level|skilled|moderate|experienced|begin+er|begineer|learning|"
    r"conversational|professional working|limited working|full professional)(?![\w-])|"
    r"\(?\b\d+(?:\.\d+)?\s*\+?\s*(?:years?|yrs?)\b\)?|"
    r"\b\d{1,3}\s*%|[★☆●○■□◆◇]+",
    re.I,
)
ITEM_SPLIT = re.compile(r"\s*(?:[,;|•·●▪◦‣\t]|\s/\s|\s[-–—]\s|\s{3,})\s*")
LABEL = re.compile(r"^\s*([A-Za-z][\w &/+.\-]{0,40}?)\s*:\s*(.*)$")
# "ENGINEERING<tab>Python, Docker": a group name set apart by a wide gap, then its list.
TAB_LABEL = re.compile(r"^\s*([A-Za-z][\w &/+.\-]{0,40}?)\t+([^\t]*,[^\t]*)$")
# Areas that group a skills list; alone on a line above several items they are sub-headings.
AREA_WORDS = {
    "frontend", "front end", "backend", "back end", "fullstack", "full stack", "testing",
    "databases", "practices", "web", "mobile", "other", "others", "misc", "general", "cloud",
    "data", "infrastructure", "tooling", "ops", "design", "ai", "ml", "security", "qa",
}  # fmt: skip
STOPWORDS = {"and", "or", "with", "the", "of", "in", "on", "for", "to", "a", "an", "&", "using"}
GROUP_WORDS = {
    "tools", "platforms", "languages", "frameworks", "technologies", "practices", "libraries",
    "skills", "misc", "other", "others", "general", "concepts", "methodologies", "environments",
    "editing", "versioning", "compliance", "stack", "domains", "competencies", "proficiencies",
    "software", "programming", "areas", "fundamentals",
}  # fmt: skip
# Alone, these only name a group ("Process" over "Jira, Agile"); in "AI Tooling" or
# "Business Processes" they are part of a skill.
LONE_GROUP_WORDS = {"process", "processes", "methods", "protocols", "tooling", "methodology"}
# A resume that lists fewer skills than this leans on its work history to name them, so every
# skill named there counts (see listed_skills); at 12 and more the list speaks for itself.
FEW_LISTED = 12
# A skill name is a few words ("Google Cloud Platform", "Continuous Integration and Delivery"):
# a longer item is a sentence or a whole group left unsplit.
ITEM_MAX_CHARS = 40
ITEM_MAX_WORDS = 4
# Over ten words with no list separator is prose: read it for known names only.
PROSE_MIN_WORDS = 10
NOT_CLAIMS = {"education", "interests", "languages", "references", "contact", "awards"}


def _clean_item(item: str) -> str:
    item = clean_line(item)
    whole = " ".join(item.split()).strip(" .,;:-–—*•·")
    if canonical_skill(whole) and PROFICIENCY.search(whole):
        return whole  # "Machine Learning" names a skill; "Learning" alone is a level
    item = PROFICIENCY.sub(" ", item)
    # "Python (Programming Language)" is Python; "C (Programming Language)" keeps the words
    # that tell a one-letter name from a letter.
    item = re.sub(r"(?<=\w{4})\s*\((?:programming\s+)?language\)", " ", item, flags=re.I)
    item = re.sub(r"\(\s*\)", " ", item)
    item = " ".join(item.split()).strip(" .,;:-–—*•·")
    # Drop only brackets left unbalanced by the split: "(Python" -> "Python", not "AWS (S3)".
    while (
        item
        and item[-1] in ")]"
        and item.count("(") + item.count("[") < item.count(")") + item.count("]")
    ):
        item = item[:-1].rstrip(" .,;:")
    while (
        item
        and item[0] in "(["
        and item.count("(") + item.count("[") > item.count(")") + item.count("]")
    ):
        item = item[1:].lstrip(" .,;:")
    if item.startswith("(") and item.endswith(")"):
        item = item[1:-1]
    return item.strip()


def _is_junk(item: str) -> bool:
    return (
        len(item) > ITEM_MAX_CHARS
        # "&" and "/" join words ("Video codec & 3D graphics"); they are not words themselves.
        or sum(bool(re.search(r"\w", w)) for w in item.split()) > ITEM_MAX_WORDS
        or len(item) < 1
        or not re.search(r"\w", item)
    )


def _items_from_line(line: str) -> list[str]:
    """Turn one line of a skills section into skill names."""
    line = clean_line(line)
    if not line:
        return []
    out: list[str] = []
    label = LABEL.match(line) or TAB_LABEL.match(line)
    if label and label.group(2).strip():
        # "Languages: Python, Go": the label names a group; keep it only if it is a skill.
        group = canonical_skill(label.group(1))
        if group:
            out.append(group)
        line = label.group(2)
    prose = len(line.split()) > PROSE_MIN_WORDS and not ITEM_SPLIT.search(line)
    if prose or re.search(r"[a-z]{3,}\.\s+[A-Z]", line):
        return out + rank_hits(skill_hits(line))
    for part in _split_items(line):
        out.extend(_items_from_part(part))
    return out


def _split_items(line: str) -> list[str]:
    """Split a list line on separators, keeping "AWS (EC2, S3)" together."""
    parts: list[str] = []
    depth, start = 0, 0
    for m in re.finditer(r"[()\[\]]|" + ITEM_SPLIT.pattern, line):
        tok = m.group(0)
        if tok in "([":
            depth += 1
        elif tok in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(line[start : m.start()])
            start = m.end()
    parts.append(line[start:])
    return [p for p in parts if p.strip()]


def _items_from_part(part: str) -> list[str]:
    item = _clean_item(part)
    if not item:
        return []
    known = canonical_skill(item)
    if known:
        return [_display_name(item, known)]
    hits = raw_hits(item, any_case=True)
    words = item.split()
    if hits and "(" not in item and len(words) > 1:
        covered = sum(len(item[h.start : h.end].split()) for h in hits)
        if covered >= len(words) - 1 and len(words) >= 3 or covered == len(words):
            # "Terraform Terragrunt Kyverno": a space-separated keyword line.
            shown = [_display_name(item[h.start : h.end], h.canonical) for h in hits]
            return shown + _leftovers(item, hits)
    out: list[str] = []
    if not _is_junk(item):
        out.append(item)
    else:
        outer = _clean_item(re.sub(r"\([^)]*\)?", " ", item))
        if outer and not _is_junk(outer) and outer != item:
            out.append(outer)
    out.extend(h.canonical for h in hits)
    return out


def _display_name(written: str, canonical: str) -> str:
    """Choose how to show a listed skill: canonical for a shorthand, else as the person wrote it.

    "k8s", "JS" and "javascript" become "Kubernetes", "JavaScript"; a fuller spelling such as
    "Quality Assurance" (canonical "QA") or "Amazon Web Services" stays as written, since
    that is the name the resume uses.
    """
    squash = re.sub(r"[^a-z0-9+#]", "", written.lower())
    if squash == re.sub(r"[^a-z0-9+#]", "", canonical.lower()):
        return canonical
    if len(written.split()) >= 2 or (written.isupper() and len(written) >= 4):
        return written
    # A whole word ("Roadmapping" for "Product Roadmap", "Postgres") is the resume's own
    # name for the skill; short or coded spellings ("JS", "k8s") are shorthand.
    if len(written) >= 5 and written[:1].isalpha() and not re.search(r"\d", written):
        return written
    return canonical


def _leftovers(item: str, hits: list[SkillHit]) -> list[str]:
    """Return the words of a keyword line that no taxonomy name covered ("Kyverno")."""
    rest = item
    for h in sorted(hits, key=lambda h: -h.start):
        rest = rest[: h.start] + "\n" + rest[h.end :]
    out = []
    for chunk in rest.split("\n"):
        chunk = _clean_item(chunk)
        if chunk and not _is_junk(chunk) and len(chunk) > 1 and len(chunk.split()) <= 3:
            # Unknown names ("Kyverno", "vps") among known ones are skills; "and" is not.
            out.extend(w for w in chunk.split() if w.lower() not in STOPWORDS)
    return out


def listed_skills(sections: list[Section]) -> list[str]:
    """Return the resume's skills: its lists first, then skills its other sections claim."""
    listed: list[str] = []
    for s in sections:
        if s.name not in ("skills", "languages"):
            continue
        rows = [x for x in s.text.splitlines() if x.strip()]
        if s.name == "languages":
            # A skills grid split by the layout can continue under "Languages".
            rows = [x for x in rows if any(not SPOKEN.match(h.canonical) for h in raw_hits(x))]
        if not s.heading:
            # A list found without a heading may start or end with contact lines: keep the
            # stretch from the first to the last line the taxonomy knows.
            known = [i for i, x in enumerate(rows) if raw_hits(x)]
            rows = rows[known[0] : known[-1] + 1] if known else []
        rows = _drop_entry_details(_join_wrapped_items(rows))
        for k, line in enumerate(rows):
            if _is_subheading(line, rows[k + 1] if k + 1 < len(rows) else ""):
                continue
            listed.extend(_items_from_line(line))
    # Skills named in the work history, projects and summary count too (course lists, hobbies
    # and spoken languages are not claims of skill): all of them when the resume lists few
    # skills of its own, else those named at least twice. A passing mention beside a full
    # list is weak evidence (measured: precision 0.81 -> 0.86 at equal recall on the dev set).
    body = "\n".join(s.text for s in sections if s.name not in NOT_CLAIMS)
    hits = skill_hits(body)
    count = Counter(h.canonical for h in hits)
    out: list[str] = []
    seen: set[str] = set()
    _add_skills(out, seen, listed)
    few = len(out) < FEW_LISTED
    _add_skills(out, seen, [m for m in rank_hits(hits) if few or count[m] >= 2])
    return out


def _drop_entry_details(rows: list[str]) -> list[str]:
    """Drop an entry's dates and the place beside them ("Dec. 2015 – Present", "Austin, TX").

    A two-column layout can leave a job's date-and-place lines inside the skills list. A place
    counts only beside such dates: "Análise de dados, Desenvolvimento mobile" reads the same.
    """
    dates = [i for i, x in enumerate(rows) if not title_text(x)]
    return [
        x
        for i, x in enumerate(rows)
        if i not in dates
        and not (
            any(abs(i - d) <= 1 for d in dates)
            and LOCATION.match(clean_line(x))
            and not raw_hits(x)
        )
    ]


def _join_wrapped_items(rows: list[str]) -> list[str]:
    """Join a line that ends inside brackets to the next: "C (Programming" / "Language)"."""
    out: list[str] = []
    for row in rows:
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] = f"{out[-1].rstrip()} {row.strip()}"
        else:
            out.append(row)
    return out


def _add_skills(out: list[str], seen: set[str], names: list[str]) -> None:
    """Append names that are skills and not yet present under any spelling."""
    for name in names:
        # One entry per skill: "Apache Kafka" as listed, then "Kafka" found in the text, is one.
        key = skill_key(name)
        if not key or key in seen or _is_junk(name) or _not_a_skill(name):
            continue
        seen.add(key)
        out.append(name)


def _is_subheading(line: str, nxt: str) -> bool:
    """Tell whether a skills-list line names an area ("Frontend") over the items that follow."""
    key = normalise_heading(line)
    return key in AREA_WORDS and len(_items_from_line(nxt)) >= 2


def _not_a_skill(name: str) -> bool:
    """Tell whether a skills-list item is debris: contact details, a spoken language, a group."""
    if "@" in name or re.fullmatch(r"[\d\W]+", name):
        return True
    if SPOKEN.match(re.split(r"[\s(]", name.strip(), maxsplit=1)[0]):
        return True
    if canonical_skill(name):
        return False
    if URLISH.search(name) or LOCATION.match(name) or re.search(r"\d{3}[\s.-]?\d{3,4}", name):
        return True
    first = re.split(r"[\s(]", name.strip(), maxsplit=1)[0]
    if SPOKEN.match(first):
        return True
    words = name.lower().split()
    if canonical_skill(name):
        return False
    if len(words) == 1 and words[0].strip(":") in LONE_GROUP_WORDS:
        return True
    # "Cloud Platforms", "Office Tools": the name of a group of skills, not a skill.
    return len(words) <= 3 and words[-1].strip(":") in GROUP_WORDS
