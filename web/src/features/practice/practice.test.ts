import { describe, expect, it } from "vitest";
import type { AnswerResult, PracticeSession } from "../../api/interview";
import {
  answerProblem,
  answeredCount,
  initialPractice,
  isLast,
  practiceReducer,
  scoreBand,
} from "./practice";

const session: PracticeSession = {
  id: "s1",
  kind: "technical",
  questions: [
    {
      id: "q1",
      text: "What is an index?",
      topic: "SQL",
      difficulty: "entry",
      kind: "technical",
      source: null,
    },
    {
      id: "q2",
      text: "Explain a goroutine.",
      topic: "Go",
      difficulty: "entry",
      kind: "technical",
      source: null,
    },
  ],
};
const result = (score: number): AnswerResult => ({
  score,
  conceptsCovered: ["lookup"],
  conceptsMissed: [],
  feedback: "ok",
  referenceAnswer: "ref",
  topic: "SQL",
  masteryLevel: 0.5,
});

describe("practiceReducer", () => {
  it("walks through the questions and finishes with a summary", () => {
    let state = practiceReducer(initialPractice, { type: "started", session });
    expect(state).toMatchObject({ step: "answering", index: 0 });
    expect(isLast(state)).toBe(false);
    state = practiceReducer(state, { type: "scored", result: result(0.8) });
    expect(state.step).toBe("reviewing");
    expect(answeredCount(state)).toBe(1);
    state = practiceReducer(state, { type: "next" });
    expect(state).toMatchObject({ step: "answering", index: 1 });
    expect(isLast(state)).toBe(true);
    state = practiceReducer(state, { type: "scored", result: result(0.2) });
    // No question after the last one: "next" changes nothing, "finished" ends.
    expect(practiceReducer(state, { type: "next" })).toBe(state);
    const summary = {
      scores: [],
      strongest: ["SQL"],
      weakest: ["Go"],
      conceptsToReview: [],
      masteryChange: [],
      average: 0.5,
    };
    state = practiceReducer(state, { type: "finished", summary });
    expect(state.step).toBe("summary");
    expect(answeredCount(state)).toBe(2);
    expect(practiceReducer(state, { type: "restart" })).toEqual(initialPractice);
  });

  it("ignores a session with no questions and out-of-step actions", () => {
    expect(
      practiceReducer(initialPractice, { type: "started", session: { ...session, questions: [] } }),
    ).toBe(initialPractice);
    expect(practiceReducer(initialPractice, { type: "scored", result: result(1) })).toBe(
      initialPractice,
    );
    const answering = practiceReducer(initialPractice, { type: "started", session });
    expect(practiceReducer(answering, { type: "next" })).toBe(answering);
  });

  it("lets a question be skipped unanswered", () => {
    const answering = practiceReducer(initialPractice, { type: "started", session });
    const skipped = practiceReducer(answering, { type: "skip" });
    expect(skipped).toMatchObject({ step: "answering", index: 1 });
    expect(answeredCount(skipped)).toBe(0);
  });
});

describe("answerProblem", () => {
  it("refuses blank and overlong answers", () => {
    expect(answerProblem("   ")).toBe("Write an answer first.");
    expect(answerProblem("x".repeat(20001))).toMatch(/under 20,000/);
    expect(answerProblem("An index is a sorted lookup structure.")).toBeNull();
  });
});

describe("scoreBand", () => {
  it("bands scores", () => {
    expect([0.9, 0.7, 0.5, 0.39, 0].map(scoreBand)).toEqual([
      "strong",
      "strong",
      "fair",
      "weak",
      "weak",
    ]);
  });
});
