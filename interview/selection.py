"""Build question sets from plain inputs: technical, behavioral, role, resume, mixed (mock).

Deterministic: the same inputs give the same set; a seed shuffles each tier reproducibly.
Bank questions keep their bank ids; generated questions get ids hashed from their content.
Reference answers and key concepts ride along on Question for scoring but stay out of
Question.payload() until the question is answered.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from interview import bank as qbank
from interview.mastery import is_due, is_weak, practice_order, starting_difficulty
from interview.questions import Chunk, Inputs, Question, Role, generated_id
from interview.roles import responsibilities
from resume import skills as taxonomy

__all__ = ["Chunk", "Inputs", "Question", "Role", "build", "generated_id"]

KINDS = ("technical", "behavioral", "role", "resume", "mixed")
MAX_COUNT = 50
EXCERPT_CHARS = 160


def _rng(seed: int | str | None) -> random.Random | None:
    return None if seed is None else random.Random(f"interview:{seed}")


def _shuffled(items: list, rng: random.Random | None) -> list:
    if rng is None:
        return items
    items = list(items)
    rng.shuffle(items)
    return items


def _topic_level(slug: str, inputs: Inputs, override: str | None) -> str:
    if override is not None:
        return starting_difficulty(None, override)
    for state in inputs.mastery:
        if state.topic == slug:
            return state.difficulty
    return starting_difficulty(inputs.experience_years)


def _pick(
    candidates: list[qbank.BankQuestion],
    taken: set[str],
    recent: frozenset[str],
    rng: random.Random | None,
) -> qbank.BankQuestion | None:
    fresh = [q for q in candidates if q.id not in taken]
    order = _shuffled(fresh, rng)
    # Questions answered lately go last, so practice moves through the bank.
    order.sort(key=lambda q: q.id in recent)
    return order[0] if order else None


def _from_bank(q: qbank.BankQuestion, kind: str, level: str) -> Question:
    return Question(
        id=q.id,
        kind=kind,
        topic=q.topic,
        difficulty=level,
        text=q.question,
        reference_answer=q.reference_answer,
        key_concepts=tuple(q.concepts()),
        behavioral=q.behavioral,
    )


def technical_tiers(inputs: Inputs, bank: qbank.Bank | None = None) -> list[list[str]]:
    """Return topic slugs in tiers: the job's skills the resume lacks, weak or due, the rest."""
    bank = bank or qbank.load_bank()
    have = {_skill_key(s) for s in inputs.resume_skills}
    gaps = [s for s in inputs.jd_skills if _skill_key(s) not in have]
    states = [s for s in inputs.mastery if s.topic in bank.topics]
    now = inputs.now
    # Weakest first, then the longest overdue (mastery.practice_order).
    ordered = practice_order(states, now) if now else sorted(states, key=lambda m: m.level)
    weak_or_due = [
        s.topic for s in ordered if is_weak(s) or (now and s.attempts and is_due(s, now))
    ]
    rest = (
        qbank.topics_for_skills(list(inputs.resume_skills), bank)
        + qbank.topics_for_skills(list(inputs.jd_skills), bank)
        + [s.topic for s in states]
    )
    seen: set[str] = set()
    tiers: list[list[str]] = []
    for tier in (qbank.topics_for_skills(gaps, bank), weak_or_due, rest):
        kept = []
        for slug in tier:
            if slug not in seen and bank.topics[slug].category != qbank.BEHAVIORAL:
                seen.add(slug)
                kept.append(slug)
        tiers.append(kept)
    return tiers


def technical_topics(inputs: Inputs, bank: qbank.Bank | None = None) -> list[str]:
    """Order topic slugs: the job's skills the resume lacks, then weak or due, then the rest."""
    return [slug for tier in technical_tiers(inputs, bank) for slug in tier]


def _skill_key(name: str) -> str:
    return (taxonomy.canonical_skill(name) or name).casefold()


