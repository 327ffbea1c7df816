"""Choose the mastery moving average's alpha by how well it predicts a learner's next score.

The dev answers hold each student's answers to an assignment's questions in the same row
order, so each student gives a short sequence of human grades (scaled to 0-1). For each
alpha, the level before a question (the moving average of the earlier grades) predicts the
grade on it; the alpha with the lowest mean squared error is the one shipped.

    python -m bench.eval_mastery [--csv PATH]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from interview.mastery import ALPHA, moving_average

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "answers" / "dev.csv"


def sequences(rows: list[dict]) -> list[list[float]]:
    """Group grades into per-student sequences: the k-th answer of each assignment's questions."""
    by_question: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        by_question[row["id"]].append(float(row["score_avg"]) / 5)
    by_student: dict[tuple[str, int], list[float]] = defaultdict(list)
    for qid in sorted(by_question, key=lambda q: tuple(int(p) for p in q.split("."))):
        for k, grade in enumerate(by_question[qid]):
            by_student[(qid.split(".")[0], k)].append(grade)
    return list(by_student.values())


def prediction_error(seqs: list[list[float]], alpha: float) -> float:
    """Return the mean squared error of the level before each attempt as its prediction."""
    errors = []
    for seq in seqs:
        level = None
        for grade in seq:
            if level is not None:
                errors.append((level - grade) ** 2)
            level = moving_average(level, grade, alpha)
    return sum(errors) / len(errors)


def main(argv: list[str] | None = None) -> None:
    """Print the prediction error for a range of alphas and mark the shipped one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    args = parser.parse_args(argv)
    with args.csv.open(newline="", encoding="utf-8") as fh:
        seqs = sequences(list(csv.DictReader(fh)))
    results = {a / 20: prediction_error(seqs, a / 20) for a in range(1, 20)}
    best = min(results, key=results.get)
    for alpha, mse in results.items():
        marks = (" best" if alpha == best else "") + (" shipped" if alpha == ALPHA else "")
        print(f"alpha {alpha:.2f}: next-score mse {mse:.4f}{marks}")
    print(f"{len(seqs)} sequences")


if __name__ == "__main__":
    main()
