import { describe, expect, it } from "vitest";
import { readHistory, readResult, readSession, readSummary } from "./interview";

describe("interview readers", () => {
  it("read a session whichever spelling the server uses", () => {
    const session = readSession({
      success: true,
      session: {
        id: 7,
        kind: "mock",
        questions: [
          { id: "q-1", question: "Why Go?", topic: "Go", difficulty: "mid" },
          {
            question_id: "q-2",
            text: "Tell me about Acme",
            source: { excerpt: "At Acme I led..." },
          },
        ],
      },
    });
    expect(session.id).toBe("7");
    expect(session.questions.map((q) => [q.id, q.text, q.source])).toEqual([
      ["q-1", "Why Go?", null],
      ["q-2", "Tell me about Acme", "At Acme I led..."],
    ]);
  });
  it("read a scored answer and clamp the score", () => {
    const result = readResult({
      success: true,
      result: {
        score: 1.3,
        concepts_covered: ["index"],
        concepts_missed: [{ concept: "B-tree" }],
        feedback: "Good",
        reference_answer: "An index...",
        topic: "SQL",
        mastery: { level: 0.42 },
      },
    });
    expect(result).toMatchObject({
      score: 1,
      conceptsCovered: ["index"],
      conceptsMissed: ["B-tree"],
      masteryLevel: 0.42,
    });
  });
  it("read a summary with mastery changes as a map, and average the scores", () => {
    const summary = readSummary({
      summary: {
        scores: [
          { question_id: "q1", score: 0.5 },
          { question_id: "q2", score: null },
          { question_id: "q3", score: 0.9 },
        ],
        strongest_topics: ["Go"],
        weakest_topics: ["SQL"],
        concepts_to_review: ["B-tree"],
        mastery_change: { Go: { before: 0.3, after: 0.5 } },
      },
    });
    expect(summary.average).toBeCloseTo(0.7);
    expect(summary.masteryChange).toEqual([{ topic: "Go", before: 0.3, after: 0.5 }]);
    expect(summary.weakest).toEqual(["SQL"]);
  });
  it("read a history page", () => {
    const page = readHistory(
      {
        attempts: [{ id: 3, question: { text: "Q?", topic: "Go" }, answer: "A", score: 0.4 }],
        page: 2,
        pages: 5,
      },
      2,
    );
    expect(page).toEqual({
      items: [
        { id: "3", question: "Q?", answer: "A", score: 0.4, feedback: "", topic: "Go", at: null },
      ],
      page: 2,
      pages: 5,
    });
    expect(readHistory({}, 1)).toEqual({ items: [], page: 1, pages: 1 });
  });
});