def technical(
    inputs: Inputs,
    count: int,
    difficulty: str | None = None,
    seed: int | str | None = None,
    bank: qbank.Bank | None = None,
) -> list[Question]:
    """Build a technical set: one question per topic in technical_topics() order, round-robin."""
    bank = bank or qbank.load_bank()
    rng = _rng(seed)
    # A seed reorders topics within a tier, never across: gaps and weak topics still lead.
    topics = [slug for tier in technical_tiers(inputs, bank) for slug in _shuffled(tier, rng)]
    # Past the user's own topics, a long set goes on with topics of the same categories (a
    # frontend developer is not sent to backend questions); with none known, any topic.
    categories = {bank.topics[s].category for s in topics}
    more = [
        s
        for s, t in bank.topics.items()
        if t.category != qbank.BEHAVIORAL
        and s not in topics
        and (not categories or t.category in categories)
    ]
    topics += _shuffled(more, rng)
    out: list[Question] = []
    taken: set[str] = set()
    while len(out) < count:
        added = False
        for slug in topics:
            if len(out) >= count:
                break
            level = _topic_level(slug, inputs, difficulty)
            q = _pick(qbank.questions_for(slug, level, bank), taken, inputs.recent_ids, rng)
            if q is None:
                continue
            taken.add(q.id)
            out.append(_from_bank(q, "technical", level))
            added = True
        if not added:
            break
    return out


def _set_in(role: Role, text: str) -> str:
    lead = text[:1].lower() + text[1:] if not text[:2].isupper() else text
    if role.kind == "project":
        return f"In your project {role.name}, {lead}"
    where = f"At {role.name}, as {role.title}" if role.title else f"At {role.name}"
    return f"{where}, {lead}"


def behavioral(
    inputs: Inputs,
    count: int,
    difficulty: str | None = None,
    seed: int | str | None = None,
    bank: qbank.Bank | None = None,
) -> list[Question]:
    """Build behavioural questions set in the resume's roles and projects ("At <company> ...")."""
    bank = bank or qbank.load_bank()
    rng = _rng(seed)
    level = starting_difficulty(inputs.experience_years, difficulty)
    pool: list[qbank.BankQuestion] = []
    slugs = _shuffled(qbank.behavioral_topics(bank), rng)
    # One question per competency per round, so a set spans competencies.
    per_topic = [_shuffled(qbank.questions_for(s, level, bank), rng) for s in slugs]
    for i in range(max((len(p) for p in per_topic), default=0)):
        pool.extend(p[i] for p in per_topic if i < len(p))
    pool.sort(key=lambda q: q.id in inputs.recent_ids)
    roles = [r for r in inputs.roles if r.name.strip()]
    out: list[Question] = []
    for i, q in enumerate(pool[:count]):
        if not roles:
            out.append(_from_bank(q, "behavioral", level))
            continue
        role = roles[i % len(roles)]
        text = _set_in(role, q.question)
        base = _from_bank(q, "behavioral", level)
        out.append(
            Question(
                id=generated_id("behavioral", q.id, role.name, role.title, role.kind),
                kind="behavioral",
                topic=q.topic,
                difficulty=level,
                text=text,
                reference_answer=base.reference_answer,
                key_concepts=base.key_concepts,
                behavioral=True,
                source={"based_on": q.id, role.kind: role.name},
            )
        )
    return out


_ROLE_TEMPLATES = {
    "entry": 'This role includes: "{line}". How would you go about it, and what have you '
    "done that is like it?",
    "mid": 'This role includes: "{line}". How would you approach it, which trade-offs would '
    "you weigh, and where have you done similar work?",
    "senior": 'This role includes: "{line}". How would you plan and lead this work, how would '
    "you measure success, and what risks would you watch?",
}


def _topic_of(text: str, bank: qbank.Bank, fallback: str) -> str:
    slugs = qbank.topics_for_skills(taxonomy.find_skills(text), bank)
    return slugs[0] if slugs else fallback


def role(
    inputs: Inputs,
    count: int,
    difficulty: str | None = None,
    seed: int | str | None = None,
    bank: qbank.Bank | None = None,
) -> list[Question]:
    """Build scenario questions from the job description's responsibility lines."""
    bank = bank or qbank.load_bank()
    level = starting_difficulty(inputs.experience_years, difficulty)
    lines = _shuffled(responsibilities(inputs.jd_text), _rng(seed))
    out = []
    for line in lines[:count]:
        text = _ROLE_TEMPLATES[level].format(line=line.rstrip(". "))
        out.append(
            Question(
                id=generated_id("role", level, line),
                kind="role",
                topic=_topic_of(line, bank, "role"),
                difficulty=level,
                text=text,
                reference_answer=line,
                source={"responsibility": line},
            )
        )
    return out


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Return the first words of text up to limit characters, marked when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + " ..."


