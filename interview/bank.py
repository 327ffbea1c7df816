"""The question bank shipped as data: load once, validate, look up by id, topic and skill.

One JSON file per topic in interview/data/bank/ (format: BANK_SCHEMA.md). Skills map to
topics through the resume skills taxonomy, so any alias ("Postgres", "psql") reaches the
topic that lists the canonical name ("PostgreSQL").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from interview.errors import BankError, UnknownQuestionError
from interview.scoring import Concept
from interview.text import tokens
from resume import skills as taxonomy

BANK_DIR = Path(__file__).resolve().parent / "data" / "bank"
LEVELS: tuple[str, ...] = ("entry", "mid", "senior")
Level = Literal["entry", "mid", "senior"]
Category = Literal[
    "languages",
    "frameworks",
    "frontend",
    "databases",
    "cloud",
    "devops",
    "data-ml",
    "testing",
    "security",
    "system-design",
    "practices",
    "behavioral",
]
# One list: the tuple is read from the Literal, so the two cannot drift apart.
CATEGORIES: tuple[str, ...] = get_args(Category)
BEHAVIORAL = "behavioral"
# Full stops only: a semicolon or "e.g." does not end a sentence of a reference answer.
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class KeyConcept(BaseModel):
    """A key concept of a bank question with its accepted lower-case wordings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    concept: str = Field(min_length=1, max_length=80)
    accept: list[str] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _wordings(self) -> KeyConcept:
        # A wording of symbols only (">>") cannot be matched on words: it is dropped; with
        # no wording left, the concept's own name is the wording.
        cleaned = [w.strip().lower() for w in self.accept if isinstance(w, str) and tokens(w)]
        if not cleaned and tokens(self.concept):
            cleaned = [self.concept.strip().lower()]
        if not cleaned:
            raise ValueError("a concept needs at least one wording with a word in it")
        object.__setattr__(self, "accept", list(dict.fromkeys(cleaned)))
        return self


class BankQuestion(BaseModel):
    """One bank question; topic and category are filled from its file on load."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+-(?:entry|mid|senior)-\d+$")
    level: Level
    question: str = Field(min_length=10, max_length=500)
    reference_answer: str = Field(min_length=20, max_length=1500)
    key_concepts: list[KeyConcept] = Field(min_length=3, max_length=6)
    topic: str = ""  # the topic's slug
    category: str = ""

    def concepts(self) -> list[Concept]:
        """Return the key concepts in the scorer's form."""
        return [Concept(k.concept, tuple(k.accept)) for k in self.key_concepts]

    @property
    def behavioral(self) -> bool:
        """Tell whether the question is behavioural (scored for STAR as well)."""
        return self.category == BEHAVIORAL


class Topic(BaseModel):
    """A bank topic: its display name, slug, category, skills and questions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str = Field(min_length=1, max_length=100)
    slug: str = Field(pattern=_SLUG, max_length=80)
    category: Category
    skills: list[str] = Field(default_factory=list)
    questions: list[BankQuestion] = Field(min_length=1)


@dataclass(frozen=True)
class Bank:
    """The loaded bank with its indexes."""

    topics: dict[str, Topic]  # by slug, in slug order
    questions: dict[str, BankQuestion]  # by id
    by_skill: dict[str, str] = field(default_factory=dict)  # casefolded skill/topic -> slug


def _load_topic(path: Path) -> Topic:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        topic = Topic.model_validate(raw)
    except (OSError, ValueError, ValidationError) as exc:
        raise BankError(f"{path.name}: {exc}") from exc
    if topic.slug != path.stem:
        raise BankError(f"{path.name}: slug {topic.slug!r} differs from the file name")
    questions = [
        q.model_copy(update={"topic": topic.slug, "category": topic.category})
        for q in topic.questions
    ]
    return topic.model_copy(update={"questions": questions})


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@lru_cache(maxsize=4)
def load_bank(directory: Path = BANK_DIR) -> Bank:
    """Load and index every topic file under directory, once per directory."""
    topics: dict[str, Topic] = {}
    questions: dict[str, BankQuestion] = {}
    by_skill: dict[str, str] = {}
    names: set[str] = set()
    for path in sorted(Path(directory).glob("*.json")):
        topic = _load_topic(path)
        if _key(topic.topic) in names:
            raise BankError(f"{path.name}: topic name {topic.topic!r} is used twice")
        names.add(_key(topic.topic))
        topics[topic.slug] = topic
        for q in topic.questions:
            if q.id in questions:
                raise BankError(f"{path.name}: question id {q.id!r} is used twice")
            questions[q.id] = q
    # Topic names and slugs first, then listed skills: a skill never hides a topic's own name.
    for slug, topic in topics.items():
        by_skill.setdefault(_key(topic.topic), slug)
        by_skill.setdefault(_key(slug), slug)
    for slug, topic in topics.items():
        for skill in topic.skills:
            canonical = taxonomy.canonical_skill(skill) or skill
            by_skill.setdefault(_key(canonical), slug)
    return Bank(topics=topics, questions=questions, by_skill=by_skill)


def get_question(question_id: str, bank: Bank | None = None) -> BankQuestion:
    """Return the bank question with this id, or raise UnknownQuestionError."""
    bank = bank or load_bank()
    found = bank.questions.get(question_id) if isinstance(question_id, str) else None
    if found is None:
        raise UnknownQuestionError("No question has this id.")
    return found


def get_topic(slug_or_name: str, bank: Bank | None = None) -> Topic | None:
    """Return the topic with this slug or display name (any case), or None."""
    bank = bank or load_bank()
    if slug_or_name in bank.topics:
        return bank.topics[slug_or_name]
    slug = bank.by_skill.get(_key(slug_or_name or ""))
    topic = bank.topics.get(slug) if slug else None
    return topic if topic and _key(topic.topic) == _key(slug_or_name) else None


def questions_for(
    topic: str, level: str | None = None, bank: Bank | None = None
) -> list[BankQuestion]:
    """Return a topic's questions (by slug), of one level when given, in bank order."""
    bank = bank or load_bank()
    found = bank.topics.get(topic)
    if found is None:
        return []
    return [q for q in found.questions if level is None or q.level == level]


