// The interview practice API (issue 9). Its routes are not in schema.d.ts until that branch is
// merged and the types regenerated, so these types follow the contract and the readers
// below accept the spellings it leaves open (e.g. `question` or `text`). After regenerating,
// replace the hand-written types with components["schemas"][...] ones.
import { client } from "./endpoints";

export const KINDS = ["mock", "technical", "resume", "behavioral", "role"] as const;
export type Kind = (typeof KINDS)[number];
export const DIFFICULTIES = ["entry", "mid", "senior"] as const;

export interface Question {
  id: string;
  text: string;
  topic: string | null;
  difficulty: string | null;
  kind: string | null;
  source: string | null;
}

export interface AnswerResult {
  score: number;
  conceptsCovered: string[];
  conceptsMissed: string[];
  feedback: string;
  referenceAnswer: string;
  topic: string | null;
  masteryLevel: number | null;
}

export interface PracticeSession {
  id: string;
  kind: string;
  questions: Question[];
}

export interface TopicChange {
  topic: string;
  before: number | null;
  after: number | null;
}

export interface SessionSummary {
  scores: { questionId: string; question: string; score: number | null; topic: string | null }[];
  strongest: string[];
  weakest: string[];
  conceptsToReview: string[];
  masteryChange: TopicChange[];
  average: number | null;
}

export interface MasteryRow {
  topic: string;
  level: number;
  attempts: number;
  trend: number[];
  trendLabel: string | null;
  lastPractised: string | null;
  due: string | null;
}

export interface HistoryItem {
  id: string;
  question: string;
  answer: string;
  score: number;
  feedback: string;
  topic: string | null;
  at: string | null;
}

