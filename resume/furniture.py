"""Lines a page or a form prints around a resume that are not its content.

Page furniture: page numbers ("1/2", "Page 2 of 4", "Page 1 - Curriculum vitae of") and the
running header or footer printed beside them on every page (the person's name, "Name — Résumé").
Form labels: the field names of the Europass CV form ("Occupation or position held", "Name of
employer"), printed in a label column beside the person's own text.
"""

from __future__ import annotations

import re

from resume.lines import title_text

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina|strona)\s*)?\d{1,3}\s*(?:/|of|von|de|sur|di|z)\s*\d{1,3}$"
    r"|^(?:page|seite|página|pagina|strona)\s+\d{1,3}"
    r"(?:\s*[-–—|:]\s*(?:curriculum\s+vit\w*|cv|r[ée]sum[ée]|lebenslauf)\b.*)?$"
    r"|^[-–—]\s*\d{1,3}\s*[-–—]$",
    re.I,
)
# A running header names the document ("Ana Ruiz — Résumé", "Priya Rao Curriculum Vitae").
DOCUMENT_NAME = re.compile(r"\b(?:curriculum\s+vit\w*|r[ée]sum[ée]|resume|cv|lebenslauf)\s*$", re.I)
# The running header or footer sits within two lines of the page number it is printed with.
NEAR_PAGE_NUMBER = 2
# A running header is a name and a word or two, never a sentence.
HEADER_MAX_WORDS = 8

_EUROPASS_LABELS = {
    "name surname", "surname s first name s", "first name s surname s", "address",
    "address es", "telephone", "telephone s", "mobile", "fax", "fax es", "e mail", "email",
    "personal email", "nationality", "date of birth", "gender", "dates",
    "occupation or position held", "main activities", "main activities and responsibilities",
    "name of employer", "name and address of employer", "type of business or sector",
    "title of qualification awarded", "principal subjects occupational skills covered",
    "name of organisation", "name and type of organisation providing education and training",
    "name and type of organisation", "level in national or international classification",
    "mother tongue", "mother tongue s", "other language", "other language s",
    "self assessment", "european level", "driving licence", "annexes",
    "desired employment occupational field",
}  # fmt: skip


# Labels of several words, as the form prints them; the label column of a form can be read
# as one line per entry ("Sep 2022–Sep 2024 Occupation or position held Main activities").
_INLINE_LABEL = re.compile(
    r"\b(?:Occupation or position held|Main activities(?: and responsibilities)?|"
    r"Name (?:and address )?of employer|Type of business or sector|"
    r"Title of qualification awarded|Name (?:and type )?of organisation"
    r"(?: providing education and training)?|Principal subjects ?/ ?occupational skills covered|"
    r"Level in national or international classification|Mother tongue\(?s?\)?|"
    r"Other language\(?s?\)?|Name ?/ ?Surname)(?!\w)"
)


def _key(line: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", line.lower()).split())


def is_form_label(line: str) -> bool:
    """Tell whether a line is one of the Europass CV form's field labels."""
    return _key(line) in _EUROPASS_LABELS


def strip_furniture(text: str) -> str:
    """Blank page numbers, running headers and footers beside them, and form labels."""
    lines = text.split("\n")
    pages = [i for i, ln in enumerate(lines) if PAGE_NUMBER.match(ln.strip())]
    counts: dict[str, int] = {}
    for ln in lines:
        key = " ".join(ln.split())
        counts[key] = counts.get(key, 0) + 1
    drop = set(pages)
    for p in pages:
        for i in range(max(0, p - NEAR_PAGE_NUMBER), min(len(lines), p + NEAR_PAGE_NUMBER + 1)):
            key = " ".join(lines[i].split())
            if not key or len(key.split()) > HEADER_MAX_WORDS:
                continue
            if counts[key] >= 2 or DOCUMENT_NAME.search(key):
                drop.add(i)
    # The running header also opens the first page, where no page number is beside it.
    running = {" ".join(lines[i].split()) for i in drop if i not in pages}
    for i, ln in enumerate(lines[: NEAR_PAGE_NUMBER + 1]):
        if " ".join(ln.split()) in running and DOCUMENT_NAME.search(ln.strip()):
            drop.add(i)
    return "\n".join("" if i in drop else _drop_labels(ln) for i, ln in enumerate(lines))


def _drop_labels(line: str) -> str:
    """Return a line without form labels when labels (and dates) are all it holds."""
    if is_form_label(line):
        return ""
    rest = " ".join(_INLINE_LABEL.sub(" ", line).split())
    if rest != " ".join(line.split()) and not title_text(rest):
        return rest
    return line
