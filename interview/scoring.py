"""Score an answer against reference material without an LLM: deterministic, in [0, 1].

The score blends the answer's sentence-embedding similarity to the reference with its coverage
of the key concepts (given, or derived from the reference), then applies gates: "I don't know",
a restatement of the question, an off-topic answer and a one-liner all score low. Behavioural
answers are also scored for the situation, task, action and result they tell (STAR).
Weights and thresholds were chosen by leave-questions-out cross-validation on human grades
(bench/eval_answers.py; figures in the README).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from interview import text as tx
from interview.errors import AnswerTooLongError, EmptyAnswerError, InvalidQuestionError

EmbedFn = Callable[[list[str]], np.ndarray]

# Longest answer scored (characters): about two spoken minutes; longer is refused, not cut.
MAX_ANSWER_CHARS = 4000
# Longest reference answer or question a caller may supply for a custom question.
MAX_REFERENCE_CHARS = 4000
MAX_QUESTION_CHARS = 1000


@dataclass(frozen=True)
class Weights:
    """How the parts of a score combine; the defaults are the cross-validated choice."""

    semantic: float = 0.4  # share of the sentence similarity; the rest is concept coverage
    cos_low: float = 0.1  # cosine to the reference that earns nothing
    cos_high: float = 0.8  # cosine to the reference that earns full semantic credit
    coverage_full: float = 0.5  # share of concepts that earns full coverage credit
    soft_low: float = 0.4  # word cosine below which a near-synonym earns nothing
    novelty_full: float = 0.5  # share of new (not-in-question) words that earns full credit
    short_ratio: float = 0.3  # an answer with fewer new words than this share of the
    #                           reference's is a one-liner and loses credit
    star: float = 0.3  # share of the STAR signals in a behavioural score


WEIGHTS = Weights()


@dataclass(frozen=True)
class Concept:
    """A key concept and the lower-case wordings that express it."""

    name: str
    accept: tuple[str, ...]


@dataclass(frozen=True)
class Features:
    """What the blend reads from one answer; computed once, blendable under any weights."""

    cosine: float  # answer vs reference, sentence embeddings
    concept_credit: tuple[float, ...]  # per concept, 1 for a wording, less for a near-synonym
    novelty: float  # share of the answer's content words not in the question
    new_words: int  # distinct content stems the answer adds to the question
    reference_words: int  # distinct content stems the reference adds to the question
    dont_know: bool
    star: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoreResult:
    """A scored answer: score in [0, 1], concepts covered and missed, feedback sentences."""

    score: float
    concepts_covered: list[str]
    concepts_missed: list[str]
    feedback: list[str]
    details: dict[str, float]


# A concept counts as covered for display at this credit (an exact wording gives 1).
COVERED_AT = 0.6
_DONT_KNOW = re.compile(
    r"\b(?:i\s+(?:do\s*n[o']?t|dont|really\s+don'?t)\s+know|no\s+idea|not\s+sure|idk|"
    r"no\s+clue|(?:can'?t|cannot|don'?t)\s+remember|i\s+forgot|pass|skip|n/?a|dunno|"
    r"never\s+heard)\b",
    re.I,
)
_DONT_KNOW_TEXT = "know idea sure idk clue remember forgot pass skip dunno heard"
_DONT_KNOW_WORDS = frozenset(tx.stem(w) for w in _DONT_KNOW_TEXT.split())
_IRREGULAR_PAST = (
    "wrote|built|set|led|met|spoke|made|took|ran|gave|held|sat|chose|drew|brought|sent|found|"
    "began|kept|told|taught|sought|split|put|let|read|went|got|paid|stood|spent|thought|knew|"
    "saw|became|rewrote|rebuilt|broke|caught|fought|understood|won|dealt|felt"
)
_STAR_CUES = {
    "situation": re.compile(
        r"\b(?:when\s+(?:i|we|my|our)|while\s+(?:i|we)|at\s+(?:my|our|a|the)\b|"
        r"(?:in|during)\s+(?:my|our|a|the)\s+(?:previous|last|first|current|role|job|team|"
        r"internship|project|company)|(?:my|our|the)\s+(?:team|teams|project|company|client|"
        r"customer|manager|department|product|system|service|release|startup|codebase)|"
        r"last\s+(?:year|quarter|month)|there\s+was|we\s+had|i\s+(?:joined|inherited|"
        r"noticed)|(?:was|were)\s+(?:facing|behind|late|failing|struggling|slow|stuck|unhappy)|"
        r"a\s+(?:customer|colleague|client|teammate|new|junior|senior|newly)\b|"
        r"(?:on|in|across)\s+(?:my|our)\s+\w+|(?:our|my)\s+[\w-]+\s+(?:team|organi[sz]ation|"
        r"department|company|group)|outage|incident|failure|dispute|argued|disagreed)",
        re.I,
    ),
    "task": re.compile(
        r"\b(?:my\s+(?:task|job|role|goal|aim|responsibility)|(?:the|our)\s+(?:goal|aim|task|"
        r"challenge|deadline|objective|target)|i\s+(?:was|were)\s+(?:responsible|asked|tasked|"
        r"assigned|expected|given|in\s+charge)|(?:i|we)\s+(?:needed|had|wanted|offered|"
        r"volunteered|agreed|decided|set\s+out)\s+to|responsible\s+for|owned|took\s+on|"
        r"to\s+make\s+sure|so\s+i\b|which\s+(?:made|meant|put|left|risked|blocked)|"
        r"took\s+responsibility|as\s+(?:the\s+|a\s+|an\s+)?[\w -]{2,40}?,\s+i\b)",
        re.I,
    ),
    "action": re.compile(
        rf"\b(?:i|we)\s+(?:then\s+|first\s+|also\s+|\w+ly\s+)?(?:\w+ed|{_IRREGULAR_PAST})\b",
        re.I,
    ),
    "result": re.compile(
        r"\b(?:as\s+a\s+result|in\s+the\s+end|result(?:ed)?|outcome|led\s+to|reduc\w*|"
        r"increas\w*|improv\w*|cut|sav\w*|shipped|launched|deliver\w*|on\s+time|fell|rose|"
        r"dropped|doubled|halved|tripled|grew|learn(?:ed|t)|since\s+then|afterwards|finally|"
        r"within\s+(?:a|two|three|\d+)\s+\w+|by\s+the\s+end|later|no\s+longer|"
        r"went\s+from|finished|completed|stopped|adopted|on\s+schedule|thanked|praised|"
        r"no\s+(?:more\s+)?(?:rework|incidents?|complaints?|regressions?|outages?|bugs?|issues?))\b|\d+\s*(?:%|percent|x\b|hours?|days?|weeks?|minutes?|ms\b|users?)",
        re.I,
    ),
}
_STAR_ADVICE = {
    "situation": "Set the scene: where you were and what was going on.",
    "task": "Say what you were responsible for or what had to be achieved.",
    "action": "Describe what you did yourself, in the first person.",
    "result": "End with the result, ideally with a number, and what you learned.",
}

# Word and phrase vectors are reused across answers: a question's wordings recur every time.
_CACHE_SIZE = 20000
_vector_cache: dict[EmbedFn, OrderedDict[str, np.ndarray]] = {}


def validate_answer(answer: object) -> str:
    """Return the answer stripped, or raise when it is empty or over MAX_ANSWER_CHARS."""
    if not isinstance(answer, str) or not answer.strip() or not tx.tokens(answer):
        raise EmptyAnswerError("The answer is empty.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise AnswerTooLongError(f"The answer is longer than {MAX_ANSWER_CHARS} characters.")
    return answer.strip()


def validate_custom(question: object, reference: object) -> tuple[str, str]:
    """Return a custom question and its model answer stripped, or raise InvalidQuestionError."""
    for name, value, limit in (
        ("question", question, MAX_QUESTION_CHARS),
        ("reference_answer", reference, MAX_REFERENCE_CHARS),
    ):
        if not isinstance(value, str) or not tx.tokens(value):
            raise InvalidQuestionError(f"The {name.replace('_', ' ')} is empty.", field=name)
        if len(value) > limit:
            raise InvalidQuestionError(f"The {name.replace('_', ' ')} is too long.", field=name)
    return question.strip(), reference.strip()


def derive_concepts(reference: str, question: str = "") -> list[Concept]:
    """Derive key concepts from a reference: its content words the question does not use."""
    asked = set(tx.content_stems(question))
    words = tx.content_tokens(reference)
    by_stem: dict[str, list[str]] = {}
    for word in words:
        if not any(ch.isalpha() for ch in word):
            continue
        by_stem.setdefault(tx.stem(word), []).append(word)
    new = {s: forms for s, forms in by_stem.items() if s not in asked}
    # A reference that only repeats the question's words still names what to say.
    chosen = new or by_stem
    return [Concept(forms[0], tuple(dict.fromkeys(forms))) for forms in chosen.values()]


def star_signals(answer: str) -> dict[str, bool]:
    """Tell which of situation, task, action and result a behavioural answer tells."""
    return {part: bool(cue.search(answer)) for part, cue in _STAR_CUES.items()}


def _vectors(embed: EmbedFn, texts: Sequence[str]) -> dict[str, np.ndarray]:
    cache = _vector_cache.setdefault(embed, OrderedDict())
    missing = [t for t in dict.fromkeys(texts) if t not in cache]
    if missing:
        for t, v in zip(missing, embed(missing), strict=True):
            cache[t] = np.asarray(v, dtype=np.float32)
    out = {}
    for t in texts:
        cache.move_to_end(t)
        out[t] = cache[t]
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)
    return out


def warm_cache(texts: Sequence[str], embed: EmbedFn) -> None:
    """Embed texts in one batch into the scorer's cache (answers, references, wordings)."""
    _vectors(embed, [t for t in texts if isinstance(t, str)])


