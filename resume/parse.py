"""Parse resume text into plain data: sections, skills, years of experience and entry lists."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from resume.experience import (
    DATE_RE,
    DateRange,
    merged_years,
    parse_date_ranges,
    stated_years,
)
from resume.sections import Section, clean_line, normalise_heading, split_sections
from resume.skills import SkillHit, canonical_skill, rank_hits, raw_hits, skill_hits

__all__ = ["ParsedResume", "Section", "parse_resume"]


@dataclass
class ParsedResume:
    """Everything parsed from one resume's text."""

    text: str
    sections: list[Section] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    experience_years: int = 0
    experience_years_exact: float = 0.0
    internship_years: float = 0.0
    projects: list[str] = field(default_factory=list)
    internships: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    education: list[str] = field(default_factory=list)

    def extracted(self) -> dict[str, Any]:
        """Return the fields the API reports for a resume, as plain JSON-ready data."""
        return {
            "skills": self.skills,
            "experience_years": self.experience_years,
            "projects": self.projects,
            "certifications": self.certifications,
            "internships": self.internships,
            "education": self.education,
        }


WORK_SECTIONS = {"experience", "internships"}
# Sections whose dates are never paid work.
NOT_WORK = {
    "education", "projects", "certifications", "awards", "publications", "volunteer",
    "languages", "interests", "references", "skills",
}  # fmt: skip
# Short side-column sections that a page layout can drop into the middle of another section.
SIDEBAR = {"interests", "languages", "skills", "contact", "references", "summary", "other"}
_EPOCH = date(2000, 1, 1)
INTERN = re.compile(
    r"\b(?:intern|internship|trainee|co-?op|apprentice(?:ship)?|werkstudent|stagiaire|"
    r"praktikant(?:in)?|summer\s+analyst|summer\s+associate)\b",
    re.I,
)
PROFICIENCY = re.compile(
    r"\b(?:master(?:y)?|advanced|intermediate|beginner|basic|expert|proficient|proficiency|"
    r"familiar|fluent|native|novice|competent|working knowledge|good|excellent|strong|"
    r"elementary|upper|level|skilled|moderate|experienced|begin+er|begineer|learning|"
    r"conversational|professional working|limited working|full professional)\b|"
    r"\(?\b\d+(?:\.\d+)?\s*\+?\s*(?:years?|yrs?)\b\)?|"
    r"\b\d{1,3}\s*%|[★☆●○■□◆◇]+",
    re.I,
)
ITEM_SPLIT = re.compile(r"\s*(?:[,;|•·●▪◦‣\t]|\s/\s|\s[-–—]\s|\s{3,})\s*")
LABEL = re.compile(r"^\s*([A-Za-z][\w &/+.\-]{0,40}?)\s*:\s*(.*)$")
# "ENGINEERING<tab>Python, Docker": a group name set apart by a wide gap, then its list.
TAB_LABEL = re.compile(r"^\s*([A-Za-z][\w &/+.\-]{0,40}?)\t+([^\t]*,[^\t]*)$")
INSTITUTION = re.compile(
    r"\b(?:universi\w*|univ\.|college|institute|institut\w*|school|academy|akademie|"
    r"polytechnic|politecnico|polytechnique|école|ecole|escuela|schule|hochschule|"
    r"conservatory|conservatoire|seminary|lyc[ée]e|gymnasium|iut|faculty|facultad|"
    r"bootcamp|campus|center for|centre for|master school|kolleg|cnam|u\.\s?of)\b",
    re.I,
)
DEGREE = re.compile(
    r"(?<!\w)(?:bachelor'?s?|master'?s?|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?a\.?|m\.?a\.?|mba|ph\.?\s?d|"
    r"doctor(?:ate)?|diploma|associate'?s?|b\.?\s?tech|m\.?\s?tech|b\.?e\.|m\.?e\.|hsc|ssc|"
    r"degree|licence|licenciatura|ingénieur|engineer's|a\.?a\.?s|high school|gcse|a-levels?|"
    r"bs|ms|ba|ma|bsc|msc|beng|meng|btech|mtech|postgraduate|undergraduate|minor|major|"
    r"certified|certificate|certification|ged|technician|graduate)(?!\w)",
    re.I,
)
SPOKEN = re.compile(
    r"^(?:english|spanish|french|german|chinese|mandarin|cantonese|japanese|korean|hindi|"
    r"portuguese|italian|russian|arabic|dutch|polish|ukrainian|turkish|swedish|norwegian|"
    r"danish|finnish|greek|hebrew|czech|romanian|hungarian|vietnamese|thai|indonesian|malay|"
    r"tamil|telugu|bengali|urdu|punjabi|marathi|catalan|galician|basque|persian|farsi)$",
    re.I,
)
LEVEL_LINE = re.compile(
    r"^(?:master|expert|advanced|intermediate|beginner|basic|proficient|native|fluent|"
    r"elementary|novice|moderate)$",
    re.I,
)
# Areas that group a skills list; alone on a line above several items they are sub-headings.
AREA_WORDS = {
    "frontend", "front end", "backend", "back end", "fullstack", "full stack", "testing",
    "databases", "practices", "web", "mobile", "other", "others", "misc", "general", "cloud",
    "data", "infrastructure", "tooling", "ops", "design", "ai", "ml", "security", "qa",
}  # fmt: skip
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
# Skills headings that are also the title of one group of a skills list.
GROUP_HEADINGS = {"tools", "frameworks", "software", "technologies", "platforms", "libraries"}
FEW_LISTED = 12
NOT_CLAIMS = {"education", "interests", "languages", "references", "contact", "awards"}
LOCATION = re.compile(r"^[A-Z][\w .'-]{1,30},\s*[A-Z][\w .'-]{1,30}$")
BULLET_CHARS = "•·●▪◦‣-–*"
# Domains in lower case only: "ASP.NET" and "Paint.NET" are not web addresses.
URLISH = re.compile(r"(?i:https?://|www\.)|[a-z0-9]\.(?:com|io|org|net|dev|app|ai)\b|@")
ENTRY_LABEL = re.compile(
    r"^(?:skills|keywords|technologies|tech|stack|tools|role|link|url|website|github|"
    r"highlights|courses|responsibilities|achievements|tech stack|built with|summary)"
    r"(?:\s*:|\s*$)",
    re.I,
)


