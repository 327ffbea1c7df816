"""Job-fit analysis: required years, experience wording, scores and their ranges."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rag import embeddings
from rag.chunking import chunk_sections
from resume import fit, job_description


def _analyze(**kwargs: object) -> dict:
    """Run analyze_fit with the real model's whole-text embedding unless a test gives another."""
    kwargs.setdefault("embed", embeddings.embed_texts)
    return fit.analyze_fit(**kwargs)


BACKEND_RESUME = """\
Alex Morgan
Senior Backend Engineer
Experience
Senior Backend Engineer, Acme Payments
2018 - Present
- Designed REST APIs in Python and Django on PostgreSQL; Redis caching and Celery workers
- Containerised services with Docker and deployed them to AWS with Terraform
Software Engineer, Initech
2015 - 2018
- Built Flask microservices and wrote SQL reporting jobs
Skills
Python, Django, Flask, PostgreSQL, Redis, Docker, AWS, Git
"""

BACKEND_JD = """\
Senior Python Developer
We are looking for a backend engineer to build and scale our APIs.
Requirements:
- 5+ years of professional Python development
- Strong experience with Django or Flask, PostgreSQL and REST API design
- Docker, Kubernetes and AWS in production
- Nice to have: Kafka, GraphQL
"""

NURSE_JD = """\
Registered Nurse - Intensive Care Unit
Provide direct patient care to critically ill patients, administer medications,
monitor vital signs and work with physicians and families.
Requirements: active RN licence, BLS and ACLS certification, at least 2 years of
acute care nursing experience.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3+ years of experience with Python", (3, None)),
        ("At least 5 years experience in backend development", (5, None)),
        ("3-5 years of experience", (3, 5)),
        ("3 – 5 yrs in data engineering", (3, 5)),
        ("3 to 5 years of relevant experience", (3, 5)),
        ("five years of experience leading teams", (5, None)),
        ("Minimum of 2 yrs hands-on experience", (2, None)),
        ("a minimum of two (2) years of professional experience", (2, None)),
        ("Seven years’ experience in retail", (7, None)),
        ("10 years or more of industry experience", (10, None)),
        ("Experience: 2 years", (2, None)),
        ("2 years of experience preferred; 5+ years required", (5, None)),
        ("5+ years in product roles. At least 3 years on enterprise software.", (5, None)),
        ("1.5 years of work experience", (2, None)),
        ("over 3 years of experience with React", (3, None)),
    ],
)
def test_required_years_phrasings(text, expected):
    assert fit.required_years(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No prior experience needed; we train you.",
        "Founded 20 years ago, we serve customers worldwide.",
        "Up to 30 days of leave after 5 years of service.",
        "Requires a 4-year degree in Computer Science.",
        "Applicants must be 18 years old.",
        "Salary from $45,000 per year.",
        "A 2 year contract with option to extend.",
        "Serving customers for over 20 years.",
    ],
)
def test_required_years_none_when_not_a_requirement(text):
    assert fit.required_years(text) == (None, None)


@pytest.mark.parametrize(
    ("years", "minimum", "maximum", "label"),
    [
        (6.0, 5, None, fit.GOOD_FIT),
        (5.0, 5, None, fit.GOOD_FIT),
        (4.2, 5, None, fit.SLIGHTLY_UNDER),
        (2.0, 5, None, fit.UNDER),
        (5.5, 3, 5, fit.GOOD_FIT),
        (9.0, 3, 5, fit.ABOVE_RANGE),
        (0.0, None, None, fit.NOT_STATED),
    ],
)
def test_experience_fit_labels(years, minimum, maximum, label):
    assert fit.experience_fit(years, minimum, maximum) == label


def test_semantic_score_mapping_is_clamped():
    assert fit.semantic_score_from_cosine(-0.5) == 0.0
    assert fit.semantic_score_from_cosine(fit.SEMANTIC_FLOOR) == 0.0
    assert fit.semantic_score_from_cosine(fit.SEMANTIC_CEILING) == 1.0
    assert fit.semantic_score_from_cosine(0.99) == 1.0
    middle = (fit.SEMANTIC_FLOOR + fit.SEMANTIC_CEILING) / 2
    assert fit.semantic_score_from_cosine(middle) == pytest.approx(0.5)


def test_analyze_fit_shape_and_ranges():
    result = _analyze(
        resume_text=BACKEND_RESUME,
        resume_skills=["Python", "Django", "k8s"],
        candidate_years=9.5,
        jd_text=BACKEND_JD,
    )
    assert set(result) >= {
        "keyword_score",
        "semantic_score",
        "matching_skills",
        "missing_skills",
        "experience_fit",
        "required_years",
        "candidate_years",
        "overall_score",
    }
    for key in ("keyword_score", "semantic_score", "overall_score"):
        assert 0.0 <= result[key] <= 1.0
    assert result["required_years"] == 5
    assert result["candidate_years"] == 9.5
    assert result["experience_fit"] == fit.GOOD_FIT
    # "k8s" from the profile counts as Kubernetes.
    assert {"Python", "Django", "PostgreSQL", "Docker", "AWS", "Kubernetes"} <= set(
        result["matching_skills"]
    )
    assert not set(result["matching_skills"]) & set(result["missing_skills"])
    jd_skill_count = len(result["matching_skills"]) + len(result["missing_skills"])
    assert result["keyword_score"] == pytest.approx(
        len(result["matching_skills"]) / jd_skill_count, abs=1e-4
    )


def test_missing_skills_follow_the_job_descriptions_order():
    result = _analyze(
        resume_text="Cook",
        resume_skills=[],
        candidate_years=0,
        jd_text="Kafka is central here. Kafka, Kafka and more Kafka. Also some GraphQL.",
        find_skills=lambda text: ["Kafka", "GraphQL"] if "Kafka" in text else [],
    )
    assert result["missing_skills"] == ["Kafka", "GraphQL"]
    assert result["keyword_score"] == 0.0


def test_backend_resume_fits_backend_job_better_than_nurse_job():
    backend = _analyze(
        resume_text=BACKEND_RESUME, resume_skills=[], candidate_years=9, jd_text=BACKEND_JD
    )
    nurse = _analyze(
        resume_text=BACKEND_RESUME, resume_skills=[], candidate_years=9, jd_text=NURSE_JD
    )
    assert backend["semantic_score"] > nurse["semantic_score"] + 0.3
    assert backend["overall_score"] > nurse["overall_score"] + 0.3
    assert nurse["required_years"] == 2


def test_long_texts_are_chunked_not_truncated():
    # A backend job whose nursing half sits far past the model's 256-token window.
    filler = "We value teamwork and clear written communication. " * 60
    jd = BACKEND_JD + filler + NURSE_JD * 4
    plain = _analyze(
        resume_text=BACKEND_RESUME, resume_skills=[], candidate_years=9, jd_text=BACKEND_JD
    )
    long = _analyze(resume_text=BACKEND_RESUME, resume_skills=[], candidate_years=9, jd_text=jd)
    assert embeddings.count_tokens(jd) > 600
    # The tail changes the score: it was read, not cut off.
    assert long["semantic_score"] < plain["semantic_score"]


def test_reused_resume_vectors_give_the_same_result_without_re_embedding():
    chunks = chunk_sections([("", BACKEND_RESUME)], embeddings.count_tokens)
    vectors = embeddings.embed([c.text for c in chunks])
    calls: list[list[str]] = []

    def counting_embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return embeddings.embed_texts(texts)

    fresh = _analyze(
        resume_text=BACKEND_RESUME,
        resume_skills=[],
        candidate_years=9,
        jd_text=BACKEND_JD,
        embed=counting_embed,
    )
    calls.clear()
    reused = _analyze(
        resume_text=BACKEND_RESUME,
        resume_skills=[],
        candidate_years=9,
        jd_text=BACKEND_JD,
        embed=counting_embed,
        resume_vector=embeddings.pooled(vectors),
    )
    for key in ("semantic_score", "keyword_score", "overall_score"):
        assert reused[key] == pytest.approx(fresh[key], abs=2e-4)
    assert reused["matching_skills"] == fresh["matching_skills"]
    assert all(BACKEND_RESUME.splitlines()[0] not in text for batch in calls for text in batch)


def test_empty_inputs_do_not_crash():
    result = _analyze(resume_text="", resume_skills=[], candidate_years=0, jd_text="")
    assert result["semantic_score"] == 0.0
    assert result["keyword_score"] == 0.0
    assert result["experience_fit"] == fit.NOT_STATED
    assert result["matching_skills"] == [] and result["missing_skills"] == []
    assert 0.0 <= result["overall_score"] <= 1.0


def test_negative_years_are_treated_as_none():
    result = _analyze(
        resume_text=BACKEND_RESUME, resume_skills=[], candidate_years=-3, jd_text=BACKEND_JD
    )
    assert result["candidate_years"] == 0.0
    assert result["experience_fit"] == fit.UNDER


SECTIONED_JD = """\
# Backend Engineer
About Acme
Acme runs its sales on Salesforce and has offices in Berlin.
## About the role
You will build services in Go.
Requirements:
- 3+ years with PostgreSQL
- Solid Kafka knowledge
**Nice to have**
- Terraform
What we offer
- Remote work, a Salesforce training budget and a gym
Acme is an equal opportunity employer.
"""


def test_jd_sections_classify_headings_and_inline_labels():
    kinds = {text: kind for kind, text in fit.jd_sections(SECTIONED_JD)}
    assert kinds["Acme runs its sales on Salesforce and has offices in Berlin."] == fit.BOILERPLATE
    assert kinds["You will build services in Go."] == fit.CORE
    assert kinds["- 3+ years with PostgreSQL"] == fit.CORE
    assert kinds["- Terraform"] == fit.OPTIONAL
    assert kinds["- Remote work, a Salesforce training budget and a gym"] == fit.BOILERPLATE
    assert kinds["Acme is an equal opportunity employer."] == fit.BOILERPLATE
    # Heading lines that name the job stay in the core text; section headings are dropped.
    assert kinds["# Backend Engineer"] == fit.CORE
    assert "**Nice to have**" not in kinds and "What we offer" not in kinds


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Nice to have: Kafka, GraphQL", fit.OPTIONAL),
        ("Bonus - experience with Rust", fit.OPTIONAL),
        ("Perks: free lunch", fit.BOILERPLATE),
        ("We do not discriminate on the basis of age.", fit.BOILERPLATE),
        ("Design REST APIs in Python.", fit.CORE),
    ],
)
def test_jd_sections_inline_labels(line, kind):
    assert fit.jd_sections(line) == [(kind, line)]


def test_jd_sections_do_not_take_bullets_or_sentences_for_headings():
    text = "Benefits:\n- Build the future of payments.\nThis is what we need.\n- Python"
    # A bullet is not a heading, so everything after "Benefits:" stays boilerplate.
    assert [k for k, _ in fit.jd_sections(text)] == [fit.BOILERPLATE] * 3
    assert fit.jd_sections("") == []
    assert fit.jd_sections("\n\n   \n") == []


def test_jd_skills_ranked_puts_required_first_and_drops_boilerplate_only_skills():
    ranked = fit.jd_skills_ranked(SECTIONED_JD)
    names = [name for name, _ in ranked]
    assert {"Go", "PostgreSQL", "Kafka"} <= set(names)
    assert ("Terraform", fit.OPTIONAL) in ranked
    # Required skills come before the nice-to-have one.
    assert names.index("Terraform") > max(names.index(n) for n in ("Go", "PostgreSQL", "Kafka"))
    # Named only in the company story and the perks: not a skill the job asks for.
    assert "Salesforce" not in names
    assert "Remote Work" not in names


def test_a_skill_in_both_requirements_and_boilerplate_is_kept():
    jd = "Requirements:\n- Salesforce administration\nBenefits:\n- Salesforce certification paid"
    assert fit.jd_skills_ranked(jd) == [("Salesforce", fit.CORE)]


def test_missing_skills_list_required_before_nice_to_have():
    jd = "Nice to have:\n- Kubernetes\nRequirements:\n- Python and PostgreSQL"
    result = _analyze(resume_text="Chef", resume_skills=[], candidate_years=3, jd_text=jd)
    assert result["missing_skills"][-1] == "Kubernetes"
    assert set(result["missing_skills"]) == {"Python", "PostgreSQL", "Kubernetes"}
    # The client marks required skills: the nice-to-have one is not among them.
    assert sorted(result["required_skills"]) == ["PostgreSQL", "Python"]
    # Nice-to-have skills still count in full in the keyword score.
    assert result["keyword_score"] == 0.0


def test_blend_weights_and_clamp():
    assert fit.blend(1.0, 1.0, 10, 5) == pytest.approx(1.0)
    assert fit.blend(0.0, 0.0, 0, 5) == 0.0
    assert fit.blend(0.5, 0.0, 5, 5) == pytest.approx(fit.W_SEMANTIC * 0.5 + fit.W_EXPERIENCE * 1.0)
    # No skills named in the job: the keyword share goes to the semantic score, not to zero.
    assert fit.blend(0.5, 0.0, 5, 5, has_jd_skills=False) == pytest.approx(
        (fit.W_SEMANTIC + fit.W_KEYWORD) * 0.5 + fit.W_EXPERIENCE
    )
    assert fit.blend(2.0, 2.0, 50, 1) == 1.0


EXTRA_JOBS = Path(__file__).resolve().parents[1] / "bench" / "jobs_extra"


def _extra_jobs() -> list[tuple[str, int | None]]:
    if not (EXTRA_JOBS / "jobs.tsv").exists():
        return []
    rows = (EXTRA_JOBS / "jobs.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(c[0], int(c[3]) if c[3] else None) for c in (r.split("\t") for r in rows)]


@pytest.mark.parametrize(("job_id", "stated"), _extra_jobs())
def test_required_years_on_the_bench_job_descriptions(job_id, stated):
    text = (EXTRA_JOBS / f"{job_id}.txt").read_text(encoding="utf-8")
    assert fit.required_years(text)[0] == stated


def test_requirements_after_an_about_us_heading_are_not_boilerplate():
    jd = "About Acme\nAcme sells shoes online.\nYou will build services in Python and PostgreSQL."
    kinds = [kind for kind, _ in fit.jd_sections(jd)]
    assert kinds == [fit.BOILERPLATE, fit.CORE]
    assert {name for name, _ in fit.jd_skills_ranked(jd)} == {"Python", "PostgreSQL"}


def test_a_job_that_is_all_boilerplate_keeps_its_skills():
    jd = "Benefits:\n- Kubernetes courses\n- Python courses"
    assert {name for name, _ in fit.jd_skills_ranked(jd)} == {"Kubernetes", "Python"}


def test_a_bare_boilerplate_heading_opens_a_section():
    jd = (
        "Bonus points\n- Kafka\n"
        "Compensation and benefits\nWe pay in CAD or USD, and buy you Python books."
    )
    assert [kind for kind, _ in fit.jd_sections(jd)] == [fit.OPTIONAL, fit.BOILERPLATE]
    assert fit.jd_skills_ranked(jd) == [("Kafka", fit.OPTIONAL)]


def test_scoring_runs_without_the_model_given_any_embed_function():
    # Two fixed directions: texts that mention Kafka point one way, anything else the other.
    def fake_embed(texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), 4), dtype=np.float32)
        for i, text in enumerate(texts):
            rows[i, 0 if "Kafka" in text else 1] = 1.0
        return rows

    same = fit.analyze_fit(
        resume_text="Kafka streams",
        resume_skills=["Kafka"],
        candidate_years=3,
        jd_text="Kafka engineer, 2+ years of experience",
        embed=fake_embed,
    )
    other = fit.analyze_fit(
        resume_text="Nursing",
        resume_skills=[],
        candidate_years=3,
        jd_text="Kafka engineer, 2+ years of experience",
        embed=fake_embed,
    )
    assert same["matching_skills"] == ["Kafka"]
    assert same["semantic_score"] > other["semantic_score"]
    assert same["required_years"] == 2


def test_lower_case_about_heading_is_the_job_not_the_employer():
    # "About Acme" tells the company's story; "About this role" describes the job, so the
    # lines under it are the job's, not boilerplate.
    jd = "About this role\nKafka pipelines in Scala, every day.\n"
    assert job_description.jd_sections(jd) == [
        (fit.CORE, "About this role"),
        (fit.CORE, "Kafka pipelines in Scala, every day."),
    ]
    employer = "About Acme Corp\nWe use Salesforce across the company.\n"
    assert job_description.jd_sections(employer) == [
        (fit.BOILERPLATE, "We use Salesforce across the company.")
    ]
