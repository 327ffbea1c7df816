"""Measure job-fit ranking and resume search on the dev set with the real model and FAISS.

Usage: .venv/bin/python bench/eval_fit.py [--dev DEV_DIR] [--out OUT_DIR] [--variants]

Writes OUT_DIR/fit.json and OUT_DIR/search.jsonl in the shapes rank.py reads, then runs
`rank.py fit` and `rank.py search` on them and prints their figures. --variants adds other
semantic poolings to fit.json so they can be compared side by side.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rag.chunking import chunk_sections  # noqa: E402
from rag.embeddings import count_tokens, embed  # noqa: E402
from rag.search import hybrid_search  # noqa: E402
from rag.store import IndexStore  # noqa: E402
from resume import fit  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


def _extract(path: Path) -> str:
    """Read a resume with the project's extractor, or plainly while it is not there yet."""
    try:
        from resume.extract import extract_text_in_process
    except ImportError:
        extract_text_in_process = None
    if extract_text_in_process is not None:
        return extract_text_in_process(path, path.suffix[1:])
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _sections(text: str) -> tuple[list[tuple[str, str]], list[str], float]:
    """Return (sections, skills, experience years) from the parser, or one plain section."""
    try:
        from resume.parse import parse_resume
    except ImportError:
        return [("Resume", text)], _find_skills()(text), 0.0
    parsed = parse_resume(text)
    sections = [(s.name, s.text) for s in parsed.sections] or [("Resume", text)]
    years = getattr(parsed, "experience_years_exact", None) or parsed.experience_years or 0.0
    return sections, list(parsed.skills), float(years)


def _placeholder_find_skills(taxonomy: Path) -> Callable[[str], list[str]]:
    """Match taxonomy names whole-word, most frequent first (stand-in until resume.skills lands)."""
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for line in taxonomy.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("!"):
            continue
        names = [n.strip() for n in line.lstrip("~").split("|") if n.strip()]
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        patterns.append((names[0], re.compile(rf"(?<![\w+#]){alternatives}(?![\w+#])", re.I)))

    def find(text: str) -> list[str]:
        hits = []
        for name, pattern in patterns:
            found = list(pattern.finditer(text))
            if found:
                hits.append((-len(found), found[0].start(), name))
        return [name for _, _, name in sorted(hits)]

    return find


def _find_skills() -> Callable[[str], list[str]]:
    try:
        from resume.skills import find_skills
    except ImportError:
        return _placeholder_find_skills(ROOT / "resume" / "data" / "skills.txt")
    return find_skills


def _variants(resume_vecs: np.ndarray, jd_vecs: np.ndarray) -> dict[str, float]:
    """The semantic score's parts and other chunk poolings, for side-by-side comparison."""
    sims = jd_vecs @ resume_vecs.T
    occupations = fit._occupation_vectors(embed)
    return {
        "v_direct_mean_pool": fit.semantic_similarity(resume_vecs, jd_vecs),
        "v_occupation": fit.occupation_agreement(resume_vecs, jd_vecs, occupations),
        "v_jd_chunk_max": float(sims.max(axis=1).mean()),
        "v_sym_chunk_max": float((sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2),
    }


def main() -> int:
    """Run the fit and search evaluations and print rank.py's figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev", default=str(DEFAULT_DEV))
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "fit"))
    ap.add_argument("--variants", action="store_true")
    args = ap.parse_args()
    dev = Path(args.dev)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    find_skills = _find_skills()

    jobs = {}
    for row in (dev / "jobs" / "jobs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        jobs[cols[0]] = {"family": cols[1], "text": (dev / "jobs" / f"{cols[0]}.txt").read_text()}
    jd_vectors = {}
    for job_id, job in jobs.items():
        chunks = [c.text for c in chunk_sections([("", job["text"])], count_tokens)]
        jd_vectors[job_id] = embed(chunks)

    queries: dict[str, list[dict]] = {}
    search_path = dev / "search.jsonl"
    if search_path.exists():
        for line in search_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                queries.setdefault(row["id"], []).append(row)

    fit_out: dict[str, dict] = {}
    hits_out: list[dict] = []
    resumes = sorted(p for p in dev.iterdir() if p.suffix in (".pdf", ".docx"))
    with tempfile.TemporaryDirectory() as tmp:
        store = IndexStore(tmp)
        for user, path in enumerate(resumes, start=1):
            rid = path.stem
            truth = json.loads((dev / f"{rid}.truth.json").read_text(encoding="utf-8"))
            role = truth.get("role")
            if not role and rid not in queries:
                continue
            text = _extract(path)
            sections, skills, years = _sections(text)
            chunks = chunk_sections(sections, count_tokens)
            vectors = embed([c.text for c in chunks])

            if role:
                scores = {}
                for job_id, job in jobs.items():
                    result = fit.analyze_fit(
                        resume_text=text,
                        resume_skills=skills,
                        candidate_years=years,
                        jd_text=job["text"],
                        embed=embed,
                        find_skills=find_skills,
                        resume_vectors=vectors,
                    )
                    row = {"family": job["family"]}
                    row.update({k: result[k] for k in fit.SCORE_KEYS})
                    if args.variants:
                        row.update(_variants(vectors, jd_vectors[job_id]))
                    scores[job_id] = row
                fit_out[rid] = {"role": role, "scores": scores}

            if rid in queries:
                store.write(user, list(range(len(chunks))), vectors)
                texts = {i: c.text for i, c in enumerate(chunks)}
                for query in queries[rid]:
                    top = hybrid_search(store, user, query["q"], texts, 3, embed=embed)
                    hits_out.append({**query, "hits": [texts[i] for i, _ in top]})

    fit_path = out / "fit.json"
    fit_path.write_text(json.dumps(fit_out, indent=1), encoding="utf-8")
    hits_path = out / "search.jsonl"
    hits_path.write_text("".join(json.dumps(h) + "\n" for h in hits_out), encoding="utf-8")
    rank = dev.parent / "rank.py"
    for mode, file in (("fit", fit_path), ("search", hits_path)):
        print(f"$ python {rank} {mode} {file}", flush=True)
        subprocess.run([sys.executable, str(rank), mode, str(file)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
