"""Job-fit scoring: skill overlap, semantic similarity and experience against a job description.

Reading the job description is resume/job_description.py's; embedding is the caller's: every
function that needs vectors takes an `embed` function (texts -> one unit vector per text),
so scoring is testable without the model.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from resume import skills
from resume.job_description import (
    BOILERPLATE,
    CORE,
    OPTIONAL,
    FindSkillsFn,
    jd_sections,
    jd_skills_ranked,
    required_years,
)

__all__ = [
    "BOILERPLATE",
    "CORE",
    "OPTIONAL",
    "OCCUPATIONS",
    "analyze_fit",
    "blend",
    "experience_fit",
    "jd_sections",
    "jd_skills_ranked",
    "required_years",
    "semantic_score",
]

EmbedFn = Callable[[list[str]], np.ndarray]

# Blend weights, measured on the dev set (bench/eval_fit.py): semantic similarity ranks jobs
# best (rank AUC 0.91 alone), a fifth of keyword overlap lifts it, and more dilutes it (0.3:
# 0.89). Years say nothing about the kind of job, so they get a small share: enough for a
# candidate far under the bar to lose a few points.
W_SEMANTIC = 0.7
W_KEYWORD = 0.2
W_EXPERIENCE = 0.1

# MiniLM cosines between a resume and any job description sit well above zero (shared
# register and vocabulary); below FLOOR nothing is related, at CEILING they are about as close
# as a resume and a job text get. The linear map between the two is clamped to [0, 1].
SEMANTIC_FLOOR = 0.10
SEMANTIC_CEILING = 0.70
# Share of the semantic score given to agreement on occupation (the rest is direct cosine), and
# the softmax temperature over occupation similarities (MiniLM cosines differ by a few hundredths
# between neighbouring occupations, so the temperature is small).
OCCUPATION_WEIGHT = 0.5
OCCUPATION_TEMPERATURE = 0.02

# A fixed reference population of short profiles, one per occupation, tech and non-tech alike.
# The agreement term leans on the one profile nearest each text (the temperature is small), so
# a role without a profile falls back to about the direct cosine's ranking: with the three
# profiles nearest a job's family left out, the rank AUC drops by 0.07 (dev and unseen job
# descriptions alike, bench/eval_fit.py --robust), and a random quarter left out costs 0 to
# 0.12 depending on whether it takes "Product Manager". Second profiles per occupation, a
# softer temperature or smoothing over similar profiles narrowed that swing but cost 0.01 to
# 0.04 of AUC on dev and unseen job descriptions, so one profile per occupation it is: add an
# occupation that is missing rather than a second wording of one that is here.
# Job texts carry boilerplate (benefits, company story) that makes some of them look similar
# to every resume; placing both texts among these occupations and comparing where they land
# cancels that. General on purpose: it is a map of occupations, not of any evaluation set.
# The profiles live in resume/data/occupations.json, one string each, read once at import.
OCCUPATIONS_FILE = Path(__file__).resolve().parent / "data" / "occupations.json"
OCCUPATIONS: tuple[str, ...] = tuple(json.loads(OCCUPATIONS_FILE.read_text(encoding="utf-8")))

SCORE_KEYS = ("semantic_score", "keyword_score", "overall_score")

GOOD_FIT = "Good fit"
SLIGHTLY_UNDER = "Slightly under the requirement"
UNDER = "Under the requirement"
ABOVE_RANGE = "Above the stated range"
NOT_STATED = "No experience requirement stated"


def experience_fit(candidate_years: float, minimum: int | None, maximum: int | None) -> str:
    """Describe how the candidate's years compare with the job's stated range."""
    if minimum is None:
        return NOT_STATED
    if candidate_years >= minimum:
        # Dates give fractional years: 5.6 years is still within "3-5 years".
        if maximum is not None and candidate_years >= maximum + 1:
            return ABOVE_RANGE
        return GOOD_FIT
    if minimum - candidate_years <= 1:
        return SLIGHTLY_UNDER
    return UNDER


def _experience_score(candidate_years: float, minimum: int | None) -> float:
    if minimum is None or minimum <= 0:
        return 1.0
    return float(min(1.0, max(0.0, candidate_years) / minimum))


def _has_text(vector: np.ndarray | None) -> bool:
    """Tell whether a pooled vector stands for some text (an empty text pools to zeros)."""
    return vector is not None and vector.size > 0 and bool(np.any(vector))


def semantic_similarity(resume_vector: np.ndarray, jd_vector: np.ndarray) -> float:
    """Return the raw cosine between the pooled resume and job-description vectors."""
    if not (_has_text(resume_vector) and _has_text(jd_vector)):
        return 0.0
    return float(resume_vector @ jd_vector)


def semantic_score_from_cosine(cosine: float) -> float:
    """Map a resume-to-job cosine onto [0, 1] linearly between the floor and ceiling, clamped."""
    scaled = (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR)
    return float(min(1.0, max(0.0, scaled)))


_reference_lock = threading.Lock()
_reference_cache: dict[tuple[object, object], np.ndarray] = {}


def occupation_vectors(embed: EmbedFn) -> np.ndarray:
    """Embed the occupation profiles once per embedding function and model."""
    # An embed function that can switch models names the current one (rag's does), so a
    # switch embeds the profiles again.
    model = getattr(embed, "model_name", None)
    key = (embed, model() if callable(model) else None)
    with _reference_lock:
        cached = _reference_cache.get(key)
        if cached is None:
            cached = np.asarray(embed(list(OCCUPATIONS)), dtype=np.float32)
            _reference_cache[key] = cached
    return cached


def warm_up(embed: EmbedFn) -> None:
    """Embed the occupation profiles now, so no user's first fit pays for it."""
    occupation_vectors(embed)


