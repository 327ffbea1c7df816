"""Evaluate the service through its API on the dev set: parsing, fit ranking and search.

usage: python -m bench.eval [--dev DIR] [--out DIR] [--only NNN,NNN] [--only-answers]

Every resume is uploaded by its own user through POST /api/upload_resume (the real
extraction, parsing, embedding and indexing path, on a throwaway SQLite database); the
`data` objects are scored with ../shared/eval/score.py. Each stored resume is then scored
against every job description through POST /api/resume/fit (rank.py fit), and the dev
questions are asked through GET /api/resume/search (rank.py search). Last, the human-graded
answers (../shared/eval/answers/dev.csv) are scored through POST /api/interview/questions and
POST /api/interview/answer (grade.py); --only-answers runs that part alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._app import throwaway_app
from bench.eval_answers_api import score_through_api

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


def _register(client, name: str) -> dict[str, str]:
    body = {"username": name, "email": f"{name}@example.com", "password": "evaluation-pass"}
    token = client.post("/api/register", json=body).get_json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _jobs(dev: Path) -> dict[str, dict]:
    with open(dev / "jobs" / "jobs.tsv", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {
        r["id"]: {"family": r["role_family"], "text": (dev / "jobs" / f"{r['id']}.txt").read_text()}
        for r in rows
    }


def main() -> int:
    """Run the evaluation and print the scorers' figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "eval")
    parser.add_argument("--only", default="", help="comma-separated resume ids")
    parser.add_argument("--only-answers", action="store_true", help="only the answer scoring")
    parser.add_argument("--answers", type=Path, default=None, help="graded answers CSV")
    args = parser.parse_args()
    if args.only_answers:
        return evaluate_answers(args)
    if not args.dev.is_dir():
        print(f"dev set not found at {args.dev}", file=sys.stderr)
        return 2
    pred_dir = args.out / "pred"
    pred_dir.mkdir(parents=True, exist_ok=True)
    for stale in pred_dir.glob("*.json"):
        stale.unlink()
    jobs = _jobs(args.dev)
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    resumes = sorted(
        p
        for p in args.dev.iterdir()
        if p.suffix in (".pdf", ".docx") and (not only or p.stem in only)
    )
    default_jd = next(iter(jobs.values()))["text"]

    with tempfile.TemporaryDirectory() as tmp:
        client = throwaway_app(Path(tmp)).test_client()
        headers: dict[str, dict] = {}
        timings = []
        for path in resumes:
            rid = path.stem
            truth = json.loads((args.dev / f"{rid}.truth.json").read_text())
            headers[rid] = _register(client, f"eval{rid}")
            # Upload against a job of the resume's own family when it has one.
            jd = next(
                (j["text"] for j in jobs.values() if j["family"] == truth.get("role")), default_jd
            )
            started = time.perf_counter()
            with open(path, "rb") as fh:
                response = client.post(
                    "/api/upload_resume",
                    headers=headers[rid],
                    data={"resume": (fh, path.name), "job_description": jd},
                    content_type="multipart/form-data",
                )
            timings.append(time.perf_counter() - started)
            body = response.get_json()
            if response.status_code != 200:
                print(f"{rid}: upload failed {response.status_code} {body}", file=sys.stderr)
                continue
            (pred_dir / f"{rid}.json").write_text(json.dumps(body["data"], indent=1))

        fit: dict[str, dict] = {}
        for path in resumes:
            rid = path.stem
            truth = json.loads((args.dev / f"{rid}.truth.json").read_text())
            if not truth.get("role") or not (pred_dir / f"{rid}.json").exists():
                continue
            scores = {}
            for jid, job in jobs.items():
                result = client.post(
                    "/api/resume/fit", headers=headers[rid], json={"job_description": job["text"]}
                ).get_json()["job_fit_analysis"]
                scores[jid] = {
                    "family": job["family"],
                    **{
                        k: result[k]
                        for k in ("semantic_score", "keyword_score", "overall_score")
                        if k in result
                    },
                }
            fit[rid] = {"role": truth["role"], "scores": scores}
        (args.out / "fit.json").write_text(json.dumps(fit, indent=1))

        hits_path = args.out / "search_hits.jsonl"
        with open(hits_path, "w") as out:
            for line in (args.dev / "search.jsonl").read_text().splitlines():
                if not line.strip():
                    continue
                query = json.loads(line)
                if query["id"] not in headers:
                    continue
                response = client.get(
                    "/api/resume/search",
                    headers=headers[query["id"]],
                    query_string={"q": query["q"], "k": 3},
                ).get_json()
                hits = [h["text"] for h in response.get("results", [])]
                out.write(json.dumps({**query, "hits": hits}) + "\n")

    scorer = args.dev.parent
    print(f"uploads: {len(timings)}, mean {sum(timings) / max(len(timings), 1):.2f} s per upload")
    print("== parsing (score.py)")
    subprocess.run(
        [sys.executable, str(scorer / "score.py"), str(args.dev), str(pred_dir)], check=True
    )
    print("== fit ranking (rank.py fit)")
    subprocess.run(
        [sys.executable, str(scorer / "rank.py"), "fit", str(args.out / "fit.json")], check=True
    )
    print("== search (rank.py search)")
    subprocess.run([sys.executable, str(scorer / "rank.py"), "search", str(hits_path)], check=True)
    return evaluate_answers(args)


def evaluate_answers(args: argparse.Namespace) -> int:
    """Score the human-graded answers through the answer API and print grade.py's figures."""
    scorer = args.dev.parent
    csv_path = args.answers or scorer / "answers" / "dev.csv"
    if not csv_path.exists():
        print(f"graded answers not found at {csv_path}", file=sys.stderr)
        return 2
    pred = args.out / "answers_pred.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        client = throwaway_app(Path(tmp)).test_client()
        cache = args.out / "answer_vectors.npz"
        stats = score_through_api(client, csv_path, pred, cache)
    print(f"== answer scoring through the API (grade.py): {stats}")
    subprocess.run([sys.executable, str(scorer / "grade.py"), str(csv_path), str(pred)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
