import { describe, expect, it } from "vitest";
import { readMastery } from "../../api/interview";
import { historyPoints, isDue, trendPoints, trendWord, weakestFirst } from "./mastery";

const row = (topic: string, level: number, trend: unknown = [], due: string | null = null) =>
  readMastery({ topic, level, attempts: 3, trend, due });

describe("mastery helpers", () => {
  it("puts the weakest topics first, then by name", () => {
    expect(
      weakestFirst([row("Go", 0.6), row("SQL", 0.2), row("AWS", 0.6)]).map((r) => r.topic),
    ).toEqual(["SQL", "AWS", "Go"]);
  });
  it("reads the trend from a word or from the recent scores", () => {
    expect(trendWord(row("a", 0, "up")).word).toBe("improving");
    expect(trendWord(row("a", 0, [0.8, 0.5, 0.3])).word).toBe("declining");
    expect(trendWord(row("a", 0, [0.5, 0.52])).word).toBe("steady");
    expect(trendWord(row("a", 0, [0.5])).word).toBe("not enough attempts");
    expect(trendWord(row("a", 0, "new")).word).toBe("new");
    expect(trendPoints(row("a", 0, [{ score: 0.4 }, 0.6]))).toEqual([
      { attempt: 1, score: 0.4 },
      { attempt: 2, score: 0.6 },
    ]);
  });
  it("tells due topics", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    expect(isDue(row("a", 0, [], "2026-06-01T11:00:00Z"), now)).toBe(true);
    expect(isDue(row("a", 0, [], "2026-06-02T00:00:00Z"), now)).toBe(false);
    expect(isDue(row("a", 0, [], "not a date"), now)).toBe(false);
    expect(isDue(row("a", 0), now)).toBe(false);
  });
});

describe("historyPoints", () => {
  it("charts past answers oldest first", () => {
    const item = (score: number) => ({
      id: String(score),
      question: "q",
      answer: "a",
      score,
      feedback: "",
      topic: "Go",
      at: null,
    });
    expect(historyPoints([item(0.9), item(0.5), item(0.2)])).toEqual([
      { attempt: 1, score: 0.2 },
      { attempt: 2, score: 0.5 },
      { attempt: 3, score: 0.9 },
    ]);
  });
});
