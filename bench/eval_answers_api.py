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

import numpy as np

from interview import scoring
from interview import text as tx

USER = {
    "username": "evalanswers",
    "email": "evalanswers@example.com",
    "password": "eval-answers-pw",
}


def _rows(csv_path: Path) -> list[dict]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def warm(rows: list[dict], cache_file: Path | None = None) -> float:
    """Embed every answer, reference and answer word in large batches before the requests.

    Only a speed-up: the API's scorer would embed the same texts one answer at a time. The
    vectors are kept in cache_file, so a second run embeds nothing; the file names the embedder
    it was made with, and another embedder's file is ignored.
    """
    from rag import embeddings
    from rag.embeddings import embed
    from rag.export_onnx import RECIPE

    # Backend and export recipe: an fp32 file must not stand in for int8 vectors, or the other
    # way round (it once did, and reported fp32's r for int8).
    identity = f"{embeddings.model_name()} recipe {RECIPE}"

    started = time.perf_counter()
    texts: dict[str, None] = {}
    for row in rows:
        for value in (row["desired_answer"], row["student_answer"]):
            texts[value.strip()] = None
            for word in tx.content_tokens(value):
                texts[word] = None
    wanted = [t for t in texts if t]
    stored: dict[str, np.ndarray] = {}
    if cache_file is not None and cache_file.exists():
        with np.load(cache_file, allow_pickle=False) as data:
            if "embedder" in data and str(data["embedder"]) == identity:
                stored = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    todo = [t for t in wanted if t not in stored]
    if todo:
        stored.update(zip(todo, embed(todo), strict=True))
        if cache_file is not None:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            keys = list(stored)
            np.savez(
                cache_file,
                embedder=np.array(identity),
                texts=np.array(keys),
                vectors=np.stack([stored[k] for k in keys]),
            )
    scoring.prime_cache({t: stored[t] for t in wanted}, embed)
    return time.perf_counter() - started


def _login(client) -> dict[str, str]:
    login = {"username": USER["username"], "password": USER["password"]}
    response = client.post("/api/login", json=login)
    if response.status_code != 200:
        client.post("/api/register", json=USER)
        response = client.post("/api/login", json=login)
    return {"Authorization": f"Bearer {response.get_json()['access_token']}"}


def score_through_api(
    client, csv_path: Path, out_path: Path, cache_file: Path | None = None
) -> dict:
    """Pose each question, answer each student answer through the API; write the predictions."""
    rows = _rows(csv_path)
    warm_seconds = warm(rows, cache_file)
    headers = _login(client)
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
            body = {"question_id": ids[key], "answer": row["student_answer"]}
            response = client.post("/api/interview/answer", headers=headers, json=body)
            if response.status_code == 401:
                # A slow machine can outlive the access token: log in again.
                headers = _login(client)
                response = client.post("/api/interview/answer", headers=headers, json=body)
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