def prime_cache(vectors: dict[str, np.ndarray], embed: EmbedFn) -> None:
    """Put vectors that embed() already made (kept on disk, say) into the scorer's cache."""
    cache = _vector_cache.setdefault(embed, OrderedDict())
    for text, vector in vectors.items():
        cache[text] = np.asarray(vector, dtype=np.float32)
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)


def _ngrams(words: list[str], n: int) -> list[str]:
    return [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]


def _concept_credit(
    concepts: Sequence[Concept],
    answer_stems: list[str],
    answer_words: list[str],
    asked: set[str],
    embed: EmbedFn,
    soft_low: float,
) -> list[float]:
    """Credit each concept: 1 for a wording in the answer, partial for a near-synonym."""
    credit: list[float] = []
    pending: list[tuple[int, list[str]]] = []
    for i, concept in enumerate(concepts):
        exact = False
        for wording in concept.accept:
            stems = tx.phrase_stems(wording)
            # Words the question already used do not show knowledge of the concept.
            if stems and not set(stems) <= asked and tx.contains_phrase(answer_stems, stems):
                exact = True
                break
        credit.append(1.0 if exact else 0.0)
        if not exact:
            pending.append((i, [w for w in concept.accept if tx.tokens(w)]))
    if not pending or not answer_words:
        return credit
    new_words = [w for w in answer_words if tx.stem(w) not in asked] or answer_words
    lengths = {min(3, len(tx.tokens(w))) for _, ws in pending for w in ws}
    grams = {n: _ngrams(new_words, n) for n in lengths}
    wordings = [w for _, ws in pending for w in ws]
    vecs = _vectors(embed, wordings + [g for gs in grams.values() for g in gs])
    for i, ws in pending:
        best = 0.0
        for w in ws:
            gs = grams.get(min(3, len(tx.tokens(w)))) or []
            if gs:
                best = max(best, float(np.max(np.stack([vecs[g] for g in gs]) @ vecs[w])))
        credit[i] = float(np.clip((best - soft_low) / (1.0 - soft_low), 0.0, 1.0))
    return credit


