"""Parse the layout corpus (bench/corpus) and score it per layout family with the shared scorer.

usage: python bench/eval_corpus.py [--dev DIR] [--manifest TSV] [--with-dev] [--rows] [--misses]
                                   [--in-process]
Extracts and parses every NNN.pdf|docx of DIR (default bench/corpus/set) exactly as
bench/eval_parse.py does, writes NNN.json to bench/out/parse-corpus/, then scores each family
of the manifest (bench/corpus/manifest.tsv: id, person, family, ...) with score.py's score().
Prints one row per family, the whole corpus, its dev people and its invented people, the dev set
with --with-dev (parsed in the same run), and the worst family per metric. --rows also prints
score.py's per-file rows, with the family; --misses prints, per file, the truth items missed and
the predicted items no truth item matches (such as a footer read as a project), for reading
failures by class.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_parse import DEFAULT_DEV, SCORER, read_document  # noqa: E402

from resume.parse import parse_resume  # noqa: E402

METRICS = [
    ("skills", "skills R"),
    ("skills_precision", "skills P"),
    ("skills_f1", "skills F1"),
    ("experience_within_1y", "exp ≤1y"),
    ("certifications", "certs"),
    ("projects", "projects"),
    ("internships", "intern"),
    ("education", "edu"),
    ("skill_junk_rate", "junk"),
]


def load_scorer():
    """Import the shared score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parse_dir(src: Path, out: Path, in_process: bool) -> None:
    """Parse every resume of src into out/NNN.json (the upload `data` shape)."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in src.iterdir() if p.suffix.lower() in (".pdf", ".docx")):
        text, lines = read_document(path, None, in_process)
        data = parse_resume(text, layout=lines).extracted()
        (out / f"{path.stem}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))


def score_subset(scorer, truth_dir: Path, pred_dir: Path, ids: list[str]):
    """Score only the given ids (symlinked truth files in a temp dir)."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in ids:
            (Path(tmp) / f"{i}.truth.json").symlink_to((truth_dir / f"{i}.truth.json").resolve())
        return scorer.score(Path(tmp), pred_dir)


def misses(scorer, truth_dir: Path, pred_dir: Path, id_: str) -> list[str]:
    """Return what one file's prediction missed and what it invented, one line per field."""
    truth = json.loads((truth_dir / f"{id_}.truth.json").read_text())
    pred = json.loads((pred_dir / f"{id_}.json").read_text())
    out = []
    for k in ("skills", "certifications", "projects", "internships", "education"):
        got = scorer.as_strings(pred.get(k))
        miss = [t for t in truth.get(k, []) if not any(scorer.similar(t, p) for p in got)]
        if k == "skills":
            known = truth["skills"] + truth.get("mentioned", [])
            extra = [p for p in got if not any(scorer.within(p, t) for t in known)]
        else:
            extra = [p for p in got if not any(scorer.similar(t, p) for t in truth.get(k, []))]
        if miss or extra:
            out.append(f"  {k}: missed {miss} | extra {extra}")
    today = scorer.dt.date.today()
    if truth.get("jobs"):
        # score.py's rule: right when within a year of the total with or without internships.
        want = [scorer.years_of(truth["jobs"], today, skip) for skip in (False, True)]
        got = pred.get("experience_years")
        if not (isinstance(got, (int, float)) and min(abs(got - w) for w in want) <= 1.0):
            out.append(f"  experience: {got} vs {want[0]:.1f} (without internships {want[1]:.1f})")
    return out


def fmt(v) -> str:
    """Return a metric cell."""
    return "n/a" if v is None else f"{v:.2f}"


def main() -> None:
    """Score the corpus per family."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", type=Path, default=ROOT / "bench" / "corpus" / "set")
    ap.add_argument("--manifest", type=Path, default=ROOT / "bench" / "corpus" / "manifest.tsv")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "parse-corpus")
    ap.add_argument("--with-dev", action="store_true", help="also parse and score the dev set")
    ap.add_argument("--rows", action="store_true", help="print per-file rows")
    ap.add_argument("--misses", action="store_true", help="print each file's misses and extras")
    ap.add_argument("--in-process", action="store_true", help="extract without a child process")
    args = ap.parse_args()
    scorer = load_scorer()
    parse_dir(args.dev, args.out, args.in_process)
    fams: dict[str, list[str]] = {}
    people: dict[str, list[str]] = {}
    for line in args.manifest.read_text().splitlines():
        if line and not line.startswith("#"):
            id_, person, fam = line.split("\t")[:3]
            if (args.dev / f"{id_}.truth.json").exists():
                fams.setdefault(fam, []).append(id_)
                kind = "dev people re-rendered" if person.startswith("d") else "invented people"
                people.setdefault(kind, []).append(id_)
    table = []
    for fam, ids in sorted(fams.items()):
        res, rows = score_subset(scorer, args.dev, args.out, ids)
        table.append((fam, len(ids), res))
        if args.rows:
            for r in rows:
                print(fam, r)
        if args.misses:
            for i in ids:
                lines = misses(scorer, args.dev, args.out, i)
                print(f"{fam} {i}" + "".join("\n" + x for x in lines) if lines else f"{fam} {i} ok")
    every = [i for ids in fams.values() for i in ids]
    table.append(("corpus (all)", len(every), score_subset(scorer, args.dev, args.out, every)[0]))
    for kind, ids in sorted(people.items()):
        table.append((kind, len(ids), score_subset(scorer, args.dev, args.out, ids)[0]))
    if args.with_dev:
        dev_out = args.out.parent / "parse-corpus-dev"
        parse_dir(DEFAULT_DEV, dev_out, args.in_process)
        table.append(("dev set", None, scorer.score(DEFAULT_DEV, dev_out)[0]))
    print("| family | files | " + " | ".join(name for _, name in METRICS) + " |")
    print("|---|---|" + "---|" * len(METRICS))
    for fam, n, res in table:
        print(
            f"| {fam} | {n or res['resumes_scored']} | "
            + " | ".join(fmt(res[k]) for k, _ in METRICS)
            + " |"
        )
    worst = []
    per_fam = [(f, r) for f, _, r in table if f in fams]
    for k, _ in METRICS:
        vals = [(r[k], f) for f, r in per_fam if r[k] is not None]
        if vals:
            v, f = max(vals) if k == "skill_junk_rate" else min(vals)
            worst.append(f"{fmt(v)} ({f})")
        else:
            worst.append("n/a")
    print("| worst family | | " + " | ".join(worst) + " |")

    # The family that is worst overall: lowest mean of the recall-like metrics it has.
    def mean(r):
        vals = [r[k] for k, _ in METRICS[:-1] if k != "skills_f1" and r[k] is not None]
        return sum(vals) / len(vals)

    f, r = min(per_fam, key=lambda fr: mean(fr[1]))
    print(f"\nworst family overall: {f} (mean of the metrics {mean(r):.2f})")


if __name__ == "__main__":
    main()
