"""Write search questions for the proxy held-out renders, in the dev set's search.jsonl format.

usage: python bench/heldout/search_queries.py [OUT_DIR] [--texts DIR]
OUT_DIR (default bench/out/heldout) holds the renders NNN.pdf|docx that render.sh wrote; the
questions go to OUT_DIR/search.jsonl. Each render's questions come from its JSON source
(manifest.tsv), asked the way the dev questions are, with `expect` a piece of text the answer
chunk must hold. A question whose `expect` the render does not print (many themes drop
projects, certificates or a field) is skipped: the extracted text must contain it, spacing and
case ignored, as rank.py compares, and not only inside a longer value of the same resume.
Each row also carries `kind` and `named` (whether the name the question asks about is printed
too), which rank.py ignores.

Kinds:
  role     What was my role at <company>?                -> position
  study    What did I study at <institution>?            -> area, else studyType
  project  Tell me about the <project> project.          -> first 5 words of its description
                                                            (else of its first highlight)
  cert     Which certification did I get from <issuer>?  -> certificate name
  did      What did I do at <company>?                   -> first 5 words of its summary
                                                            (else of its first highlight)
  where    Where did I work as <position>?               -> company (positions held once only)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

PREFIX_WORDS = 5


def squash(text: str) -> str:
    """Lower-case text and drop all whitespace, as rank.py compares."""
    return re.sub(r"\s+", "", text.lower())


def first_words(text: str, n: int = PREFIX_WORDS) -> str:
    """Return the first n whitespace-separated words of text."""
    return " ".join(text.split()[:n])


def _company(entry: dict) -> str:
    return (entry.get("name") or entry.get("company") or "").strip()


def _body(entry: dict) -> str:
    for text in [entry.get("summary") or entry.get("description") or ""] + list(
        entry.get("highlights") or []
    ):
        if text and text.strip():
            return text.strip()
    return ""


def candidates(resume: dict) -> list[dict]:
    """Return every question a JSON Resume supports, before checking what a render prints."""
    out: list[dict] = []

    def add(kind: str, q: str, expect: str, name: str, source: str = "") -> None:
        # source: the whole value expect was cut from, when it is a prefix.
        if expect.strip() and name.strip():
            row = {"kind": kind, "q": q, "expect": expect.strip(), "name": name.strip()}
            out.append(row | {"source": (source or expect).strip()})

    work = resume.get("work") or []
    positions = [(w.get("position") or "").strip().casefold() for w in work]
    for entry in work:
        company, position = _company(entry), (entry.get("position") or "").strip()
        add("role", f"What was my role at {company}?", position, company)
        body = _body(entry)
        add("did", f"What did I do at {company}?", first_words(body), company, body)
        if position and positions.count(position.casefold()) == 1:
            add("where", f"Where did I work as {position}?", company, position)
    for entry in resume.get("education") or []:
        institution = (entry.get("institution") or "").strip()
        field = (entry.get("area") or "").strip() or (entry.get("studyType") or "").strip()
        add("study", f"What did I study at {institution}?", field, institution)
    for entry in resume.get("projects") or []:
        name = (entry.get("name") or "").strip()
        body = _body(entry)
        add("project", f"Tell me about the {name} project.", first_words(body), name, body)
    for entry in resume.get("certificates") or []:
        issuer = (entry.get("issuer") or "").strip()
        add(
            "cert",
            f"Which certification did I get from {issuer}?",
            entry.get("name") or "",
            issuer,
        )
    return out


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def printed_alone(expect: str, source: str, printed: str, resume: dict) -> bool:
    """Return whether expect is printed other than inside another, longer value of the resume.

    A short answer such as "Nursing" is found inside "Nursing Intern" even when the theme drops
    the education field it answers: blank out the longer values that hold it (all but source,
    the value expect comes from), then look again.
    """
    target, own = squash(expect), squash(source)
    longer = {squash(s) for s in _strings(resume)} - {target, own}
    for value in sorted((v for v in longer if target in v), key=len, reverse=True):
        printed = printed.replace(value, " ")
    return target in printed


def read_text(path: Path, texts: Path | None) -> str:
    """Return a render's text: from a dump directory if given, else the service's extractor."""
    if texts is not None and (texts / f"{path.stem}.txt").is_file():
        return (texts / f"{path.stem}.txt").read_text(encoding="utf-8")
    from resume.extract import extract_text

    return extract_text(path, path.suffix.lstrip(".").lower())


def main() -> int:
    """Write OUT_DIR/search.jsonl and print how many questions each kind kept and skipped."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", nargs="?", type=Path, default=ROOT / "bench" / "out" / "heldout")
    ap.add_argument("--texts", type=Path, default=None, help="read NNN.txt dumps when present")
    args = ap.parse_args()
    with open(HERE / "manifest.tsv", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    kept: dict[str, int] = {}
    skipped: dict[str, int] = {}
    lines: list[str] = []
    for rid, source, _theme, _fmt in rows:
        files = [args.out_dir / f"{rid}.{ext}" for ext in ("pdf", "docx")]
        path = next((p for p in files if p.is_file()), None)
        if path is None:
            print(f"{rid}: no render in {args.out_dir}", file=sys.stderr)
            continue
        printed = squash(read_text(path, args.texts))
        resume = json.loads((HERE / "json" / source).read_text(encoding="utf-8"))
        for c in candidates(resume):
            if not printed_alone(c["expect"], c["source"], printed, resume):
                skipped[c["kind"]] = skipped.get(c["kind"], 0) + 1
                continue
            kept[c["kind"]] = kept.get(c["kind"], 0) + 1
            row = {
                "id": rid,
                "q": c["q"],
                "expect": c["expect"],
                "kind": c["kind"],
                "named": squash(c["name"]) in printed,
            }
            lines.append(json.dumps(row, ensure_ascii=False))
    target = args.out_dir / "search.jsonl"
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    for kind in sorted(set(kept) | set(skipped)):
        print(f"{kind}: {kept.get(kind, 0)} kept, {skipped.get(kind, 0)} not printed")
    print(f"{len(lines)} questions -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