def occupation_profile(vector: np.ndarray, occupations: np.ndarray) -> np.ndarray:
    """Return a softmax distribution of a pooled text vector over the occupation profiles."""
    sims = occupations @ vector
    weights = np.exp((sims - sims.max()) / OCCUPATION_TEMPERATURE)
    return weights / weights.sum()


def occupation_agreement(
    resume_vector: np.ndarray, jd_vector: np.ndarray, occupations: np.ndarray
) -> float:
    """Return the cosine, in [0, 1], between the two texts' distributions over occupations."""
    if not (_has_text(resume_vector) and _has_text(jd_vector)):
        return 0.0
    a = occupation_profile(resume_vector, occupations)
    b = occupation_profile(jd_vector, occupations)
    return float(min(1.0, (a @ b) / (np.linalg.norm(a) * np.linalg.norm(b))))


def semantic_score(
    resume_vector: np.ndarray, jd_vector: np.ndarray, occupations: np.ndarray
) -> float:
    """Blend the mapped direct cosine with occupation agreement into one score in [0, 1]."""
    direct = semantic_score_from_cosine(semantic_similarity(resume_vector, jd_vector))
    agreement = occupation_agreement(resume_vector, jd_vector, occupations)
    return (1 - OCCUPATION_WEIGHT) * direct + OCCUPATION_WEIGHT * agreement


def blend(
    semantic: float,
    keyword: float,
    candidate_years: float,
    minimum: int | None,
    has_jd_skills: bool = True,
) -> float:
    """Combine semantic, keyword and experience evidence into the overall score in [0, 1]."""
    experience = _experience_score(candidate_years, minimum)
    if has_jd_skills:
        overall = W_SEMANTIC * semantic + W_KEYWORD * keyword + W_EXPERIENCE * experience
    else:
        # A job that names no known skill gives no keyword evidence: do not count it as zero.
        overall = (W_SEMANTIC + W_KEYWORD) * semantic + W_EXPERIENCE * experience
    return float(min(1.0, max(0.0, overall)))


def _missing(vector: np.ndarray | None) -> bool:
    return vector is None or vector.size == 0


def analyze_fit(
    *,
    resume_text: str,
    resume_skills: list[str],
    candidate_years: float,
    jd_text: str,
    embed: EmbedFn,
    find_skills: FindSkillsFn = skills.find_skills,
    resume_vector: np.ndarray | None = None,
    jd_vector: np.ndarray | None = None,
) -> dict:
    """Score how well a resume fits a job description, as the job_fit_analysis object.

    embed(texts) returns one unit vector per whole text (rag.embeddings.embed_texts); a
    resume_vector or jd_vector the caller already pooled is used instead of embedding again.
    """
    ranked = jd_skills_ranked(jd_text or "", find_skills)
    jd_skills = [name for name, _ in ranked]
    required = [name for name, part in ranked if part == CORE]
    have = {skills.skill_key(s) for s in list(resume_skills) + find_skills(resume_text or "") if s}
    matching = [s for s in jd_skills if skills.skill_key(s) in have]
    missing = [s for s in jd_skills if skills.skill_key(s) not in have]
    # Nice-to-have skills count in full: halving them lowered the dev keyword AUC (0.80 to 0.76)
    # and left the new-JD figure unchanged; they only go after the required ones in the lists.
    keyword = len(matching) / len(jd_skills) if jd_skills else 0.0

    # Embed only what the caller has not already embedded, in one batched call.
    pairs = ((resume_text, resume_vector), (jd_text, jd_vector))
    todo = [text or "" for text, vector in pairs if _missing(vector)]
    fresh = iter(embed(todo) if todo else ())
    if _missing(resume_vector):
        resume_vector = next(fresh)
    if _missing(jd_vector):
        jd_vector = next(fresh)
    semantic = semantic_score(resume_vector, jd_vector, occupation_vectors(embed))

    minimum, maximum = required_years(jd_text or "")
    years = max(0.0, float(candidate_years or 0.0))
    fit_label = experience_fit(years, minimum, maximum)

    overall = blend(semantic, keyword, years, minimum, bool(jd_skills))

    return {
        "keyword_score": round(keyword, 4),
        "semantic_score": round(semantic, 4),
        "matching_skills": matching,
        "missing_skills": missing,
        "required_skills": required,
        "experience_fit": fit_label,
        "required_years": minimum,
        "required_years_max": maximum,
        "candidate_years": round(years, 1),
        "overall_score": round(overall, 4),
    }
