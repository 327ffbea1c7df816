// The practice loop as a reducer: pick a kind, answer one question at a time, see each result,
// finish and see the summary. Pure, so that the flow is tested without a server.
import type { AnswerResult, PracticeSession, SessionSummary } from "../../api/interview";

export type PracticeState =
  | { step: "setup" }
  | { step: "answering"; session: PracticeSession; index: number; results: (AnswerResult | null)[] }
  | { step: "reviewing"; session: PracticeSession; index: number; results: (AnswerResult | null)[] }
  | {
      step: "summary";
      session: PracticeSession;
      results: (AnswerResult | null)[];
      summary: SessionSummary;
    };

export type PracticeAction =
  | { type: "started"; session: PracticeSession }
  | { type: "scored"; result: AnswerResult }
  | { type: "next" }
  | { type: "skip" }
  | { type: "finished"; summary: SessionSummary }
  | { type: "restart" };

export const initialPractice: PracticeState = { step: "setup" };

/** Advance the practice flow; actions that do not fit the current step change nothing. */
export function practiceReducer(state: PracticeState, action: PracticeAction): PracticeState {
  switch (action.type) {
    case "started":
      if (action.session.questions.length === 0) return state;
      return {
        step: "answering",
        session: action.session,
        index: 0,
        results: action.session.questions.map(() => null),
      };
    case "scored": {
      if (state.step !== "answering") return state;
      const results = [...state.results];
      results[state.index] = action.result;
      return { ...state, step: "reviewing", results };
    }
    case "next":
    case "skip": {
      const from = action.type === "next" ? "reviewing" : "answering";
      if (state.step !== from) return state;
      if (state.index + 1 >= state.session.questions.length) return state;
      return { ...state, step: "answering", index: state.index + 1 };
    }
    case "finished":
      if (state.step === "setup" || state.step === "summary") return state;
      return {
        step: "summary",
        session: state.session,
        results: state.results,
        summary: action.summary,
      };
    case "restart":
      return initialPractice;
  }
}

/** Tell whether the current question is the session's last one. */
export function isLast(state: PracticeState): boolean {
  return (
    (state.step === "answering" || state.step === "reviewing") &&
    state.index === state.session.questions.length - 1
  );
}

/** Count the questions answered so far. */
export function answeredCount(state: PracticeState): number {
  return state.step === "setup" ? 0 : state.results.filter(Boolean).length;
}

// The server's limit (interview/scoring.py MAX_ANSWER_CHARS); it answers 422 beyond it anyway.
export const MAX_ANSWER = 4000;

/** Say why an answer cannot be sent yet, or null when it can. */
export function answerProblem(answer: string): string | null {
  const text = answer.trim();
  if (!text) return "Write an answer first.";
  if (text.length > MAX_ANSWER)
    return `Keep the answer under ${MAX_ANSWER.toLocaleString()} characters.`;
  return null;
}

/** Describe a score in words for the result card. */
export function scoreBand(score: number): "strong" | "fair" | "weak" {
  if (score >= 0.7) return "strong";
  if (score >= 0.4) return "fair";
  return "weak";
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** Describe a topic's mastery change in one line; `before` is null on its first attempt. */
export function masteryLine(topic: string, before: number | null, after: number | null): string {
  if (after === null) return `${topic}: not practised yet.`;
  if (before === null) return `${topic}: first attempt, mastery now ${pct(after)}.`;
  const delta = Math.round((after - before) * 100);
  const change = delta === 0 ? "no change" : `${delta > 0 ? "+" : "−"}${Math.abs(delta)} points`;
  return `${topic}: ${pct(before)} → ${pct(after)} (${change}).`;
}
