"""Render every manifest row and write its truth in the dev format.

usage: python bench/corpus/render.py [--out DIR] [--only 201,202] [--truth-only]
Writes DIR/NNN.pdf|docx and DIR/NNN.truth.json (DIR defaults to bench/corpus/set). Truth is
the person's content: skills, jobs (position, company, start, end; '' is ongoing),
internships, certifications, projects, institutions, role. mentioned = known skills (listed
by any corpus person or dev resume) that the rendered file names anywhere. Every truth item is
checked against the file's own text (pdfplumber / python-docx) and a missing one is reported,
so a layout that drops or clips an item is seen, not silently scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DEV = HERE.parents[2] / "shared" / "eval" / "dev"

import render_docx  # noqa: E402
import render_html  # noqa: E402
import render_latex  # noqa: E402
from common import load, skills_flat  # noqa: E402

RENDERERS = {
    **dict.fromkeys(render_latex.LAYOUTS, render_latex.render),
    **dict.fromkeys(render_html.LAYOUTS, render_html.render),
    **dict.fromkeys(render_docx.LAYOUTS, render_docx.render),
}


def norm(s: str) -> str:
    """Normalise like score.py: lower case, '&' as 'and', punctuation to spaces."""
    s = s.lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9+#]+", " ", s)
    return " ".join(s.split())


def shown(name: str, text: str) -> bool:
    """Return whether a name appears in normalised text as whole words."""
    n = norm(name)
    return bool(n) and re.search(rf"(^| ){re.escape(n)}( |$)", text) is not None


def file_text(path: Path) -> str:
    """Return a rendered file's text, read independently of the parser under test."""
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(pg.extract_text() or "" for pg in pdf.pages)
    from docx import Document

    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for tbl in doc.tables:
        parts += [c.text for row in tbl.rows for c in row.cells]
    for sec in doc.sections:
        parts += [p.text for p in sec.header.paragraphs + sec.footer.paragraphs]
    return "\n".join(parts)


def known_skills() -> set[str]:
    """Return every skill listed by a corpus person or a dev resume."""
    known: set[str] = set()
    for f in (HERE / "people").glob("*.json"):
        known.update(skills_flat(json.loads(f.read_text())))
    for tf in DEV.glob("*.truth.json"):
        t = json.loads(tf.read_text())
        known.update(t.get("skills", []) + t.get("mentioned", []))
    return known


def truth_of(p: dict, row: dict, text: str, known: set[str]) -> tuple[dict, list[str]]:
    """Return the truth for one render and the truth items its text does not show."""
    jobs = [{k: j[k] for k in ("position", "company", "start", "end")} for j in p["jobs"]]
    # score.py compares ASCII-normalised names: an item with no ASCII word ("機械学習") could
    # never be matched, so it stays in the document but not in the truth.
    skills = [s for s in skills_flat(p) if norm(s)]
    truth = {
        "file": f"{row['id']}.{row['ext']}",
        "theme": f"{row['family']}/{row['renderer']}"
        + (f"/{row['style']}" if row["style"] else ""),
        "format": row["ext"] if row["ext"] == "pdf" else "docx-python-docx",
        "person": p["id"],
        "skills": skills,
        "jobs": jobs,
        "internships": p["internships"],
        "certifications": [c["name"] for c in p["certifications"]],
        "projects": [x["name"] for x in p["projects"]],
        "education": [e["institution"] for e in p["education"]],
    }
    if p.get("role"):
        truth["role"] = p["role"]
    t = norm(text)
    truth["mentioned"] = sorted(k for k in known if shown(k, t))
    items = truth["skills"] + [j["position"] for j in jobs] + truth["certifications"]
    items += truth["projects"] + truth["education"]
    # Columns interleave in a plain text dump, so an item is missing only when a word of it is.
    # Tight justified lines lose their spaces in a text dump ("PowerQuery"): compare unspaced too.
    words, flat = set(t.split()), t.replace(" ", "")
    return truth, [
        x
        for x in items
        if norm(x)
        and not shown(x, t)
        and not set(norm(x).split()) <= words
        and norm(x).replace(" ", "") not in flat
    ]


def main() -> None:
    """Render the manifest."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE / "set")
    ap.add_argument("--only", default="")
    ap.add_argument("--truth-only", action="store_true", help="rebuild truth from existing files")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    only = set(filter(None, args.only.split(",")))
    keys = ["id", "person", "family", "renderer", "style", "ext"]
    rows = [
        dict(zip(keys, line.split("\t"), strict=True))
        for line in (HERE / "manifest.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    known = known_skills()
    for row in rows:
        if only and row["id"] not in only:
            continue
        p = load(row["person"])
        out = args.out / f"{row['id']}.{row['ext']}"
        if not args.truth_only:
            RENDERERS[row["renderer"]](p, row["renderer"], row["style"], out)
        truth, missing = truth_of(p, row, file_text(out), known)
        (args.out / f"{row['id']}.truth.json").write_text(
            json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
        )
        note = f"  NOT IN TEXT: {missing}" if missing else ""
        print(f"{row['id']} {row['person']} {truth['theme']}{note}", flush=True)


if __name__ == "__main__":
    main()