def answer_features(
    question: str,
    reference: str,
    answer: str,
    *,
    embed: EmbedFn,
    concepts: Sequence[Concept] | None = None,
    behavioral: bool = False,
    soft_low: float = WEIGHTS.soft_low,
) -> Features:
    """Measure an answer against a question and its reference, ready for blend()."""
    answer = validate_answer(answer)
    concepts = list(concepts) if concepts else derive_concepts(reference, question)
    asked = set(tx.content_stems(question))
    answer_words = tx.content_tokens(answer)
    answer_stems = [tx.stem(w) for w in answer_words]
    distinct = set(answer_stems)
    new = distinct - asked
    vecs = _vectors(embed, [answer, reference])
    cosine = float(vecs[answer] @ vecs[reference])
    credit = _concept_credit(concepts, answer_stems, answer_words, asked, embed, soft_low)
    dont_know = bool(_DONT_KNOW.search(answer)) and len(new - _DONT_KNOW_WORDS) < 4
    return Features(
        cosine=cosine,
        concept_credit=tuple(credit),
        novelty=len(new) / len(distinct) if distinct else 0.0,
        new_words=len(new),
        reference_words=len(set(tx.content_stems(reference)) - asked),
        dont_know=dont_know,
        star=star_signals(answer) if behavioral else {},
    )


