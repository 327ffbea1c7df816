"""Measure the answer scorer on human-graded short answers (Mohler et al., ACL 2011).

Each question is posed as a custom question (its desired answer is the reference, the key
concepts are derived from it) and every student answer is scored in-process. Writes one
{"row", "score"} line per answer and prints ../shared/eval/grade.py's figures.

    python -m bench.eval_answers [--csv PATH] [--out PRED.jsonl] [--cv]

--cv chooses the blend's weights on assignments 1-2 and reports on 3-4, and the other way
round: the pooled figure is the scorer's accuracy on questions it was not tuned on.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import itertools
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

from interview import scoring
from interview.errors import InvalidAnswerError

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_CSV = EVAL / "answers" / "dev.csv"
GRADE = EVAL / "grade.py"

# The grid the cross-validation searches; the shipped scoring.WEIGHTS lie inside it.
GRID = {
    "semantic": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
    "cos_low": [0.0, 0.1, 0.2, 0.3],
    "cos_high": [0.7, 0.8, 0.9, 1.0],
    "coverage_full": [0.5, 0.6, 0.7, 0.8, 1.0],
}


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def features(rows: list[dict]) -> list[scoring.Features | None]:
    """Measure every answer once; None marks an answer the API would refuse (empty)."""
    from rag.embeddings import embed

    out: list[scoring.Features | None] = []
    for row in rows:
        try:
            out.append(
                scoring.answer_features(
                    row["question"], row["desired_answer"], row["student_answer"], embed=embed
                )
            )
        except InvalidAnswerError:
            out.append(None)
    return out


def scores(feats: list[scoring.Features | None], weights: scoring.Weights) -> np.ndarray:
    """Blend every measured answer under weights; a refused answer scores 0."""
    return np.array([scoring.blend(f, weights)["score"] if f else 0.0 for f in feats])


def _best(feats, grades, mask) -> scoring.Weights:
    chosen = [f for f, m in zip(feats, mask, strict=True) if m]
    best, best_r = scoring.WEIGHTS, -2.0
    for values in itertools.product(*GRID.values()):
        w = dataclasses.replace(scoring.WEIGHTS, **dict(zip(GRID, values, strict=True)))
        if w.cos_high <= w.cos_low:
            continue
        r = _pearson(scores(chosen, w), grades[mask])
        if r > best_r:
            best, best_r = w, r
    return best


def cross_validate(rows: list[dict], feats, grades: np.ndarray) -> None:
    """Fit the blend on two assignments, report on the other two, both ways; print figures."""
    assignment = np.array([int(r["id"].split(".")[0]) for r in rows])
    pooled = np.zeros(len(rows))
    for held in ((3, 4), (1, 2)):
        test = np.isin(assignment, held)
        w = _best(feats, grades, ~test)
        pooled[test] = scores([f for f, m in zip(feats, test, strict=True) if m], w)
        fitted = {k: getattr(w, k) for k in GRID}
        print(
            f"held-out assignments {held}: weights fitted on the others {fitted}; "
            f"r on held-out = {_pearson(pooled[test], grades[test]):.3f}"
        )
    print(f"cross-validated pearson r (pooled held-out scores) = {_pearson(pooled, grades):.3f}")


def main(argv: list[str] | None = None) -> None:
    """Score every dev answer, write the predictions and print the grade.py figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--out", type=Path, default=ROOT / "instance" / "eval_answers.jsonl")
    parser.add_argument("--cv", action="store_true", help="also cross-validate the weights")
    parser.add_argument("--features", type=Path, help="reuse (or write) measured features here")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        sys.exit(f"{args.csv} not found")
    with args.csv.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    grades = np.array([float(r["score_avg"]) for r in rows])
    if args.features and args.features.exists():
        feats = pickle.loads(args.features.read_bytes())
    else:
        feats = features(rows)
        if args.features:
            args.features.write_bytes(pickle.dumps(feats))
    refused = sum(f is None for f in feats)
    predicted = scores(feats, scoring.WEIGHTS)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for i, value in enumerate(predicted):
            fh.write(json.dumps({"row": i, "score": round(float(value), 4)}) + "\n")
    print(f"shipped weights {scoring.WEIGHTS}; {refused} empty answers scored 0")
    subprocess.run([sys.executable, str(GRADE), str(args.csv), str(args.out)], check=True)
    if args.cv:
        cross_validate(rows, feats, grades)


if __name__ == "__main__":
    main()
