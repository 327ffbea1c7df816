"""Read a job description: its parts (core, nice-to-have, boilerplate), its skills, its years.

Pure text work, no model: fit scoring (resume/fit.py) combines what this finds with the
resume's own figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from resume import skills

FindSkillsFn = Callable[[str], list[str]]

# Parts of a job description. Requirements and duties say what the job needs; "nice to have"
# lists say what would help; benefits, company story and equal-opportunity notes say nothing
# about the candidate, and a skill named only there ("remote work", "Salesforce" as the
# employer's CRM in a perks list) is not one the candidate lacks.
CORE = "core"
OPTIONAL = "optional"
BOILERPLATE = "boilerplate"

_OPTIONAL_WORDS = (
    r"nice[\s-]+to[\s-]+have|good[\s-]+to[\s-]+have|bonus(?:\s+points)?|pluses|a\s+plus|"
    r"preferred(?:\s+(?:qualifications|skills|experience))?|desirable|desired|"
    r"(?:it\s+)?would\s+be\s+(?:great|nice)|ideally|extra\s+credit|optional"
)
_BOILERPLATE_WORDS = (
    r"benefits|perks|what\s+we\s+offer|we\s+offer|our\s+offer|what'?s\s+in\s+it|"
    r"compensation|salary|pay(?:\s+range)?|about\s+(?:us|the\s+company|the\s+team\s+and\s+company)|"
    r"about\s+(?-i:[A-Z])[\w'&.-]*(?:\s+(?-i:[A-Z])[\w'&.-]*)?|who\s+we\s+are|why\s+(?:join|work)|"
    r"life\s+at|our\s+(?:values|culture|mission|story)|equal\s+opportunit\w*|diversity|"
    r"how\s+to\s+apply|application\s+process"
)
# A heading: a short line, perhaps Markdown (#, **), ending with a colon or with no sentence.
_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s*)?[*_]{0,2}(?P<title>[^\n]{2,60}?)[*_]{0,2}\s*:?\s*$")
_OPTIONAL_HEAD = re.compile(rf"^(?:{_OPTIONAL_WORDS})\b", re.I)
# Case-insensitive, except that the employer's name after "About" must start with a capital
# letter: "About Acme" is the company's story, "About this role" is the job.
_BOILERPLATE_HEAD = re.compile(rf"^(?:{_BOILERPLATE_WORDS})\b", re.I)
# An inline label opening one line or paragraph: "Nice to have: Kafka", "Perks: gym".
_OPTIONAL_INLINE = re.compile(rf"^\s*[-*•]?\s*(?:{_OPTIONAL_WORDS})\s*(?::|-|–|—)", re.I)
_BOILERPLATE_INLINE = re.compile(
    r"^\s*[-*•]?\s*(?:benefits|perks|compensation|what\s+we\s+offer|we\s+offer|"
    r"our\s+benefits\s+include)\b|equal\s+opportunity\s+employer|do\s+not\s+discriminate",
    re.I,
)
_REQUIREMENT_CUE = re.compile(
    r"\b(?:experience\s+(?:with|in|of)|years?\s+of|proficien\w*|knowledge\s+of|familiar\w*|"
    r"responsib\w*|requirements?|qualifications?|you\s+will|you'll|must\s+have|"
    r"hands-on|expertise)\b",
    re.I,
)
_LABEL_SEPARATOR = re.compile(r"[:–—]\s*\S|\s-\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪●◦]|\d{1,2}[.)])\s")

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
}
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "5", "2.5", "five", "five (5)".
_NUM = rf"(?:\d{{1,2}}(?:\.\d)?|(?:{_WORD})(?:\s*\(\s*\d{{1,2}}\s*\))?)"
_YEARS = r"(?:years?|yrs?\.?)(?:['’]s?)?"
_DASH = r"(?:-|–|—|to)"
_AT_LEAST = (
    r"(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|no\s+less\s+than"
    r"|not\s+less\s+than)"
)
# "over 20 years" is as often a company's age as a requirement: it needs experience context.
_OVER = r"(?:more\s+than|over|upwards\s+of)"
_RANGE_RE = re.compile(rf"\b(?P<lo>{_NUM})\s*{_DASH}\s*(?P<hi>{_NUM})\s*\+?\s*{_YEARS}", re.I)
_PLUS_RE = re.compile(rf"\b(?P<lo>{_NUM})\s*\+\s*{_YEARS}", re.I)
_AT_LEAST_RE = re.compile(rf"\b{_AT_LEAST}\s+(?P<lo>{_NUM})\s*\+?\s*{_YEARS}", re.I)
_OR_MORE_RE = re.compile(
    rf"\b(?P<lo>{_NUM})\s*{_YEARS}\s+(?:or\s+more|or\s+longer|plus|and\s+above|or\s+above)\b", re.I
)
_OVER_RE = re.compile(rf"\b{_OVER}\s+(?P<lo>{_NUM})\s*\+?\s*{_YEARS}", re.I)
_BARE_RE = re.compile(rf"\b(?P<lo>{_NUM})\s*{_YEARS}", re.I)
# A bare "N years" is a requirement only when experience is what it measures.
_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:[\w/+#.-]+\s+){0,5}?(?:experience|exp\b|work|working|professional|"
    r"industry|hands-on|building|developing|development|programming|engineering|"
    r"in\s+(?:a|an|the)\s+(?:similar|related|relevant))",
    re.I,
)
_EXPERIENCE_BEFORE = re.compile(r"experience(?:\s+level)?\s*(?:of|:)?\s*$", re.I)
# "after 5 years of service", "founded 20 years ago", "a 4+ year degree", "must be 18 years old".
_NOT_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:\w+\s+){0,2}?(?:service|ago|old|of\s+age|age|history|in\s+business|"
    r"warranty|contract|degree|program|course|leave|tenure|anniversary|running)\b",
    re.I,
)
_NOT_EXPERIENCE_BEFORE = re.compile(
    r"(?:after|every|within|for\s+the\s+(?:past|last)|over\s+the\s+(?:past|last)|per|each|"
    r"first|next|past|last|founded|established|aged?)\s*$",
    re.I,
)
_PREFERRED_RE = re.compile(r"prefer|nice\s+to\s+have|bonus|a\s+plus|ideally|desirable", re.I)
_SENTENCE_END = re.compile(r"[.;!?\n]")


def _number(token: str) -> int | None:
    token = token.strip().lower()
    digits = re.search(r"\((\s*\d{1,2}\s*)\)", token)
    if digits:
        return int(digits.group(1))
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    try:
        # Round half up: "1.5 years" asks for more than one.
        return int(float(token) + 0.5)
    except ValueError:
        return None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]


def _is_excluded(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 60]
    return bool(_NOT_EXPERIENCE_AFTER.match(after) or _NOT_EXPERIENCE_BEFORE.search(before))


def required_years(jd_text: str) -> tuple[int | None, int | None]:
    """Return the (minimum, maximum) years of experience a job description asks for."""
    if not jd_text:
        return None, None
    text = jd_text.replace("\u00a0", " ")
    found: list[tuple[int, int | None, bool, int]] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    for pattern, has_max, needs_context in (
        (_RANGE_RE, True, False),
        (_AT_LEAST_RE, False, False),
        (_PLUS_RE, False, False),
        (_OR_MORE_RE, False, False),
        (_OVER_RE, False, True),
        (_BARE_RE, False, True),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if overlaps(start, end) or _is_excluded(text, start, end):
                continue
            if needs_context and not (
                _EXPERIENCE_AFTER.match(text[end : end + 80])
                or _EXPERIENCE_BEFORE.search(text[max(0, start - 30) : start])
            ):
                continue
            low = _number(match.group("lo"))
            high = _number(match.group("hi")) if has_max else None
            if low is None or low > 40 or (high is not None and (high < low or high > 50)):
                continue
            preferred = bool(_PREFERRED_RE.search(_sentence_around(text, start, end)))
            found.append((low, high, preferred, start))
            taken.append((start, end))
    if not found:
        return None, None
    required = [f for f in found if not f[2]] or found
    # Several statements ("5+ years overall, 3+ with AWS"): the strictest floor is the bar.
    low, high, _, _ = max(required, key=lambda f: (f[0], f[1] is not None))
    return low, high


def _heading_kind(line: str) -> str | None:
    """Classify a heading line by what its section holds, or None if it is not a heading."""
    if _LIST_ITEM.match(line):
        return None
    match = _HEADING_RE.match(line)
    if not match:
        return None
    title = match.group("title").strip().strip("*_#").strip()
    # A sentence is not a heading: headings are short and do not end a statement.
    if not title or len(title.split()) > 8 or title.endswith((".", "!", "?", ",")):
        return None
    if _OPTIONAL_HEAD.match(title):
        return OPTIONAL
    # "About the role" describes the job; "About Acme" or "About us" describes the employer.
    if re.match(r"about\s+(?:the\s+)?(?:role|job|position|team|opportunity|you)\b", title, re.I):
        return CORE
    if _BOILERPLATE_HEAD.match(title):
        return BOILERPLATE
    return CORE


def _inline_kind(line: str) -> str | None:
    """Classify a line that opens with a label and goes on after it, or return None."""
    for kind, pattern in ((BOILERPLATE, _BOILERPLATE_INLINE), (OPTIONAL, _OPTIONAL_INLINE)):
        match = pattern.search(line)
        if match and line[match.end() :].strip(" \t:-–—*_"):
            return kind
    return None


def jd_sections(jd_text: str) -> list[tuple[str, str]]:
    """Split a job description into (kind, text) parts: core, optional or boilerplate."""
    parts: list[tuple[str, str]] = []
    section = CORE
    for line in (jd_text or "").splitlines():
        if not line.strip():
            continue
        # A label with text after it ("Nice to have: Kafka") marks that line only; a bare
        # heading ("Compensation and benefits") opens a section.
        inline = _inline_kind(line)
        kind = _heading_kind(line)
        if inline is not None and (kind is None or _LABEL_SEPARATOR.search(line)):
            parts.append((inline, line))
            continue
        if kind is not None:
            section = kind
            # The heading line itself still names the role ("Senior Python Developer").
            if kind == CORE:
                parts.append((CORE, line))
            continue
        # A section we took for company boilerplate may run on into the job itself when the
        # next heading is missing; a line that talks requirements is the job's, not the perks'.
        if section == BOILERPLATE and _REQUIREMENT_CUE.search(line):
            parts.append((CORE, line))
            continue
        parts.append((section, line))
    return parts


def jd_skills_ranked(
    jd_text: str, find_skills: FindSkillsFn = skills.find_skills
) -> list[tuple[str, str]]:
    """Return a job's skills as (name, core|optional), required ones first, most prominent first.

    Skills named only in benefits or company boilerplate are left out.
    """
    parts = jd_sections(jd_text)
    text = {
        kind: "\n".join(t for k, t in parts if k == kind) for kind in (CORE, OPTIONAL, BOILERPLATE)
    }
    ranked: dict[str, str] = {}
    for name in find_skills(text[CORE]) if text[CORE] else []:
        ranked.setdefault(name, CORE)
    for name in find_skills(text[OPTIONAL]) if text[OPTIONAL] else []:
        ranked.setdefault(name, OPTIONAL)
    boiler = set(find_skills(text[BOILERPLATE])) if text[BOILERPLATE] else set()
    # Splitting can cost a name the list context it had in the whole text: keep those too,
    # unless the boilerplate is where they came from.
    whole = find_skills(jd_text or "")
    for name in whole:
        if name not in ranked and name not in boiler:
            ranked[name] = CORE
    # Everything looked like boilerplate: the split failed, not the job; trust the whole text.
    if not ranked:
        return [(name, CORE) for name in whole]
    return list(ranked.items())