def blend(features: Features, weights: Weights = WEIGHTS) -> dict[str, float]:
    """Combine features into the score and its parts (semantic, coverage, length, star)."""
    w = weights
    semantic = float(np.clip((features.cosine - w.cos_low) / (w.cos_high - w.cos_low), 0, 1))
    # Parroting: only what the answer adds to the question earns semantic credit.
    semantic *= min(1.0, features.novelty / w.novelty_full)
    credit = features.concept_credit
    coverage = sum(credit) / len(credit) if credit else semantic
    coverage_part = min(1.0, coverage / w.coverage_full)
    # Concept credit is not scaled down by a low similarity: on the dev grades, answers with
    # the right terms in an unusual phrasing earn partial credit from people too (scaling it
    # below cosine 0.17 cost 0.012 of r).
    base = w.semantic * semantic + (1 - w.semantic) * coverage_part
    # A one-liner against a paragraph-long reference cannot hold the whole answer.
    need = max(2.0, w.short_ratio * features.reference_words)
    length = min(1.0, features.new_words / need) ** 0.5
    score = base * length
    parts = {"semantic": semantic, "coverage": coverage, "length": length}
    if features.star:
        star = sum(features.star.values()) / len(features.star)
        # STAR structure earns credit only in a story about the question asked.
        score = (1 - w.star) * score + w.star * star * min(1.0, 2 * semantic) * length
        parts["star"] = star
    if features.dont_know:
        score = min(score, 0.05)
    parts["score"] = float(np.clip(score, 0.0, 1.0))
    return parts


def _feedback(
    parts: dict[str, float], features: Features, missed: list[str], weights: Weights
) -> list[str]:
    score = parts["score"]
    notes: list[str] = []
    if features.dont_know:
        return ["You said you do not know: read the reference answer, then try again later."]
    if features.novelty < weights.novelty_full:
        notes.append("Your answer mostly restates the question; say what you know beyond it.")
    if parts["length"] < 0.8:
        notes.append("Your answer is very short: explain how and why, with an example.")
    if features.cosine < weights.cos_low + 0.1 and parts["coverage"] < 0.2:
        notes.append("Your answer does not seem to address this question.")
    if score >= 0.75:
        notes.insert(0, "Strong answer.")
    elif score >= 0.45:
        notes.insert(0, "A partial answer.")
    else:
        notes.insert(0, "A weak answer.")
    if missed:
        shown = ", ".join(missed[:5])
        notes.append(f"Cover also: {shown}.")
    elif features.concept_credit:
        notes.append("You covered every key concept.")
    for part, present in features.star.items():
        if not present:
            notes.append(_STAR_ADVICE[part])
    return notes


def score_answer(
    question: str,
    reference: str,
    answer: str,
    *,
    embed: EmbedFn,
    concepts: Sequence[Concept] | None = None,
    behavioral: bool = False,
    weights: Weights = WEIGHTS,
) -> ScoreResult:
    """Score an answer in [0, 1] against the reference and key concepts, with feedback."""
    concepts = list(concepts) if concepts else derive_concepts(reference, question)
    features = answer_features(
        question,
        reference,
        answer,
        embed=embed,
        concepts=concepts,
        behavioral=behavioral,
        soft_low=weights.soft_low,
    )
    parts = blend(features, weights)
    covered = [
        c.name for c, v in zip(concepts, features.concept_credit, strict=True) if v >= COVERED_AT
    ]
    missed = [
        c.name for c, v in zip(concepts, features.concept_credit, strict=True) if v < COVERED_AT
    ]
    return ScoreResult(
        score=round(parts["score"], 4),
        concepts_covered=covered,
        concepts_missed=missed,
        feedback=_feedback(parts, features, missed, weights),
        details={k: round(v, 4) for k, v in parts.items()},
    )