def topic_for_skill(skill: str, bank: Bank | None = None) -> Topic | None:
    """Map a skill as a user or a job writes it (any alias, any case) to its topic, or None."""
    bank = bank or load_bank()
    if not isinstance(skill, str) or not skill.strip():
        return None
    canonical = taxonomy.canonical_skill(skill)
    for name in (canonical, skill):
        if name and (slug := bank.by_skill.get(_key(name))):
            return bank.topics[slug]
    return None


def topics_for_skills(skills: list[str], bank: Bank | None = None) -> list[str]:
    """Map skills to topic slugs, in the skills' order, each topic once."""
    out: list[str] = []
    for skill in skills:
        topic = topic_for_skill(skill, bank)
        if topic is not None and topic.slug not in out:
            out.append(topic.slug)
    return out


def behavioral_topics(bank: Bank | None = None) -> list[str]:
    """Return the slugs of the behavioural topics."""
    bank = bank or load_bank()
    return [slug for slug, t in bank.topics.items() if t.category == BEHAVIORAL]


def lint_bank(bank: Bank) -> list[str]:
    """List what breaks BANK_SCHEMA.md's content rules; an empty list means a clean bank."""
    problems: list[str] = []
    seen_text: dict[str, str] = {}
    for slug, topic in bank.topics.items():
        for level in LEVELS:
            n = sum(q.level == level for q in topic.questions)
            if n < 3:
                problems.append(f"{slug}: {n} {level} questions, at least 3 expected")
        if topic.category != BEHAVIORAL and not topic.skills:
            problems.append(f"{slug}: a technical topic lists no skills")
        for skill in topic.skills:
            if taxonomy.canonical_skill(skill) != skill:
                problems.append(f"{slug}: skill {skill!r} is not a canonical taxonomy name")
        for q in topic.questions:
            if not q.id.startswith(f"{slug}-{q.level}-"):
                problems.append(f"{q.id}: id does not follow <slug>-<level>-<n>")
            text = re.sub(r"\W+", " ", q.question.lower()).strip()
            if text in seen_text:
                problems.append(f"{q.id}: same question text as {seen_text[text]}")
            seen_text.setdefault(text, q.id)
            n = len(_SENTENCE.split(q.reference_answer.strip()))
            if not 2 <= n <= 5:
                problems.append(f"{q.id}: reference answer has {n} sentences, 2-5 expected")
            problems.extend(_concept_problems(q))
    return problems


def _concept_problems(q: BankQuestion) -> list[str]:
    from interview.text import contains_phrase, content_stems, phrase_stems

    ref = content_stems(q.reference_answer)
    out = []
    for k in q.key_concepts:
        if not any(contains_phrase(ref, phrase_stems(w)) for w in k.accept):
            out.append(f"{q.id}: concept {k.concept!r} has no wording in the reference answer")
    return out