def parse_resume(text: str, today: date | None = None) -> ParsedResume:
    """Parse resume text into sections, skills, years of work and the entry lists."""
    today = today or date.today()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sections = _retag(split_sections(text))
    exact, intern_years, internships = _experience(sections, text, today)
    return ParsedResume(
        text=text,
        sections=sections,
        skills=_skills(sections),
        experience_years=math.floor(exact + 1e-9),
        experience_years_exact=round(exact, 2),
        internship_years=round(intern_years, 2),
        projects=_projects(sections),
        internships=internships,
        certifications=_certifications(sections),
        education=_education(sections),
    )


# ---------------------------------------------------------------- sections


def _retag(sections: list[Section]) -> list[Section]:
    """Fix section names that the heading alone gets wrong, and find unlabelled skill lists."""
    out: list[Section] = []
    for s in sections:
        lines = [clean_line(x) for x in s.text.splitlines() if clean_line(x)]
        if s.name == "languages" and lines:
            # "Languages: Python, Go" lists programming languages, not spoken ones.
            tech = sum(bool(skill_hits(x, lenient=True)) and not SPOKEN.match(x) for x in lines)
            if tech >= max(2, len(lines) // 2):
                s = Section("skills", s.heading, s.text)
        if s.name == "skills" and out and normalise_heading(s.heading) in GROUP_HEADINGS:
            kept, moved = _trailing_skills(out[-1])
            if moved:
                out[-1:] = [kept] if kept.text.strip() or kept.heading else []
                s = Section("skills", s.heading, f"{moved}\n{s.text}")
        if s.name in ("summary", "other", "contact"):
            out.extend(_split_skill_runs(s, loose=True))
        elif s.name not in ("skills", "languages"):
            out.extend(_split_skill_runs(s, loose=False))
        else:
            out.append(s)
    return out


def _trailing_skills(section: Section) -> tuple[Section, str]:
    """Split off the short skill lines that end a section just before a "Tools" group.

    Skill groups in a sidebar have their own titles ("Product", "Tools", "Methods"); a title
    that is also a heading ("Tools") starts a skills section, and the groups above it are
    left at the end of whatever section came before. Returns the rest and the moved lines.
    """
    if section.name == "skills":
        return section, ""
    lines = section.text.splitlines()
    start = len(lines)
    while start > 0 and (not lines[start - 1].strip() or _short_skill_line(lines[start - 1])):
        start -= 1
    known = [i for i in range(start, len(lines)) if raw_hits(lines[i])]
    if len(known) < 2:
        return section, ""
    cut = known[0]
    rest = Section(section.name, section.heading, "\n".join(lines[:cut]))
    return rest, "\n".join(lines[cut:])


def _short_skill_line(line: str) -> bool:
    line = clean_line(line)
    if parse_date_ranges(line, _EPOCH):  # a dated line belongs to an entry, not a list
        return False
    return 0 < len(line) <= 60 and len(line.split()) <= 7 and not line.endswith(".")


def _split_skill_runs(section: Section, *, loose: bool) -> list[Section]:
    """Carve runs of short lines, mostly skills, out of a section that has no skills heading.

    Loose: any run of six short lines, half of them known skills (a sidebar list under
    "About"). Strict: only runs with a bare proficiency line ("Master", "Intermediate"), the
    mark of a skills sidebar that the page layout dropped into another section.
    """
    lines = section.text.splitlines()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _short_skill_line(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (_short_skill_line(lines[j]) or not lines[j].strip()):
            j += 1
        run = [x for x in lines[i:j] if x.strip()]
        known = sum(bool(raw_hits(x)) for x in run)
        levels = sum(bool(LEVEL_LINE.match(clean_line(x))) for x in run)
        if len(run) >= 6 and (
            (loose and known >= 0.5 * len(run)) or (levels and known >= 0.2 * len(run))
        ):
            runs.append((i, j))
        i = j
    if not runs:
        return [section]
    parts: list[Section] = []
    cursor, heading = 0, section.heading
    for a, b in runs:
        parts.append(Section(section.name, heading, "\n".join(lines[cursor:a])))
        parts.append(Section("skills", "", "\n".join(lines[a:b])))
        cursor, heading = b, ""
    parts.append(Section(section.name, "", "\n".join(lines[cursor:])))
    return [p for p in parts if p.text.strip() or p.heading]


# ------------------------------------------------------------------ skills


def _clean_item(item: str) -> str:
    item = clean_line(item)
    whole = " ".join(item.split()).strip(" .,;:-–—*•·")
    if canonical_skill(whole) and PROFICIENCY.search(whole):
        return whole  # "Machine Learning" names a skill; "Learning" alone is a level
    item = PROFICIENCY.sub(" ", item)
    item = re.sub(r"\((?:programming\s+)?language\)", " ", item, flags=re.I)
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
    return len(item) > 40 or len(item.split()) > 4 or len(item) < 1 or not re.search(r"\w", item)


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
    prose = len(line.split()) > 10 and not ITEM_SPLIT.search(line)
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


def _skills(sections: list[Section]) -> list[str]:
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


def _add_skills(out: list[str], seen: set[str], names: list[str]) -> None:
    """Append names that are skills and not yet present under any spelling."""
    for name in names:
        # One entry per skill: "Apache Kafka" as listed, then "Kafka" found in the text, is one.
        keys = {re.sub(r"[^a-z0-9+#]+", "", x.lower()) for x in (name, canonical_skill(name)) if x}
        if not all(keys) or keys & seen or _is_junk(name) or _not_a_skill(name):
            continue
        seen |= keys
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


# -------------------------------------------------------------- experience


def _experience(sections: list[Section], text: str, today: date) -> tuple[float, float, list[str]]:
    """Return (work years, internship years, internship titles) from the work history."""
    work = _work_sections(sections)
    if not work:
        work = [s for s in sections if s.name not in NOT_WORK]
    jobs: list[tuple[date, date]] = []
    interns: list[tuple[date, date]] = []
    titles: list[str] = []
    for s in work:
        for rng, title in _dated_entries(s.text, today):
            is_intern = s.name == "internships" or bool(title and INTERN.search(title))
            span = (rng.start, rng.end)
            if is_intern:
                interns.append(span)
                if title:
                    titles.append(title)
            elif rng.end > rng.start:
                jobs.append(span)
    for s in work:  # intern titles whose dates we could not read still belong in the list
        for line in s.text.splitlines():
            title = _title_text(line)
            if title and INTERN.search(title) and _looks_like_title(title):
                titles.append(title)
    exact = merged_years(jobs)
    if not jobs and not interns:
        exact = stated_years(text) or 0.0
    return exact, merged_years(interns), _dedupe(titles)


def _work_sections(sections: list[Section]) -> list[Section]:
    """Return the work-history sections, with side-column sections that interrupted them.

    A sidebar ("Languages", "Interests") printed in the middle of the work history leaves the
    jobs after it under the sidebar's heading; dated lines there still belong to the history.
    """
    out: list[Section] = []
    last_main = ""
    for s in sections:
        if s.name in WORK_SECTIONS:
            out.append(s)
        elif s.name in SIDEBAR and last_main in WORK_SECTIONS and _dated_entries(s.text, _EPOCH):
            out.append(Section(last_main, s.heading, s.text))
        if s.name not in SIDEBAR:
            last_main = s.name
    return out


_DURATION = re.compile(
    r"\(?\b\d+\+?\s*(?:years?|yrs?|months?|mos?|weeks?|days?)\b(?:,?\s*\d+\s*(?:months?|mos?)\b)?\)?",
    re.I,
)


def _title_text(line: str) -> str:
    line = clean_line(line)
    ranges = parse_date_ranges(line, _EPOCH)
    for rng in ranges:
        line = line[: rng.begin] + " " + line[rng.finish :]
    if ranges:
        # A length printed beside the range ("May 2019 - Dec 2019 7 months") is date text too.
        line = _DURATION.sub(" ", line)
    line = re.sub(r"\b(?:present|current|now)\b", " ", line, flags=re.I)
    line = re.sub(r"\(\s*[,;–—-]?\s*\)|\[\s*\]", " ", line)  # "(2021)" once the year is gone
    return " ".join(line.split()).strip(" ,|-–—·")


def _looks_like_title(line: str) -> bool:
    if re.search(r"[a-z]{2}[.!?]\s+\S", line):  # two sentences: a description
        return False
    return 0 < len(line) <= 90 and len(line.split()) <= 12 and not line.endswith(".")


def _aside(text: str, rng: DateRange) -> bool:
    """Tell whether a range is a parenthesised aside in a bullet ("Led X (2021 – 2023)")."""
    start = text.rfind("\n", 0, rng.begin) + 1
    end = text.find("\n", rng.finish)
    line = text[start : len(text) if end < 0 else end]
    before, after = text[start : rng.begin], text[rng.finish : len(text) if end < 0 else end]
    enclosed = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    return enclosed and len(line.split()) >= 8


def _current_starts(
    text: str, found: list[DateRange], offsets: list[int], today: date
) -> list[DateRange]:
    """Return lone start dates of current jobs as ranges to today.

    Themes print an entry with no end date as its start alone ("Team Lead  Nov 2023"). A
    lone date on an entry's heading line, no earlier than the end of every finished job in the
    section, starts the job held now.
    """
    finished = [r.end for r in found if r.end > r.start and not r.open_ended]
    if not finished:
        return []
    out = []
    for r in found:
        if r.end != r.start or r.open_ended or r.start < max(finished) or r.start > today:
            continue
        if not DATE_RE.fullmatch(text[r.begin : r.finish]):
            continue  # "Jun 2025 - Jun 2025" is a written range, not a lone start
        i = bisect_right(offsets, r.begin) - 1
        end = text.find("\n", r.begin)
        line = text[offsets[i] : len(text) if end < 0 else end].strip()
        if line[:1] in BULLET_CHARS or not _looks_like_title(line):
            continue
        out.append(DateRange(r.start, today, r.begin, r.finish, True))
    return out


def _dated_entries(text: str, today: date) -> list[tuple[DateRange, str]]:
    """Pair each date range of a work section with the internship title near it, if any."""
    lines = text.splitlines()
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    found = [r for r in parse_date_ranges(text, today) if not _aside(text, r)]
    ranges = [r for r in found if r.end > r.start or r.open_ended]
    ranges = sorted(ranges + _current_starts(text, found, offsets, today), key=lambda r: r.begin)
    if not ranges:
        return []
    line_of = [bisect_right(offsets, r.begin) - 1 for r in ranges]
    titles = [""] * len(ranges)
    best = [99] * len(ranges)
    for i, line in enumerate(lines):
        raw = line.strip()
        if raw[:1] in BULLET_CHARS or raw.startswith("(cid:"):
            continue
        candidate = _title_text(raw)
        if not (candidate and INTERN.search(candidate) and _looks_like_title(candidate)):
            continue
        # The entry it names is the nearest date; on a tie, the one below (title above dates).
        j = bisect_left(line_of, i)
        near = [k for k in (j - 1, j) if 0 <= k < len(ranges)]
        k = min(near, key=lambda k: (abs(line_of[k] - i), line_of[k] < i))
        distance = abs(line_of[k] - i)
        if distance <= 3 and distance < best[k]:
            titles[k], best[k] = candidate, distance
    return list(zip(ranges, titles, strict=True))


# ----------------------------------------------------------------- entries


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        key = re.sub(r"[^a-z0-9]+", " ", item.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _lines(sections: list[Section], name: str) -> list[str]:
    return [ln for s in sections if s.name == name for ln in s.text.splitlines()]


def _is_date_only(line: str) -> bool:
    return bool(line) and not _title_text(line)


def _mostly_skills(line: str) -> bool:
    hits = raw_hits(line)
    words = line.split()
    covered = sum(len(line[h.start : h.end].split()) for h in hits)
    return len(hits) >= 2 and covered >= 0.6 * len(words)


def _projects(sections: list[Section]) -> list[str]:
    """Return project names: the first line of each entry in the projects sections."""
    lines = [ln.strip() for ln in _lines(sections, "projects")]
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
        title = _title_text(raw)
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
            name = f"{_title_text(prev)} {name}"
        if ok and (
            strong
            or state == "start"
            or (dated < 2 and state == "body" and boundary and _title_like(name))
        ):
            dangling = re.search(r"(?:\b(?:and|of|for|the|a|an|to|with|in|on)|[&,])$", prev)
            if prev and (
                (name[:1].islower() and not prev.endswith((".", "!", "?", ":", ")"))) or dangling
            ):
                # "Development of a social bond management" / "system." / date: one name.
                joined = f"{_title_text(prev)} {name}"
                if out and out[-1] == _title_text(prev).rstrip("."):
                    out.pop()
                name = joined if len(joined) <= 120 else name
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
    return _dedupe(out)


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
    return title


def _project_name_ok(name: str, raw: str) -> bool:
    words = name.split()
    if raw[:1] in BULLET_CHARS or raw.startswith("(cid:") or not (2 <= len(name) <= 100):
        return False
    if len(words) > 14 or (name.endswith(".") and len(words) > 8):
        return False
    if not (name[:1].isupper() or name[:1].isdigit() or len(words) <= 4):
        return False
    return not (ENTRY_LABEL.match(name) or URLISH.search(name) or _mostly_skills(name))


def _certifications(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for raw in _lines(sections, "certifications"):
        line = _title_text(raw)
        if not line or len(line) < 3 or re.search(r"https?://|www\.|@", line):
            continue
        if CERT_DETAIL.match(line):
            continue
        if len(line.split()) > 16 or (line.endswith(".") and len(line.split()) > 8):
            continue
        issuer = re.sub(r"^(?:issued by|issuer|by)\s*:?\s*", "", line, flags=re.I)
        if out and (issuer != line or ISSUER.match(line)):
            # "Udemy" under "Design Thinking in 3 Steps" names who issued it, not a certificate.
            out[-1] = f"{out[-1]} — {issuer}"
            continue
        out.append(line)
    return _dedupe(out)


def _education(sections: list[Section]) -> list[str]:
    lines: list[str] = []
    last_main = ""
    for s in sections:
        rows = [clean_line(x) for x in s.text.splitlines() if clean_line(x)]
        if s.name == "education":
            lines.extend(rows)
        elif s.name in SIDEBAR and last_main == "education":
            # A side column printed inside the education list: keep its dated lines only.
            lines.extend(x for x in rows if _edu_kind(x, _title_text(x)) == "dated")
        if s.name not in SIDEBAR:
            last_main = s.name
    titles = [_title_text(x) for x in lines]
    kinds = [_edu_kind(line, title) for line, title in zip(lines, titles, strict=True)]
    # Layout where the degree comes first and the institution under it (no keyword needed).
    keyword_rows = [i for i, k in enumerate(kinds) if k == "institution"]
    before = sum(i > 0 and kinds[i - 1] == "degree" for i in keyword_rows)
    after = sum(i + 1 < len(kinds) and kinds[i + 1] == "degree" for i in keyword_rows)
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
                and kinds[nxt] in ("institution", "name", "skip")
                and (
                    title.endswith((" of", " and", " &", ",", " de", " for"))
                    or titles[nxt].startswith("(")
                    or title.count("(") > title.count(")")
                    or (kinds[nxt] == "institution" and len(titles[nxt].split()) <= 2)
                )
            ):
                title = f"{title} {titles[nxt]}"
                used.add(nxt)
                nxt += 1
            name = _split_degree_at(title)
            degree = _degree_near(lines, kinds, i, degree_first)
            out.append(f"{name} — {degree}" if degree and degree not in name else name)
    return _dedupe(out)


def _edu_kind(line: str, title: str) -> str:
    """Classify an education line: institution, degree, date, dated, name or skip."""
    if not title:
        return "date"
    words = title.split()
    if len(words) > 14 or (title.endswith(".") and len(words) > 8) or URLISH.search(title):
        return "skip"
    if INSTITUTION.search(title):
        return "institution"
    if DEGREE.search(title):
        return "degree"
    if title != " ".join(line.split()).strip(" ,|-–—·"):  # a date was taken out
        return "dated"
    if LOCATION.match(title) or re.match(r"^(?:gpa|grade|cgpa|score|thesis)\b", title, re.I):
        return "skip"
    if len(words) <= 7 and title[:1].isupper() and not title.endswith("."):
        return "name"
    return "skip"


def _split_degree_at(title: str) -> str:
    """Turn "BSc Computer Science at Stanford University" into "Stanford University — BSc ..."."""
    m = re.match(r"^(.*?)(?:\s*,\s+|\s+(?:at|@|from|-|–|—)\s+)(.*)$", title)
    if m and INSTITUTION.search(m.group(2)) and DEGREE.search(m.group(1)):
        return f"{m.group(2).strip()} — {m.group(1).strip()}"
    return title


def _degree_near(lines: list[str], kinds: list[str], i: int, degree_first: bool) -> str:
    order = (i - 1,) if degree_first else (i + 1, i + 2)
    for j in order:
        if 0 <= j < len(lines) and kinds[j] == "degree":
            cand = _title_text(lines[j])
            if len(cand.split()) <= 10 and not cand.endswith("."):
                return cand
    return ""
