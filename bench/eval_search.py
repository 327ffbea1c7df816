"""Measure resume search (top-3) on a directory of resumes with questions, as the service runs it.

usage: python bench/eval_search.py [DIR] [--out FILE] [--texts DIR] [--only NNN,NNN] [--quiet]
DIR (default the dev set) holds NNN.pdf|docx and search.jsonl ({"id", "q", "expect"} rows; an
optional "kind" is used for the per-kind figures, else it is read off the question). For each
resume: resume.extract.extract_text (the isolated reader; --texts reads NNN.txt dumps instead),
resume.parse.parse_resume, rag.chunking.chunk_sections, rag.embeddings.embed, a FAISS index per
resume written by rag.store.IndexStore in a temporary directory, and rag.search.hybrid_search
top-3 for each of its questions. Writes the hits (rank.py's format) to FILE (default
bench/out/search/<DIR name>.hits.jsonl), runs rank.py search on them, and prints per-kind
rates, the rate over answerable questions (the extracted text prints both the expected text and
the name the question asks about) and each miss with the heads of its top-3 chunks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rag import embeddings  # noqa: E402
from rag.chunking import chunk_sections  # noqa: E402
from rag.search import hybrid_search  # noqa: E402
from rag.store import IndexStore  # noqa: E402
from resume.parse import parse_resume  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
RANKER = ROOT.parent / "shared" / "eval" / "rank.py"
TOP = 3
# Question patterns: the kind, and the name the question asks about as group 1.
_KINDS = [
    ("role", re.compile(r"^what was my role at (.+?)\?$", re.I)),
    ("study", re.compile(r"^what did i study at (.+?)\?$", re.I)),
    ("project", re.compile(r"^tell me about the (.+?) project\.?$", re.I)),
    ("cert", re.compile(r"^which certification did i get from (.+?)\?$", re.I)),
    ("did", re.compile(r"^what did i do at (.+?)\?$", re.I)),
    ("where", re.compile(r"^where did i work as (.+?)\?$", re.I)),
]


def squash(text: str) -> str:
    """Lower-case text and drop all whitespace, as rank.py compares."""
    return re.sub(r"\s+", "", text.lower())


def kind_of(row: dict) -> tuple[str, str]:
    """Return a question's kind (its "kind" field, else read off its wording) and its subject."""
    for kind, rx in _KINDS:
        match = rx.search(row["q"].strip())
        if match:
            return str(row.get("kind") or kind), match.group(1)
    return str(row.get("kind") or "other"), ""


def read_document(path: Path, texts: Path | None) -> tuple[str, list | None]:
    """Return a resume's text and line model: a dump's text alone, else the isolated reader's."""
    if texts is not None:
        return (texts / f"{path.stem}.txt").read_text(encoding="utf-8"), None
    from resume.extract import extract_document

    got = extract_document(path, path.suffix.lstrip(".").lower())
    return got.text, got.lines


def _head(text: str, width: int = 110) -> str:
    flat = " | ".join(line.strip() for line in text.splitlines() if line.strip())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main() -> int:
    """Run every question of DIR through the search pipeline and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--texts", type=Path, default=None, help="read NNN.txt dumps instead")
    ap.add_argument("--only", default="", help="comma-separated resume ids")
    ap.add_argument("--quiet", action="store_true", help="do not list the misses")
    args = ap.parse_args()
    questions = [
        json.loads(line)
        for line in (args.dir / "search.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    by_id: dict[str, list[dict]] = defaultdict(list)
    for row in questions:
        if not only or row["id"] in only:
            by_id[row["id"]].append(row)
    out = args.out or ROOT / "bench" / "out" / "search" / f"{args.dir.name}.hits.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = IndexStore(Path(tmp))
        for user, rid in enumerate(sorted(by_id), start=1):
            path = next(
                (
                    args.dir / f"{rid}.{ext}"
                    for ext in ("pdf", "docx")
                    if (args.dir / f"{rid}.{ext}").is_file()
                ),
                None,
            )
            if path is None:
                print(f"{rid}: no resume file", file=sys.stderr)
                continue
            text, lines = read_document(path, args.texts)
            parsed = parse_resume(text.replace("\x00", ""), layout=lines)
            chunks = chunk_sections(
                [(s.name, s.text) for s in parsed.sections], embeddings.count_tokens
            )
            ids = list(range(1, len(chunks) + 1))
            texts = {i: c.text for i, c in zip(ids, chunks, strict=True)}
            if chunks:
                store.write(user, ids, embeddings.embed([c.text for c in chunks]))
            printed = squash(text)
            for row in by_id[rid]:
                kind, subject = kind_of(row)
                hits = (
                    hybrid_search(store, user, row["q"], texts, TOP, embed=embeddings.embed)
                    if chunks
                    else []
                )
                results.append(
                    {
                        "id": rid,
                        "q": row["q"],
                        "expect": row["expect"],
                        "kind": kind,
                        # Answerable: the file prints both the answer and what is asked about.
                        "answerable": squash(row["expect"]) in printed
                        and squash(subject) in printed,
                        "chunks": len(chunks),
                        "hits": [texts[i] for i, _ in hits],
                    }
                )
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8"
    )
    cmd = [sys.executable, str(RANKER), "search", str(out)]
    print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout, end="")
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    misses = []
    for r in results:
        ok = any(squash(r["expect"]) in squash(h) for h in r["hits"][:TOP])
        for key in (r["kind"], "all"):
            t = tally[key]
            t[0] += ok
            t[1] += 1
            t[2] += ok and r["answerable"]
            t[3] += r["answerable"]
        if not ok:
            misses.append(r)
    for key in sorted(tally, key=lambda k: (k == "all", k)):
        ok, n, ok_a, n_a = tally[key]
        answerable = f"{ok_a}/{n_a} = {ok_a / n_a:.3f}" if n_a else "-"
        print(f"{key:8s} {ok}/{n} = {ok / n:.3f}   answerable {answerable}")
    if not args.quiet:
        for r in misses:
            flag = "" if r["answerable"] else "  [not in text]"
            print(f"\nMISS {r['id']} {r['q']!r} expect {r['expect']!r}{flag}")
            for h in r["hits"]:
                print(f"   - {_head(h)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
