"""Parse every dev-set resume and score the result with the shared scorer.

usage: python bench/eval_parse.py [DEV_DIR] [--out DIR] [--texts DIR] [--in-process]
DEV_DIR (also accepted as --dev DIR) is any directory of NNN.pdf|docx with NNN.truth.json, such
as the proxy held-out set bench/heldout/render.sh writes to bench/out/heldout.
Extracts text with resume.extract.extract_text (the service's isolated reader; --in-process
skips the child process), parses it with
resume.parse.parse_resume, writes NNN.json in the `data` shape to bench/out/parse/,
then runs score.py TRUTH PRED --rows and prints its report.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resume.parse import parse_resume  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def read_text(path: Path, texts: Path | None, in_process: bool) -> str:
    """Return a resume's text: from a dump directory if given, else extracted from the file."""
    return read_document(path, texts, in_process)[0]


def read_document(path: Path, texts: Path | None, in_process: bool) -> tuple[str, list | None]:
    """Return a resume's text and line model (None for a text dump), as the service reads it."""
    if texts is not None:
        return (texts / f"{path.stem}.txt").read_text(encoding="utf-8"), None
    from resume.extract import extract_document, extract_document_in_process

    kind = path.suffix.lstrip(".").lower()
    got = extract_document_in_process(path, kind) if in_process else extract_document(path, kind)
    return got.text, got.lines


def main() -> None:
    """Parse and score the dev set."""
    ap = argparse.ArgumentParser()
    ap.add_argument("dev", nargs="?", type=Path, default=None)
    ap.add_argument("--dev", dest="dev_opt", type=Path, default=None, help="same as DEV_DIR")
    ap.add_argument("--out", type=Path, default=None, help="default bench/out/parse[-NAME]")
    ap.add_argument("--texts", type=Path, default=None, help="read NNN.txt dumps instead")
    ap.add_argument("--in-process", action="store_true", help="extract without a child process")
    args = ap.parse_args()
    args.dev = args.dev or args.dev_opt or DEFAULT_DEV
    if args.out is None:
        # A separate prediction dir per set, so scoring one set never reads the other's files.
        suffix = "" if args.dev.resolve() == DEFAULT_DEV.resolve() else f"-{args.dev.name}"
        args.out = ROOT / "bench" / "out" / f"parse{suffix}"
    args.out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in args.dev.iterdir() if p.suffix.lower() in (".pdf", ".docx"))
    for path in files:
        text, lines = read_document(path, args.texts, args.in_process)
        parsed = parse_resume(text, layout=lines)
        data = parsed.extracted()
        (args.out / f"{path.stem}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))
    cmd = [sys.executable, str(SCORER), str(args.dev), str(args.out), "--rows"]
    print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout, end="")


if __name__ == "__main__":
    main()
