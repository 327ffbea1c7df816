// The interview practice API (issue 9): sessions, scored answers, mastery, history, the PDF report.
// Every type comes from the generated OpenAPI schema, so a change to the contract breaks the build.
import { client, type Ok } from "./endpoints";
import type { components } from "./schema";

type Schemas = components["schemas"];
export type Kind = Schemas["SessionIn"]["kind"];
export type Difficulty = NonNullable<Schemas["SessionIn"]["difficulty"]>;
export type Question = Schemas["SessionQuestionOut"];
export type PracticeSession = Schemas["SessionDetail"];
export type AnswerResult = Schemas["AnswerResult"];
export type SessionSummary = Schemas["SummaryOut"];
export type TopicScore = Schemas["TopicScoreOut"];
export type MasteryRow = Schemas["MasteryOut"];
export type HistoryPage = Schemas["HistoryOut"];
export type HistoryItem = Schemas["AttemptOut"];

// `satisfies` keeps these lists honest: a kind the server drops fails the type check.
export const KINDS = [
  "mock",
  "technical",
  "resume",
  "behavioral",
  "role",
] as const satisfies readonly Kind[];
export const DIFFICULTIES = ["entry", "mid", "senior"] as const satisfies readonly Difficulty[];

// Keys of a question's `source` that say what it is about, most telling first; the rest are ids.
const SOURCE_KEYS = ["excerpt", "responsibility", "job", "project", "internship", "about"];

/** Say in a few words what a resume, behavioural or role question is about, or null. */
export function sourceLabel(source: Question["source"]): string | null {
  if (!source) return null;
  for (const key of SOURCE_KEYS) {
    const value = source[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return null;
}

/** Parse a server time; one without a zone is UTC (the history's naive stamps are). */
export function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Map topic slugs to their display names from the mastery list. */
export function topicNames(rows: MasteryRow[] | undefined): (topic: string) => string {
  const names = new Map((rows ?? []).map((r) => [r.topic, r.name]));
  return (topic) => names.get(topic) ?? topic;
}

export const interview = {
  startSession: async (kind: Kind, count: number, difficulty?: Difficulty) =>
    (
      await client.request<Ok<"/api/interview/sessions", "post">>(
        "POST",
        "/api/interview/sessions",
        { json: { kind, count, ...(difficulty ? { difficulty } : {}) } },
      )
    ).session,
  answer: async (questionId: string, answer: string, sessionId?: number) =>
    (
      await client.request<Ok<"/api/interview/answer", "post">>("POST", "/api/interview/answer", {
        json: { question_id: questionId, answer, ...(sessionId ? { session_id: sessionId } : {}) },
      })
    ).result,
  finish: async (sessionId: number) =>
    (
      await client.request<Ok<"/api/interview/sessions/{session_id}/finish", "post">>(
        "POST",
        `/api/interview/sessions/${sessionId}/finish`,
      )
    ).summary,
  mastery: async () =>
    (await client.request<Ok<"/api/mastery", "get">>("GET", "/api/mastery")).topics,
  history: (page: number, perPage = 10, topic?: string) =>
    client.request<Ok<"/api/interview/history", "get">>("GET", "/api/interview/history", {
      query: { page, per_page: perPage, topic },
    }),
  report: () => client.request<Blob>("GET", "/api/report"),
};
