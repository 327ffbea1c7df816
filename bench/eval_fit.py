"""Measure job-fit ranking and resume search on the dev set with the real model and FAISS.

Usage: .venv/bin/python bench/eval_fit.py [--dev DEV_DIR] [--jobs DIR ...] [--out OUT_DIR]
       [--variants] [--robust] [--cache FILE] [--no-search]

Scores the dev resumes that have a role against each --jobs directory (NN.txt plus a jobs.tsv
of id, role_family, title, years_required; default the dev jobs) and writes, in the shape
rank.py reads, OUT_DIR/fit.json for one directory, or OUT_DIR/fit_<dir>.json per directory and
OUT_DIR/fit_all.json for all of them together; then runs `rank.py fit` on each. Also writes
OUT_DIR/search.jsonl and runs `rank.py search` unless --no-search.
--variants adds other semantic poolings side by side. --robust repeats the fit ranking with
occupation profiles left out: for each job, the profiles closest to its family's jobs, and a
random quarter of them (several seeds), to show whether the ranking rests on a lucky list.
--cache keeps extracted and embedded resumes in FILE between runs (delete it when the parser
changes).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
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
from rag.embeddings import (  # noqa: E402
    chunk_texts,
    count_tokens,
    embed,
    embed_texts,
    pooled,
)
from rag.search import hybrid_search  # noqa: E402
from rag.store import IndexStore  # noqa: E402
from resume import fit  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
# Leave-out check: profiles removed per job family, and seeds for the random quarter.
FAMILY_LEAVE_OUT = 3
RANDOM_SEEDS = (0, 1, 2, 3, 4)
RANDOM_SHARE = 0.25


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


def _rank_module(dev: Path):
    """Load the shared rank.py, so in-process figures use exactly its AUC and family rules."""
    spec = importlib.util.spec_from_file_location("rank", dev.parent / "rank.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _variants(resume_vecs: np.ndarray, jd_vecs: np.ndarray) -> dict[str, float]:
    """The semantic score's parts and other chunk poolings, for side-by-side comparison."""
    sims = jd_vecs @ resume_vecs.T
    occupations = fit.occupation_vectors(embed_texts)
    resume_vec, jd_vec = pooled(resume_vecs), pooled(jd_vecs)
    return {
        "v_direct_mean_pool": fit.semantic_similarity(resume_vec, jd_vec),
        "v_occupation": fit.occupation_agreement(resume_vec, jd_vec, occupations),
        "v_jd_chunk_max": float(sims.max(axis=1).mean()),
        "v_sym_chunk_max": float((sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2),
    }


def load_jobs(directory: Path, prefix: str) -> dict[str, dict]:
    """Read a jobs directory (jobs.tsv + NN.txt) and embed each text as the service does."""
    jobs = {}
    for row in (directory / "jobs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 2:
            continue
        text = (directory / f"{cols[0]}.txt").read_text(encoding="utf-8")
        stated = cols[3].strip() if len(cols) > 3 else ""
        jobs[prefix + cols[0]] = {
            "family": cols[1],
            "text": text,
            "years": int(stated) if stated.isdigit() else None,
            "vectors": embed(chunk_texts(text)),
        }
    return jobs


def load_resumes(dev: Path, cache: Path | None, wanted: set[str]) -> dict[str, dict]:
    """Extract, parse and embed the dev resumes that have a role or search queries."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    resumes = {}
    for path in sorted(p for p in dev.iterdir() if p.suffix in (".pdf", ".docx")):
        rid = path.stem
        truth = json.loads((dev / f"{rid}.truth.json").read_text(encoding="utf-8"))
        role = truth.get("role")
        if not role and rid not in wanted:
            continue
        text = _extract(path)
        sections, skills, years = _sections(text)
        chunks = [c.text for c in chunk_sections(sections, count_tokens)]
        resumes[rid] = {
            "role": role,
            "text": text,
            "skills": skills,
            "years": years,
            "chunks": chunks,
            "vectors": embed(chunks),
        }
    if cache is not None:
        cache.write_bytes(pickle.dumps(resumes))
    return resumes


def fit_table(
    resumes: dict[str, dict],
    jobs: dict[str, dict],
    find_skills: Callable[[str], list[str]],
    variants: bool = False,
) -> dict[str, dict]:
    """Score every resume with a role against every job, in rank.py's FIT_JSON shape."""
    table: dict[str, dict] = {}
    for rid, resume in resumes.items():
        if not resume["role"]:
            continue
        scores = {}
        for job_id, job in jobs.items():
            result = fit.analyze_fit(
                resume_text=resume["text"],
                resume_skills=resume["skills"],
                candidate_years=resume["years"],
                jd_text=job["text"],
                embed=embed_texts,
                find_skills=find_skills,
                resume_vector=pooled(resume["vectors"]),
                jd_vector=pooled(job["vectors"]),
            )
            row = {"family": job["family"]}
            row.update({k: result[k] for k in fit.SCORE_KEYS})
            # Kept for the leave-out check, which recomputes the blend; stripped before writing
            # because rank.py would read any extra key as a score.
            row["_parts"] = (
                result["keyword_score"],
                result["required_years"],
                bool(result["matching_skills"] or result["missing_skills"]),
            )
            if variants:
                row.update(_variants(resume["vectors"], job["vectors"]))
            scores[job_id] = row
        table[rid] = {"role": resume["role"], "scores": scores}
    return table


def _public(table: dict[str, dict]) -> dict[str, dict]:
    return {
        rid: {
            "role": r["role"],
            "scores": {
                j: {k: v for k, v in s.items() if k != "_parts"} for j, s in r["scores"].items()
            },
        }
        for rid, r in table.items()
    }


def mean_auc(rank, table: dict[str, dict], name: str) -> float:
    """Return rank.py's AUC of one score, averaged over resumes with a role."""
    values = list(per_resume_auc(rank, table, name).values())
    return sum(values) / len(values) if values else float("nan")


def per_resume_auc(rank, table: dict[str, dict], name: str) -> dict[str, float]:
    """Return rank.py's AUC of one score for each resume with a role."""
    values = {}
    for rid, r in table.items():
        role = r["role"]
        pos = [s[name] for s in r["scores"].values() if s["family"] == role]
        neg = [
            s[name]
            for s in r["scores"].values()
            if s["family"] != role and frozenset((s["family"], role)) not in rank.RELATED
        ]
        a = rank.auc(pos, neg)
        if a is not None:
            values[rid] = a
    return values


def rescored(
    table: dict[str, dict],
    resumes: dict[str, dict],
    jobs: dict[str, dict],
    occupations_for: Callable[[str], np.ndarray],
) -> dict[str, dict]:
    """Recompute semantic and overall scores with another occupation list per job."""
    out: dict[str, dict] = {}
    for rid, r in table.items():
        scores = {}
        vectors = resumes[rid]["vectors"]
        for job_id, s in r["scores"].items():
            keyword, minimum, has_skills = s["_parts"]
            semantic = fit.semantic_score(
                pooled(vectors), pooled(jobs[job_id]["vectors"]), occupations_for(job_id)
            )
            overall = fit.blend(semantic, keyword, resumes[rid]["years"], minimum, has_skills)
            scores[job_id] = {
                "family": s["family"],
                "semantic_score": semantic,
                "overall_score": overall,
            }
        out[rid] = {"role": r["role"], "scores": scores}
    return out


def robustness(rank, table, resumes, jobs) -> None:
    """Print AUCs with family-nearest profiles left out, and with random quarters left out."""
    occupations = fit.occupation_vectors(embed_texts)
    n = len(occupations)
    families = sorted({j["family"] for j in jobs.values()})
    nearest: dict[str, np.ndarray] = {}
    for family in families:
        centre = pooled(
            np.stack([pooled(j["vectors"]) for j in jobs.values() if j["family"] == family])
        )
        order = np.argsort(-(occupations @ centre))
        nearest[family] = order[:FAMILY_LEAVE_OUT]
        names = ", ".join(fit.OCCUPATIONS[i].split(".")[0] for i in nearest[family])
        print(f"  {family}: leaves out {names}")
    keep = {f: np.setdiff1d(np.arange(n), idx) for f, idx in nearest.items()}
    left = rescored(table, resumes, jobs, lambda j: occupations[keep[jobs[j]["family"]]])
    base = {k: mean_auc(rank, table, k) for k in ("semantic_score", "overall_score")}
    print(
        f"  full list: semantic {base['semantic_score']:.3f}, overall {base['overall_score']:.3f}"
    )
    # With a handful of resumes one hard one moves the mean by several hundredths: show them.
    for name in ("semantic_score", "overall_score"):
        each = per_resume_auc(rank, table, name)
        print(f"  {name} per resume: " + " ".join(f"{k} {v:.2f}" for k, v in sorted(each.items())))
    sem_left = mean_auc(rank, left, "semantic_score")
    ovr_left = mean_auc(rank, left, "overall_score")
    print(
        f"  family-nearest {FAMILY_LEAVE_OUT} left out: semantic {sem_left:.3f}, "
        f"overall {ovr_left:.3f}"
    )
    sem, ovr = [], []
    for seed in RANDOM_SEEDS:
        rng = np.random.default_rng(seed)
        kept = np.sort(rng.choice(n, size=n - round(n * RANDOM_SHARE), replace=False))
        table_r = rescored(table, resumes, jobs, lambda j, kept=kept: occupations[kept])
        sem.append(mean_auc(rank, table_r, "semantic_score"))
        ovr.append(mean_auc(rank, table_r, "overall_score"))
    print(
        f"  random {RANDOM_SHARE:.0%} left out, seeds {list(RANDOM_SEEDS)}: semantic "
        f"{' '.join(f'{a:.3f}' for a in sem)} (min {min(sem):.3f}); overall "
        f"{' '.join(f'{a:.3f}' for a in ovr)} (min {min(ovr):.3f})"
    )


def main() -> int:
    """Run the fit and search evaluations and print rank.py's figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev", default=str(DEFAULT_DEV))
    ap.add_argument("--jobs", action="append", help="a jobs directory; repeat for several")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "fit"))
    ap.add_argument("--variants", action="store_true")
    ap.add_argument("--robust", action="store_true")
    ap.add_argument("--cache", help="pickle file for extracted and embedded resumes")
    ap.add_argument("--no-search", action="store_true")
    args = ap.parse_args()
    dev = Path(args.dev)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    find_skills = _find_skills()
    rank = _rank_module(dev)
    rank_py = dev.parent / "rank.py"

    queries: dict[str, list[dict]] = {}
    search_path = dev / "search.jsonl"
    if search_path.exists() and not args.no_search:
        for line in search_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                queries.setdefault(row["id"], []).append(row)
    resumes = load_resumes(dev, Path(args.cache) if args.cache else None, set(queries))

    dirs = [Path(d) for d in (args.jobs or [str(dev / "jobs")])]
    sets: dict[str, dict[str, dict]] = {}
    for d in dirs:
        name = d.resolve().parent.name if d.name == "jobs" else d.name
        sets[name] = load_jobs(d, f"{name}:" if len(dirs) > 1 else "")
    if len(sets) > 1:
        sets["all"] = {k: v for jobs in list(sets.values()) for k, v in jobs.items()}

    for name, jobs in sets.items():
        table = fit_table(resumes, jobs, find_skills, args.variants)
        # One set keeps the old file name, which bench/README.md and habits refer to.
        fit_path = out / ("fit.json" if len(sets) == 1 else f"fit_{name}.json")
        fit_path.write_text(json.dumps(_public(table), indent=1), encoding="utf-8")
        print(f"$ python {rank_py} fit {fit_path}   # {len(jobs)} jobs", flush=True)
        subprocess.run([sys.executable, str(rank_py), "fit", str(fit_path)], check=True)
        if args.robust:
            robustness(rank, table, resumes, jobs)

    if queries:
        hits_out: list[dict] = []
        with tempfile.TemporaryDirectory() as tmp:
            store = IndexStore(tmp)
            for user, (rid, resume) in enumerate(sorted(resumes.items()), start=1):
                if rid not in queries:
                    continue
                store.write(user, list(range(len(resume["chunks"]))), resume["vectors"])
                texts = dict(enumerate(resume["chunks"]))
                for query in queries[rid]:
                    top = hybrid_search(store, user, query["q"], texts, 3, embed=embed)
                    hits_out.append({**query, "hits": [texts[i] for i, _ in top]})
        hits_path = out / "search.jsonl"
        hits_path.write_text("".join(json.dumps(h) + "\n" for h in hits_out), encoding="utf-8")
        print(f"$ python {rank_py} search {hits_path}", flush=True)
        subprocess.run([sys.executable, str(rank_py), "search", str(hits_path)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