_SECTION_TEMPLATES = {
    "experience": 'Your resume says: "{excerpt}". Walk me through it: what was your part, '
    "how did you do it, and what was the result?",
    "projects": 'Your resume describes: "{excerpt}". Why did you build it this way, and what '
    "would you change now?",
    "skills": 'Your resume lists: "{excerpt}". Pick one of these and describe a problem you '
    "solved with it.",
}
_DEFAULT_TEMPLATE = (
    'Your resume mentions: "{excerpt}". Tell me more about it: what did you do, and what did '
    "you learn?"
)


def _section_key(section: str) -> str:
    s = section.lower()
    if re.search(r"project", s):
        return "projects"
    if re.search(r"skill|technolog|tool", s):
        return "skills"
    if re.search(r"experience|work|employment|intern|career", s):
        return "experience"
    return ""


def resume(
    inputs: Inputs,
    count: int,
    difficulty: str | None = None,
    seed: int | str | None = None,
    bank: qbank.Bank | None = None,
) -> list[Question]:
    """Build questions on the given retrieved resume chunks, each citing the chunk it is about."""
    bank = bank or qbank.load_bank()
    level = starting_difficulty(inputs.experience_years, difficulty)
    chunks = [c for c in inputs.chunks if c.text and c.text.strip()]
    out = []
    for chunk in _shuffled(chunks, _rng(seed))[:count]:
        quote = excerpt(chunk.text)
        template = _SECTION_TEMPLATES.get(_section_key(chunk.section), _DEFAULT_TEMPLATE)
        out.append(
            Question(
                id=generated_id("resume", chunk.id, chunk.section, chunk.text),
                kind="resume",
                topic=_topic_of(chunk.text, bank, "resume"),
                difficulty=level,
                text=template.format(excerpt=quote),
                reference_answer=chunk.text,
                source={
                    "about": chunk.source or chunk.section,
                    "section": chunk.section,
                    "chunk_id": chunk.id,
                    "excerpt": quote,
                },
            )
        )
    return out


_BUILDERS = {"technical": technical, "behavioral": behavioral, "role": role, "resume": resume}
# A mock interview opens on the resume, then the job's gaps, then behaviour and the role.
MIX_ORDER = ("resume", "technical", "behavioral", "role")


def mixed(
    inputs: Inputs,
    count: int,
    difficulty: str | None = None,
    seed: int | str | None = None,
    bank: qbank.Bank | None = None,
) -> list[Question]:
    """Build a mock set that interleaves resume, technical, behavioural and role questions."""
    bank = bank or qbank.load_bank()
    parts = {k: _BUILDERS[k](inputs, count, difficulty, seed, bank) for k in MIX_ORDER}
    out: list[Question] = []
    seen: set[str] = set()
    for i in range(count):
        for kind in MIX_ORDER:
            if len(out) >= count:
                break
            if i < len(parts[kind]) and parts[kind][i].id not in seen:
                seen.add(parts[kind][i].id)
                out.append(parts[kind][i])
    return out


def build(
    kind: str,
    inputs: Inputs,
    count: int = 5,
    difficulty: str | None = None,
    seed: int | str | None = None,
    bank: qbank.Bank | None = None,
) -> list[Question]:
    """Build a question set of a kind (technical, behavioral, role, resume, mixed or mock)."""
    kind = "mixed" if kind == "mock" else kind
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)} or mock")
    if difficulty is not None:
        starting_difficulty(None, difficulty)  # raises ValueError on an unknown level
    count = max(1, min(int(count), MAX_COUNT))
    builder = mixed if kind == "mixed" else _BUILDERS[kind]
    return builder(inputs, count, difficulty, seed, bank)


def by_id(questions: Iterable[Question]) -> dict[str, Question]:
    """Index a set's questions by id."""
    return {q.id: q for q in questions}
