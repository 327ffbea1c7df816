import { describe, expect, it } from "vitest";
import { masteryRow } from "../../test/interview";
import { clampPage, dueText, practised, shortDate, trendPoints, trendWord } from "./mastery";

describe("mastery helpers", () => {
  it("word the server's trend with an arrow", () => {
    const words = (["improving", "declining", "steady", "new"] as const).map((trend) =>
      trendWord(masteryRow("go", "Go", 0.5, [0.5], { trend })),
    );
    expect(words).toEqual([
      { word: "improving", arrow: "↑" },
      { word: "declining", arrow: "↓" },
      { word: "steady", arrow: "→" },
      { word: "new", arrow: "·" },
    ]);
  });
  it("say when a topic is due", () => {
    expect(dueText(masteryRow("go", "Go", 0, []))).toBe("not started");
    expect(dueText(masteryRow("go", "Go", 0.3, [0.3], { due_now: true }))).toBe("due now");
    const later = masteryRow("go", "Go", 0.3, [0.3], { due: "2026-12-24T10:00:00+00:00" });
    expect(dueText(later)).toBe(new Date("2026-12-24T10:00:00Z").toLocaleDateString());
    expect(shortDate(null)).toBe("–");
  });
  it("chart the recent scores numbered by attempt, and only practised topics", () => {
    const row = masteryRow("sql", "SQL", 0.6, [0.4, 0.5, 0.8], { attempts: 7 });
    expect(trendPoints(row)).toEqual([
      { attempt: 5, score: 0.4 },
      { attempt: 6, score: 0.5 },
      { attempt: 7, score: 0.8 },
    ]);
    const rows = [masteryRow("go", "Go", 0, []), row];
    expect(practised(rows).map((r) => r.topic)).toEqual(["sql"]);
  });
  it("keep page numbers in range", () => {
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(5, 3)).toBe(3);
    expect(clampPage(2, 0)).toBe(1);
  });
});
