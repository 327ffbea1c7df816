"""Write the extracted text of every dev resume to OUT_DIR/NNN.txt.

Usage: .venv/bin/python bench/dump_texts.py [OUT_DIR] [--dev DEV_DIR] [--in-process]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resume.errors import ResumeError  # noqa: E402
from resume.extract import extract_text, extract_text_in_process  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


def main() -> int:
    """Extract every dev PDF/DOCX and write NNN.txt files; print one status line per file."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out_dir", nargs="?", default=str(ROOT / "bench" / "out" / "texts"))
    ap.add_argument("--dev", default=str(DEFAULT_DEV))
    ap.add_argument("--in-process", action="store_true", help="skip the isolated child")
    args = ap.parse_args()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in Path(args.dev).iterdir() if p.suffix in (".pdf", ".docx"))
    failures = 0
    for path in files:
        kind = path.suffix[1:]
        try:
            if args.in_process:
                text = extract_text_in_process(path, kind)
            else:
                text = extract_text(path, kind)
        except ResumeError as exc:
            failures += 1
            print(f"{path.name}: ERROR {exc.status} {exc.message}")
            continue
        (out / f"{path.stem}.txt").write_text(text + "\n", encoding="utf-8")
        print(f"{path.name}: {len(text)} chars")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
