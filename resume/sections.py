"""Split resume text into sections by their headings, in the many ways headings are written."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Section:
    """A part of a resume under one heading."""

    name: str  # canonical: summary, experience, internships, skills, projects, ...
    heading: str  # the heading as written ("" for text before the first heading)
    text: str


# Sections that hold the work history.
WORK_SECTIONS = frozenset({"experience", "internships"})
# Short side-column sections that a page layout can drop into the middle of another section
# (a two-column theme prints "Languages" between two jobs): what follows may still belong to
# the section before.
SIDEBAR = frozenset(
    {"interests", "languages", "skills", "contact", "references", "summary", "other"}
)

# Whole headings (normalised: lower case, "&" as "and", letters and spaces only).
_EXACT = {
    "summary": [
        "summary", "about", "about me", "profile", "professional summary", "career summary",
        "objective", "career objective", "professional profile", "overview", "introduction",
        "bio", "personal statement", "executive summary", "who i am", "personal profile",
        "profil", "perfil", "resumen", "resumo", "profilo", "über mich", "sobre mí", "sobre mim",
        "à propos", "o mnie", "podsumowanie",
        "summary of qualifications", "professional overview", "career profile",
    ],
    "experience": [
        "experience", "experiences", "work experience", "professional experience",
        "employment history", "employment", "work history", "career history", "work",
        "relevant experience", "professional history", "career", "positions",
        "professional background", "experience history", "job history", "career experience",
        "work and experience", "industry experience", "employment experience",
        "professional work experience", "relevant work experience", "technical experience",
        "freelance experience", "teaching experience", "research experience",
        "work experiences", "employment record", "where i ve worked", "professional career",
        "career path", "experience summary", "consulting experience", "military experience",
        "where i have worked",
        # German, Spanish, French, Portuguese, Italian, Dutch, Polish
        "berufserfahrung", "berufliche erfahrung", "erfahrung", "beruflicher werdegang",
        "werdegang", "experiencia", "experiencia profesional", "experiencia laboral",
        "expérience", "expériences", "expérience professionnelle",
        "expériences professionnelles", "experiência", "experiência profissional",
        "esperienza", "esperienze", "esperienza professionale", "esperienze lavorative",
        "werkervaring", "ervaring", "doświadczenie", "doświadczenie zawodowe",
        "historia zatrudnienia",
    ],
    "internships": [
        "internships", "internship", "internship experience", "internships experience",
        "internship and training", "industrial training", "co op experience", "co op",
        "apprenticeships", "apprenticeship",
    ],
    "skills": [
        "skills", "technical skills", "core competencies", "competencies", "key skills",
        "core skills", "skills and tools", "tools and technologies", "technologies",
        "tech stack", "technical stack", "skill set", "skillset", "expertise",
        "areas of expertise", "technical expertise", "technical proficiencies", "proficiencies",
        "skills summary", "skills and expertise", "programming languages",
        "languages and technologies", "languages and tools", "tools", "toolbox",
        "technical competencies", "professional skills", "hard skills", "soft skills",
        "key competencies", "skills and competencies", "skills and abilities", "abilities",
        "it skills", "computer skills", "software skills", "technical knowledge", "knowledge",
        "stack", "technologies and tools", "tools and skills", "skills and technologies",
        "software", "frameworks", "qualifications and skills", "strengths", "specialties",
        "specializations", "capabilities", "skills and interests", "digital skills",
        "top skills", "tech skills", "technical toolkit", "toolkit", "what i know",
        "skills and certifications", "technical summary", "technology stack", "tools and platforms",
        "what i use", "tools i use", "what i work with", "technologie",
        "technologien", "kompetenzen", "fähigkeiten", "kenntnisse", "fachkenntnisse",
        "it kenntnisse", "compétences", "competences", "compétences techniques",
        "competencias", "habilidades", "conocimientos", "competências", "competencias técnicas",
        "conhecimentos", "competenze", "competenze tecniche", "vaardigheden",
        "umiejętności", "kompetencje", "technologie i narzędzia",
    ],
    "projects": [
        "projects", "project", "personal projects", "side projects", "key projects",
        "selected projects", "academic projects", "open source", "open source projects",
        "portfolio", "project experience", "notable projects", "relevant projects",
        "professional projects", "projects and publications", "technical projects",
        "open source contributions", "selected work", "project highlights",
        "projects and achievements", "things i ve built", "side project", "hackathons",
        "things i built", "things i have built", "apps", "what i built", "what i ve built",
        "projekte", "proyectos", "projets", "projetos", "progetti", "projecten", "projekty",
    ],
    "certifications": [
        "certifications", "certification", "certificates", "certificate", "licenses",
        "licences", "licenses and certifications", "licences and certifications",
        "certifications and licenses", "certificates and licenses", "accreditations",
        "credentials", "courses and certifications", "certifications and courses",
        "training and certifications", "certifications and training", "professional certifications",
        "trainings", "training", "professional development", "online courses",
        "licenses and certificates", "awards and certifications", "certifications and awards",
        "zertifikate", "zertifizierungen", "certificaciones", "certificados", "certificações",
        "certificazioni", "certificaten", "certyfikaty",
    ],
    "education": [
        "education", "academic background", "academics", "qualifications",
        "educational background", "academic qualifications", "studies", "education and training",
        "academic history", "education history", "educational qualifications",
        "academic profile", "academic credentials", "formal education", "degrees",
        "schooling", "academic education", "courses", "coursework", "relevant coursework",
        "ausbildung", "bildung", "studium", "formación", "formación académica", "estudios",
        "formation", "formations", "études", "educação", "formação", "formação acadêmica",
        "istruzione", "formazione", "opleiding", "opleidingen", "wykształcenie", "edukacja",
    ],
    "awards": [
        "awards", "honors", "honours", "achievements", "accomplishments", "awards and honors",
        "awards and honours", "honors and awards", "honours and awards", "recognition",
        "awards and achievements", "key achievements", "scholarships", "distinctions",
        "honors awards", "honours awards", "achievements and awards",
    ],
    "publications": [
        "publications", "papers", "research", "talks", "presentations", "publications and talks",
        "talks and publications", "conferences", "speaking", "patents", "research papers",
    ],
    "languages": [
        "languages", "spoken languages", "language skills", "language", "language proficiency",
        "sprachen", "sprachkenntnisse", "idiomas", "langues", "línguas", "lingue", "talen",
        "języki", "języki obce",
    ],
    "volunteer": [
        "volunteer", "volunteering", "volunteer experience", "volunteer work", "community",
        "community involvement", "leadership and activities", "activities",
        "extracurricular activities", "extracurricular", "community service",
        "organizations", "affiliations", "memberships", "professional affiliations",
    ],
    "interests": [
        "interests", "hobbies", "hobbies and interests", "personal interests", "other interests",
    ],
    "references": ["references", "referees", "references available upon request"],
    "contact": [
        "contact", "contact information", "contact details", "contact info",
        "personal information", "personal details", "personal info", "details", "info",
        "links", "social", "find me online",
    ],
}  # fmt: skip
HEADINGS: dict[str, str] = {h: name for name, hs in _EXACT.items() for h in hs}
# Words that may qualify a heading ("Selected Projects", "My Technical Skills").
_QUALIFIERS = {
    "my", "key", "other", "selected", "relevant", "additional", "professional", "technical",
    "personal", "recent", "notable", "main", "featured", "core", "and", "of", "the", "previous",
    "academic", "work", "some", "select", "highlighted", "significant", "tech",
}  # fmt: skip
# Trailing nouns that only qualify the section named before them ("Projects Experience").
_GENERIC_TAILS = {
    "experience", "experiences", "history", "section", "details", "list", "highlights",
}  # fmt: skip
_QUALIFIED_BY_TAIL = {
    "projects", "internships", "volunteer", "publications", "certifications", "education",
    "awards",
}  # fmt: skip
# Headings that may be followed on the same line by the section's first words (a side column).
_PREFIX_HEADINGS = {
    "education", "experience", "work experience", "projects", "skills", "certifications",
    "certificates", "summary", "work", "internships", "volunteer", "awards", "languages",
    "publications", "interests", "technical skills", "professional experience",
}  # fmt: skip

_CID = re.compile(r"\(cid:\d+\)")
_BULLETS = "•·●▪◦‣■□➢➤►▶✓✔-–—*>"


def clean_line(line: str) -> str:
    """Strip icon-font debris, bullets and outer whitespace from one line."""
    line = _CID.sub(" ", line)
    line = re.sub(r"[\ue000-\uf8ff]", " ", line)  # private-use icon glyphs
    return line.strip().lstrip(_BULLETS).strip()


def _collapse_spacing(line: str) -> str:
    """Join letter-spaced words: "S K I L L S" -> "SKILLS", "W O R K   E X P" -> "WORK EXP"."""
    chunks = re.split(r"\s{2,}", line.strip())
    out = []
    for chunk in chunks:
        parts = chunk.split(" ")
        if len(parts) >= 3 and all(len(p) == 1 for p in parts):
            out.append("".join(parts))
        else:
            out.append(chunk)
    return " ".join(out)


def normalise_heading(line: str) -> str:
    """Reduce a candidate heading to lower-case words ("WORK  EXPERIENCE:" -> "work experience")."""
    line = _collapse_spacing(clean_line(line))
    line = re.sub(r"\(\s*\d+\s*\)\s*$", "", line)  # "Work Experience(5)"
    line = line.lower().replace("&", " and ").replace("/", " and ")
    line = re.sub(r"[^a-zß-ÿ\u0100-\u017f ]+", " ", line)  # Latin letters with accents
    return " ".join(line.split())


def heading_name(line: str, *, after_break: bool = False) -> str | None:
    """Return the canonical section for a line that is a heading, or None for any other line.

    A heading is capitalised or in capitals. A lower-case one ("experience", a design choice)
    counts only after_break (a blank line or a finished sentence before it) and only when it
    is a whole known heading, so that "projects" wrapped out of a sentence is not one.
    """
    raw = clean_line(line)
    if not raw or len(raw) > 60 or raw.endswith((".", ",", ";")):
        return None
    first = next((c for c in raw if c.isalpha()), "")
    if not first.isupper():
        if after_break and normalise_heading(raw) in HEADINGS and raw == raw.lower():
            return HEADINGS[normalise_heading(raw)]
        return None
    if re.search(r"\d", re.sub(r"\(\s*\d+\s*\)\s*$", "", raw)):
        return None
    if ":" in raw.rstrip(":"):  # "Skills: Python, Go" is a labelled list, not a heading
        return None
    key = normalise_heading(raw)
    if not key or len(key.split()) > 6:
        return None
    if key in HEADINGS:
        return HEADINGS[key]
    words = key.split()
    # "Projects Experience", "Volunteering History": a section noun qualified by a generic
    # trailing noun names that section, not the generic one.
    if len(words) >= 2 and words[-1] in _GENERIC_TAILS:
        head = HEADINGS.get(" ".join(words[:-1]))
        if head in _QUALIFIED_BY_TAIL:
            return head
    # "Selected Projects", "Technical Skills and Tools": qualifiers around one known heading.
    for size in (3, 2, 1):
        # Right to left: in "About Experience" (two columns' headings) the later one runs on.
        for i in reversed(range(len(words) - size + 1)):
            core = " ".join(words[i : i + size])
            rest = words[:i] + words[i + size :]
            if core in HEADINGS and all(w in _QUALIFIERS or w in HEADINGS for w in rest):
                return HEADINGS[core]
    return None


def _split_prefix_heading(line: str) -> tuple[str, str, str] | None:
    """Split "Education CIFP Cesar Manrique" into a heading and the text beside it."""
    raw = clean_line(line)
    words = raw.split()
    if len(words) < 2 or len(words) > 40:
        return None
    for size in (2, 1):
        head = " ".join(words[:size])
        rest = " ".join(words[size:])
        key = normalise_heading(head)
        if key not in _PREFIX_HEADINGS or not rest:
            continue
        if head.endswith(":") or not (head.isupper() or head.istitle()):
            continue
        # A heading in capitals ("PROJECTS secrets-sniffer") is never a sentence's first
        # word; a capitalised one may be, so then the rest must read as a short entry.
        if not (head.isupper() and len(key) >= 4):
            # A lower-case first word continues a sentence; "iOS (Expert): Swift" does not.
            first_word = rest.split()[0]
            if len(words) > 8 or first_word == first_word.lower() or rest.endswith("."):
                continue
        # "About Summary": two headings side by side; the later one is the running section.
        rest_name = heading_name(rest)
        if rest_name:
            return rest_name, rest, ""
        return HEADINGS[key], head, rest
    return None


def split_sections(text: str, extra_headings: dict[str, str] | None = None) -> list[Section]:
    """Split text into sections in document order; text before the first heading is "other".

    extra_headings overrides the vocabulary by style (layout_rules.style_headings): a section
    name for a heading it lacks, "" for its words set as plain text.
    """
    sections: list[Section] = []
    name, heading, buf = "other", "", []
    previous = ""
    for line in text.splitlines():
        after_break = not previous.strip() or previous.rstrip().endswith((".", "!", "?", ":"))
        previous = line
        found = heading_name(line, after_break=after_break)
        if extra_headings and clean_line(line) in extra_headings:
            # Style decides: a heading the words miss, or known words set as plain text ("").
            found = extra_headings[clean_line(line)] or None
        rest = ""
        if found:
            new_heading = clean_line(line)
        else:
            split = _split_prefix_heading(line)
            if split is None:
                buf.append(line)
                continue
            found, new_heading, rest = split
        if buf and "".join(buf).strip() or heading:
            sections.append(Section(name, heading, "\n".join(buf).strip("\n")))
        name, heading, buf = found, new_heading, [rest] if rest else []
    sections.append(Section(name, heading, "\n".join(buf).strip("\n")))
    return [s for s in sections if s.text.strip() or s.heading]
