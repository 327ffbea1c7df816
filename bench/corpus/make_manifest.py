"""Assign each person to layout families and write manifest.tsv (run once; the TSV is committed).

usage: python bench/corpus/make_manifest.py
Dev people get two renders, invented people three, each in the families with the fewest
files so far. LaTeX (pdflatex) families skip people whose text has characters outside Latin
and Latin Extended; two-page families take only people with enough content to fill two pages.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# family, renderer, styles, output extension
FAMILIES = [
    ("moderncv", "moderncv", ["classic", "banking", "casual", "oldstyle"], "pdf"),
    ("europecv", "europecv", [""], "pdf"),
    ("latex-article", "article", ["normal", "compact"], "pdf"),
    ("word-docx", "word", ["tables", "tabs"], "docx"),
    ("word-pdf", "word", ["tables", "tabs"], "pdf"),
    ("gdocs-pdf", "gdocs", ["serif", "coral"], "pdf"),
    ("gdocs-docx", "gdocs-docx", [""], "docx"),
    ("twopage", "twopage-tex", ["page", "slash"], "pdf"),
    ("twopage", "twopage-docx", ["page", "slash"], "pdf"),
    ("datecol", "datecol", ["rows", "blocks"], "pdf"),
    ("sidebar", "sidebar", ["narrow", "wide"], "pdf"),
]
LATEX = {"moderncv", "europecv", "article", "twopage-tex"}


def latin(p: dict) -> bool:
    """Return whether pdflatex with T1 fonts can set every character of the person."""
    return all(ord(c) < 0x250 or c in "–—’‘“”•·|" for c in json.dumps(p, ensure_ascii=False))


def main() -> None:
    """Write manifest.tsv."""
    people = [json.loads(f.read_text()) for f in sorted((HERE / "people").glob("*.json"))]
    counts = {i: 0 for i in range(len(FAMILIES))}
    fam_count: dict[str, int] = {}
    style_cycle = {i: itertools.cycle(f[2]) for i, f in enumerate(FAMILIES)}
    rows, next_id = [], 201
    for p in people:
        want = 3 if p["source"] == "invented" else 2
        big = len(p["jobs"]) >= 5 or sum(len(g["items"]) for g in p["skill_groups"]) >= 30
        taken: set[str] = set()
        for _ in range(want):
            ok = [
                i
                for i, f in enumerate(FAMILIES)
                if f[0] not in taken
                and (f[1] not in LATEX or latin(p))
                and (f[0] != "twopage" or big)
            ]
            i = min(ok, key=lambda k: (fam_count.get(FAMILIES[k][0], 0), counts[k], k))
            fam, renderer, _, ext = FAMILIES[i]
            counts[i] += 1
            fam_count[fam] = fam_count.get(fam, 0) + 1
            taken.add(fam)
            rows.append(f"{next_id}\t{p['id']}\t{fam}\t{renderer}\t{next(style_cycle[i])}\t{ext}")
            next_id += 1
    head = "# id\tperson\tfamily\trenderer\tstyle\text\n"
    (HERE / "manifest.tsv").write_text(head + "\n".join(rows) + "\n")
    print(f"{len(rows)} rows; per family: {fam_count}")


if __name__ == "__main__":
    main()
