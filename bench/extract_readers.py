"""Compare the two PDF readers side by side in one run: pdfplumber (pdfminer) and PDFium.

For every PDF of a directory (default the dev set), each round extracts it in the calling process
with each reader in turn (order rotated per round), through the same word, line and column rules
(resume._extract_pdf.read_pdf, then the worker's normalisation). Reported: per file the best time
of each reader and whether the texts are identical; overall the median per file and the median
of the per-file ratios (PDFium time / pdfplumber time).

Usage: .venv/bin/python bench/extract_readers.py [--rounds 3] [--dir DIR] [--diff]
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resume import _extract_pdf  # noqa: E402
from resume.extract import extract_text_in_process  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
READERS = ("pdfplumber", "pdfium")


def _run(reader: str, path: Path) -> tuple[float, str]:
    """Extract one PDF with one reader; return the wall time in seconds and the text."""
    _extract_pdf.PDF_READER = reader
    start = time.perf_counter()
    text = extract_text_in_process(path, "pdf")
    return time.perf_counter() - start, text


def main() -> int:
    """Run the comparison and print a table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dir", default=str(DEFAULT_DEV))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--diff", action="store_true", help="print the lines that differ")
    args = ap.parse_args()
    files = sorted(Path(args.dir).glob("*.pdf"))
    if not files:
        print(f"no PDFs in {args.dir}")
        return 1
    for reader in READERS:  # warm imports and caches
        _run(reader, files[0])
    best: dict[tuple[str, str], float] = {}
    texts: dict[tuple[str, str], str] = {}
    for r in range(args.rounds):
        for path in files:
            order = READERS[r % 2 :] + READERS[: r % 2]
            for reader in order:
                took, text = _run(reader, path)
                key = (path.name, reader)
                best[key] = min(best.get(key, took), took)
                texts[key] = text
    print(f"{len(files)} PDFs in {args.dir}, best of {args.rounds} rounds, in-process")
    print(f"{'file':10} {'pdfplumber ms':>14} {'pdfium ms':>10} {'ratio':>6}  same text")
    ratios = []
    same = 0
    for path in files:
        a, b = best[(path.name, "pdfplumber")], best[(path.name, "pdfium")]
        ta, tb = texts[(path.name, "pdfplumber")], texts[(path.name, "pdfium")]
        ratios.append(b / a)
        same += ta == tb
        print(f"{path.name:10} {1000 * a:>14.1f} {1000 * b:>10.1f} {b / a:>6.2f}  {ta == tb}")
        if args.diff and ta != tb:
            for line in difflib.unified_diff(ta.splitlines(), tb.splitlines(), lineterm="", n=0):
                print("    " + line)
    med = {r: statistics.median(best[(p.name, r)] for p in files) for r in READERS}
    print(
        f"median ms: pdfplumber {1000 * med['pdfplumber']:.1f}, pdfium {1000 * med['pdfium']:.1f};"
        f" median ratio pdfium/pdfplumber {statistics.median(ratios):.2f};"
        f" identical texts {same}/{len(files)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
