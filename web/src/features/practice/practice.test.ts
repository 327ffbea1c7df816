import { describe, expect, it } from "vitest";
import {
  question,
  result as scored,
  session as makeSession,
  summary as makeSummary,
} from "../../test/interview";
import {
  answerProblem,
  answeredCount,
  initialPractice,
  isLast,
  masteryLine,
  practiceReducer,
  scoreBand,
} from "./practice";

const session = makeSession(11, [
  question("sql-mid-1", "What is an index?", "sql"),
  question("go-mid-1", "Explain a goroutine.", "go"),
]);
const result = (score: number) => scored("sql-mid-1", score);

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
    const summary = makeSummary();
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
    expect(answerProblem("x".repeat(4001))).toMatch(/under 4,000/);
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

describe("masteryLine", () => {
  it("words a first attempt, a rise, a fall and no change", () => {
    expect(masteryLine("CI/CD", null, 0.0154)).toBe("CI/CD: first attempt, mastery now 2%.");
    expect(masteryLine("SQL", 0.4, 0.55)).toBe("SQL: 40% → 55% (+15 points).");
    expect(masteryLine("Go", 0.6, 0.3)).toBe("Go: 60% → 30% (−30 points).");
    expect(masteryLine("Go", 0.5, 0.501)).toBe("Go: 50% → 50% (no change).");
    expect(masteryLine("Go", null, null)).toBe("Go: not practised yet.");
  });
});
