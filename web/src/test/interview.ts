// Interview API answers shaped as the real server sends them (recorded from a run against
// ../shared/eval/dev/012.pdf), typed by the generated schema so that they cannot drift.
import type {
  AnswerResult,
  HistoryItem,
  MasteryRow,
  PracticeSession,
  Question,
  SessionSummary,
} from "../api/interview";

export const INTERVIEW_PATHS = {
  paths: {
    "/api/interview/sessions": {},
    "/api/interview/answer": {},
    "/api/mastery": {},
    "/api/interview/history": {},
  },
};

/** A session question, unanswered. */
export function question(id: string, text: string, topic: string): Question {
  return {
    id,
    kind: "technical",
    topic,
    difficulty: "mid",
    question: text,
    source: null,
    answered: false,
    result: null,
  };
}

/** An open session of the given questions. */
export function session(id: number, questions: Question[]): PracticeSession {
  return {
    id,
    kind: "technical",
    difficulty: null,
    status: "open",
    created_at: "2026-11-30T10:27:43",
    finished_at: null,
    progress: { total: questions.length, answered: 0, mean_score: null },
    questions,
    summary: null,
  };
}

/** A scored answer with its topic's mastery moving from `before` to `after`. */
export function result(
  questionId: string,
  score: number,
  topic = "sql",
  before: number | null = null,
  after = score,
): AnswerResult {
  return {
    attempt_id: 1,
    question_id: questionId,
    session_id: 11,
    score,
    concepts_covered: ["faster lookups"],
    concepts_missed: ["write cost"],
    feedback: ["A fair answer.", "Cover also: write cost."],
    reference_answer: "An index is a sorted structure...",
    key_concepts: ["faster lookups", "write cost"],
    topic,
    difficulty: "mid",
    mastery: {
      ...masteryRow(topic, topic.toUpperCase(), after, [score]),
      level_before: before,
      change: after - (before ?? 0),
    },
  };
}

/** A mastery row; `recent` are the last scores, oldest first. */
export function masteryRow(
  topic: string,
  name: string,
  level: number,
  recent: number[],
  extra: Partial<MasteryRow> = {},
): MasteryRow {
  return {
    topic,
    name,
    level,
    difficulty: "mid",
    attempts: recent.length,
    trend: recent.length ? "steady" : "new",
    trend_slope: 0,
    recent_scores: recent,
    last_practiced: recent.length ? "2026-11-30T10:28:14.045534+00:00" : null,
    due: recent.length ? "2026-11-30T10:29:14.045534+00:00" : null,
    weak: recent.length > 0 && level < 0.4,
    due_now: recent.length === 0,
    ...extra,
  };
}

/** A finished session's summary. */
export function summary(extra: Partial<SessionSummary> = {}): SessionSummary {
  return {
    questions: 2,
    answered: 2,
    mean_score: 0.565,
    per_question: [
      {
        question_id: "sql-mid-1",
        topic: "sql",
        kind: "technical",
        question: "What does an index do?",
        score: 0.82,
        attempts: 1,
      },
      {
        question_id: "go-mid-1",
        topic: "go",
        kind: "technical",
        question: "What is a goroutine?",
        score: 0.31,
        attempts: 1,
      },
    ],
    topics: [
      { topic: "sql", mean_score: 0.82, answered: 1 },
      { topic: "go", mean_score: 0.31, answered: 1 },
    ],
    strongest_topics: [{ topic: "sql", mean_score: 0.82, answered: 1 }],
    weakest_topics: [{ topic: "go", mean_score: 0.31, answered: 1 }],
    concepts_to_review: [{ topic: "go", concept: "scheduler", question_id: "go-mid-1" }],
    mastery_change: [
      { topic: "sql", before: 0.4, after: 0.55, change: 0.15 },
      { topic: "go", before: null, after: 0.31, change: null },
    ],
    ...extra,
  };
}

/** One past answer. */
export function attempt(id: number, text: string, score: number, topic = "sql"): HistoryItem {
  return {
    id,
    question_id: `${topic}-mid-1`,
    session_id: null,
    kind: "technical",
    topic,
    difficulty: "mid",
    question: text,
    answer: "My answer",
    score,
    concepts_covered: [],
    concepts_missed: [],
    feedback: ["A fair answer."],
    source: null,
    created_at: "2026-11-30T10:28:22.971567",
  };
}
