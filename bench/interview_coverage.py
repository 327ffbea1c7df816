"""Report how many of the skills job descriptions name have a question-bank topic.

Skills are extracted from ../shared/eval/dev/jobs/*.txt with the service's own job
description extraction (resume.fit.jd_skills_ranked); each is mapped to a topic through the
taxonomy and its aliases (interview.bank.topic_for_skill).

    python -m bench.interview_coverage [--jobs DIR] [--top N]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from interview.bank import load_bank, topic_for_skill
from resume.fit import jd_skills_ranked

DEFAULT_JOBS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "jobs"


def coverage(job_texts: list[str]) -> tuple[Counter, Counter]:
    """Count, over the jobs, how often each named skill occurs with and without a topic."""
    bank = load_bank()
    covered: Counter = Counter()
    missing: Counter = Counter()
    for text in job_texts:
        for name, _kind in jd_skills_ranked(text):
            (covered if topic_for_skill(name, bank) else missing)[name] += 1
    return covered, missing


def main(argv: list[str] | None = None) -> None:
    """Print the share of distinct skills and of skill mentions that have a topic."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=Path, default=DEFAULT_JOBS)
    parser.add_argument("--top", type=int, default=25, help="how many uncovered skills to list")
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.jobs.glob("*.txt"))]
    covered, missing = coverage(texts)
    distinct = len(covered) + len(missing)
    mentions = sum(covered.values()) + sum(missing.values())
    bank = load_bank()
    print(f"{len(texts)} job descriptions; bank: {len(bank.topics)} topics")
    print(
        f"distinct skills with a topic: {len(covered)}/{distinct} "
        f"({len(covered) / max(1, distinct):.0%}); "
        f"skill mentions (per job) with a topic: {sum(covered.values())}/{mentions} "
        f"({sum(covered.values()) / max(1, mentions):.0%})"
    )
    if missing:
        top = ", ".join(f"{name} ({n})" for name, n in missing.most_common(args.top))
        print(f"most frequent skills without a topic: {top}")


if __name__ == "__main__":
    main()
