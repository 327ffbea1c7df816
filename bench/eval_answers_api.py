"""Score the human-graded answers through the API: custom questions, then one answer each.

Each dev.csv question is posed with POST /api/interview/questions (its desired answer is the
reference answer, the key concepts are derived from it), and every student answer is sent to
POST /api/interview/answer. An answer the API refuses (empty: 422) scores 0, as it would for a
person. Writes {"row", "score"} lines for ../shared/eval/grade.py.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

from interview import scoring
from interview import text as tx


def _rows(csv_path: Path) -> list[dict]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def warm(rows: list[dict]) -> float:
    """Embed every answer, reference and answer word in large batches before the requests."""
    from rag.embeddings import embed

    # Only a speed-up: the API's scorer embeds the same texts one answer at a time otherwise.
    started = time.perf_counter()
    texts: dict[str, None] = {}
    for row in rows:
        for value in (row["desired_answer"], row["student_answer"]):
            texts[value.strip()] = None
            for word in tx.content_tokens(value):
                texts[word] = None
    scoring.warm_cache([t for t in texts if t], embed)
    return time.perf_counter() - started


def score_through_api(client, headers: dict, csv_path: Path, out_path: Path) -> dict:
    """Pose each question, answer each student answer through the API; write the predictions."""
    rows = _rows(csv_path)
    warm_seconds = warm(rows)
    started = time.perf_counter()
    ids: dict[tuple[str, str], str] = {}
    refused = 0
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as out:
        for i, row in enumerate(rows):
            key = (row["question"], row["desired_answer"])
            if key not in ids:
                created = client.post(
                    "/api/interview/questions",
                    headers=headers,
                    json={"question": key[0], "reference_answer": key[1]},
                )
                if created.status_code != 201:
                    raise RuntimeError(f"question {row['id']}: {created.get_json()}")
                ids[key] = created.get_json()["question"]["id"]
            response = client.post(
                "/api/interview/answer",
                headers=headers,
                json={"question_id": ids[key], "answer": row["student_answer"]},
            )
            if response.status_code == 200:
                value = response.get_json()["result"]["score"]
            elif response.status_code == 422:
                refused += 1
                value = 0.0
            else:
                raise RuntimeError(f"row {i}: {response.status_code} {response.get_json()}")
            out.write(json.dumps({"row": i, "score": value}) + "\n")
    return {
        "answers": len(rows),
        "questions": len(ids),
        "refused": refused,
        "warm_seconds": round(warm_seconds, 1),
        "api_seconds": round(time.perf_counter() - started, 1),
    }
