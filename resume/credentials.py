"""Credential entries of a resume: certifications (with their issuers) and education."""

from __future__ import annotations

import re

from resume.entries import ENTRY_MAX_WORDS, SENTENCE_MIN_WORDS
from resume.lines import LOCATION, URLISH, dedupe, title_text
from resume.sections import SIDEBAR, Section, clean_line

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
# Certificate names run longer ("AWS Certified Solutions Architect – Associate, Amazon Web
# Services, credential ID ..."), so they get a little more room.
CERT_MAX_WORDS = 16
# An unlabelled education line naming a school ("Lviv Polytechnic National University") is at
# most seven words; longer capitalised lines are courses or descriptions.
NAME_MAX_WORDS = 7
# The end of a school's name wrapped in a narrow column ("Laguna | 2012") is a word or three.
WRAPPED_NAME_WORDS = 3
# A degree ("Master of Science in Computer Science, minor in Mathematics") fits in ten words.
DEGREE_MAX_WORDS = 10


def _lines(sections: list[Section], name: str) -> list[str]:
    return [ln for s in sections if s.name == name for ln in s.text.splitlines()]


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
