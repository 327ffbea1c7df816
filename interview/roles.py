"""Pull the responsibility lines out of a job description's text."""

from __future__ import annotations

import re

MAX_LINES = 20
_MIN_WORDS, _MAX_WORDS = 3, 45

_BULLET = re.compile(r"^\s*(?:[-*•▪●◦‣·]|\d{1,2}[.)]|[a-z][.)])\s+")
_MARKUP = re.compile(r"^[#\s]+|[*_]{1,3}")
# Headings that open the part of a job description saying what the job does.
_DUTIES_HEAD = re.compile(
    r"^(?:key\s+|main\s+|core\s+|primary\s+|your\s+)?(?:responsibilit(?:y|ies)|duties|"
    r"accountabilities|what\s+you(?:'|’)?ll\s+(?:do|be\s+doing|work\s+on)|"
    r"what\s+you\s+will\s+(?:do|be\s+doing|work\s+on)|you\s+will|in\s+this\s+role|"
    r"the\s+role|your\s+role|role\s+(?:overview|description)|day[\s-]to[\s-]day|"
    r"your\s+(?:mission|impact)|what\s+the\s+job\s+involves|the\s+job)\b",
    re.I,
)
# Headings of the other parts: requirements, the company, benefits, how to apply.
_OTHER_HEAD = re.compile(
    r"^(?:requirements?|qualifications?|minimum|preferred|basic|required|desired|"
    r"nice\s+to\s+have|bonus|skills|experience|what\s+you\s+(?:bring|need|have)|"
    r"who\s+you\s+are|about\s+(?:you|us|the\s+company)|you\s+have|you\s+are|"
    r"benefits?|perks|what\s+we\s+offer|compensation|salary|pay|location|how\s+to\s+apply|"
    r"equal\s+opportunit|our\s+|why\s+|tech(?:nology)?\s+stack|the\s+team|company)",
    re.I,
)
# Verbs a duty line opens with when a job description has no duties heading at all.
_DUTY_VERB = re.compile(
    r"^(?:design|build|develop|implement|maintain|own|lead|write|create|deliver|manage|"
    r"work|collaborate|partner|drive|improve|support|mentor|review|ship|operate|monitor|"
    r"analy[sz]e|define|architect|deploy|automate|test|debug|optimi[sz]e|research|help|"
    r"participate|contribute|ensure|troubleshoot|coordinate|communicate|plan|scale)\b",
    re.I,
)


def _clean(line: str) -> str:
    line = _BULLET.sub("", line)
    line = _MARKUP.sub("", line).strip(" \t:-–—")
    return " ".join(line.split())


_YOU_WILL = re.compile(r"\byou\s*(?:will|'ll|’ll)\b(?!\s+(?:have|need|bring|get|enjoy|join))", re.I)


def _is_heading(line: str) -> bool:
    text = _clean(line)
    words = text.split()
    if not 0 < len(words) <= 8 or _BULLET.match(line) or text.endswith((".", ",", ";")):
        return False
    if line.rstrip().endswith(":") or line.lstrip().startswith("#"):
        return True
    # A short unpunctuated line is a heading when it reads like one: known words or Title Case.
    capitalised = sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)
    return len(words) <= 5 and (
        bool(_DUTIES_HEAD.match(text) or _OTHER_HEAD.match(text)) or capitalised
    )


def _is_duties_heading(text: str) -> bool:
    return bool(_DUTIES_HEAD.match(text) or _YOU_WILL.search(text))


def _keep(line: str) -> bool:
    words = line.split()
    # A lead-in that ends in a colon ("As an engineer you will:") introduces the list.
    return _MIN_WORDS <= len(words) <= _MAX_WORDS and not line.endswith(":")


def responsibilities(jd_text: str) -> list[str]:
    """Return the job's responsibility lines, in order, without bullets, each once."""
    lines = [ln for ln in (jd_text or "").splitlines() if ln.strip()]
    found: list[str] = []
    inside = False
    for raw in lines:
        text = _clean(raw)
        if _is_heading(raw):
            # Any other heading (requirements, benefits, "Must-Have Skills") ends the duties.
            inside = _is_duties_heading(text) and not _OTHER_HEAD.match(text)
            continue
        if inside and _keep(text):
            found.append(text)
    if not found:
        # No duties heading: bullet lines that open with a verb are the job's duties.
        found = [
            _clean(raw)
            for raw in lines
            if _BULLET.match(raw) and _DUTY_VERB.match(_clean(raw)) and _keep(_clean(raw))
        ]
    out: list[str] = []
    for line in found:
        if line.casefold() not in {o.casefold() for o in out}:
            out.append(line)
    return out[:MAX_LINES]