export interface HistoryPage {
  items: HistoryItem[];
  page: number;
  pages: number;
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .map((x) => (typeof x === "string" ? x : (str(obj(x).concept) ?? str(obj(x).name) ?? "")))
        .filter(Boolean)
    : [];
const first = (o: Obj, ...keys: string[]) => keys.map((k) => o[k]).find((v) => v !== undefined);

/** Read one question as the server sends it. */
export function readQuestion(raw: unknown): Question {
  const o = obj(raw);
  const source = obj(first(o, "source", "cites", "citation"));
  return {
    id: str(first(o, "id", "question_id")) ?? "",
    text: str(first(o, "question", "text", "prompt")) ?? "",
    topic: str(o.topic),
    difficulty: str(first(o, "difficulty", "level")),
    kind: str(o.kind),
    source: str(first(source, "excerpt", "title", "section")) ?? str(o.source),
  };
}

/** Read a practice session from its create or read answer. */
export function readSession(raw: unknown): PracticeSession {
  const o = obj(first(obj(raw), "session") ?? raw);
  const questions = first(o, "questions", "items");
  return {
    id: str(first(o, "id", "session_id")) ?? "",
    kind: str(o.kind) ?? "",
    questions: Array.isArray(questions) ? questions.map(readQuestion) : [],
  };
}

/** Read the scored answer. */
export function readResult(raw: unknown): AnswerResult {
  const o = obj(first(obj(raw), "result") ?? raw);
  const mastery = o.mastery;
  return {
    score: Math.min(1, Math.max(0, num(o.score) ?? 0)),
    conceptsCovered: strings(o.concepts_covered),
    conceptsMissed: strings(o.concepts_missed),
    feedback: str(o.feedback) ?? "",
    referenceAnswer: str(first(o, "reference_answer", "reference")) ?? "",
    topic: str(o.topic),
    masteryLevel: num(mastery) ?? num(obj(mastery).level),
  };
}

function readChanges(v: unknown): TopicChange[] {
  if (Array.isArray(v)) {
    return v.map((x) => {
      const o = obj(x);
      return {
        topic: str(o.topic) ?? "",
        before: num(first(o, "before", "level_before", "from")),
        after: num(first(o, "after", "level_after", "to", "level")),
      };
    });
  }
  // {"Python": {"before": .4, "after": .6}} or {"Python": 0.2} (a delta)
  return Object.entries(obj(v)).map(([topic, x]) => {
    const o = obj(x);
    const delta = num(x);
    return {
      topic,
      before: num(first(o, "before", "from")) ?? (delta !== null ? 0 : null),
      after: num(first(o, "after", "to")) ?? delta,
    };
  });
}

/** Read a finished session's summary. */
export function readSummary(raw: unknown): SessionSummary {
  const o = obj(first(obj(raw), "summary") ?? raw);
  const perQuestion = first(o, "scores", "questions", "per_question", "answers");
  const scores = Array.isArray(perQuestion)
    ? perQuestion.map((x) => {
        const q = obj(x);
        return {
          questionId: str(first(q, "question_id", "id")) ?? "",
          question: str(first(q, "question", "text")) ?? "",
          score: num(q.score),
          topic: str(q.topic),
        };
      })
    : [];
  const answered = scores.map((s) => s.score).filter((s): s is number => s !== null);
  return {
    scores,
    strongest: strings(first(o, "strongest_topics", "strongest")),
    weakest: strings(first(o, "weakest_topics", "weakest")),
    conceptsToReview: strings(first(o, "concepts_to_review", "review")),
    masteryChange: readChanges(first(o, "mastery_change", "mastery_changes")),
    average:
      num(first(o, "average_score", "average", "score")) ??
      (answered.length ? answered.reduce((a, b) => a + b, 0) / answered.length : null),
  };
}

/** Read one mastery row; the trend may be a list of recent scores or a word. */
export function readMastery(raw: unknown): MasteryRow {
  const o = obj(raw);
  const trend = o.trend;
  const series = Array.isArray(trend)
    ? trend
        .map((t) => num(t) ?? num(obj(t).score) ?? num(obj(t).level))
        .filter((t): t is number => t !== null)
    : [];
  return {
    topic: str(o.topic) ?? "",
    level: num(first(o, "level", "mastery", "score")) ?? 0,
    attempts: num(first(o, "attempts", "count")) ?? 0,
    trend: series,
    trendLabel:
      typeof trend === "string"
        ? trend
        : typeof trend === "number"
          ? trend >= 0
            ? "up"
            : "down"
          : null,
    lastPractised: str(first(o, "last_practised", "last_practiced", "last_attempt_at")),
    due: str(first(o, "due", "due_at", "next_due", "due_date")),
  };
}

/** Read a page of past attempts. */
export function readHistory(raw: unknown, page: number): HistoryPage {
  const o = obj(raw);
  const list = first(o, "attempts", "history", "items", "results");
  const items = (Array.isArray(list) ? list : []).map((x, i) => {
    const a = obj(x);
    const q = first(a, "question", "question_text");
    return {
      id: str(a.id) ?? String(i),
      question: str(q) ?? str(obj(q).question) ?? str(obj(q).text) ?? "",
      answer: str(a.answer) ?? "",
      score: num(a.score) ?? 0,
      feedback: str(a.feedback) ?? "",
      topic: str(a.topic) ?? str(obj(q).topic),
      at: str(first(a, "created_at", "answered_at", "at")),
    };
  });
  const pages =
    num(first(o, "pages", "total_pages")) ?? (num(first(o, "has_next", "next")) ? page + 1 : page);
  return { items, page: num(o.page) ?? page, pages: Math.max(pages, 1) };
}

export const interview = {
  startSession: async (kind: Kind, count: number, difficulty?: string) =>
    readSession(
      await client.request("POST", "/api/interview/sessions", {
        json: { kind, count, ...(difficulty ? { difficulty } : {}) },
      }),
    ),
  answer: async (questionId: string, answer: string, sessionId?: string) =>
    readResult(
      await client.request("POST", "/api/interview/answer", {
        json: { question_id: questionId, answer, ...(sessionId ? { session_id: sessionId } : {}) },
      }),
    ),
  finish: async (sessionId: string) =>
    readSummary(
      await client.request(
        "POST",
        `/api/interview/sessions/${encodeURIComponent(sessionId)}/finish`,
      ),
    ),
  mastery: async () => {
    const raw = obj(await client.request("GET", "/api/mastery"));
    const list = first(raw, "mastery", "topics", "items");
    return (Array.isArray(list) ? list : []).map(readMastery);
  },
  history: async (page: number, topic?: string) =>
    readHistory(
      await client.request("GET", "/api/interview/history", { query: { page, topic } }),
      page,
    ),
  report: () => client.request<Blob>("GET", "/api/report"),
};
