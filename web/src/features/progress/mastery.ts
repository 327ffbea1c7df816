import type { HistoryItem, MasteryRow } from "../../api/interview";

/** Sort topics weakest first, the order the next technical set practises them in. */
export function weakestFirst(rows: MasteryRow[]): MasteryRow[] {
  return [...rows].sort((a, b) => a.level - b.level || a.topic.localeCompare(b.topic));
}

/** Describe a topic's trend as a word and an arrow. */
export function trendWord(row: MasteryRow): { word: string; arrow: string } {
  let word = row.trendLabel?.toLowerCase() ?? "";
  if (!word && row.trend.length >= 2) {
    const delta = row.trend[row.trend.length - 1] - row.trend[0];
    word = Math.abs(delta) < 0.05 ? "steady" : delta > 0 ? "up" : "down";
  }
  if (["up", "improving", "rising"].includes(word)) return { word: "improving", arrow: "↑" };
  if (["down", "declining", "falling"].includes(word)) return { word: "declining", arrow: "↓" };
  if (["flat", "steady", "stable"].includes(word)) return { word: "steady", arrow: "→" };
  if (word === "new") return { word: "new", arrow: "·" };
  return { word: "not enough attempts", arrow: "·" };
}

/** Tell whether a topic is due for practice at `now`. */
export function isDue(row: MasteryRow, now: Date): boolean {
  if (!row.due) return false;
  const due = new Date(row.due);
  return !Number.isNaN(due.getTime()) && due.getTime() <= now.getTime();
}

/** Format a date-time for the table, or a dash. */
export function shortDate(value: string | null): string {
  if (!value) return "–";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString();
}

/** The points of one topic's trend chart, numbered from the first attempt. */
export function trendPoints(row: MasteryRow): { attempt: number; score: number }[] {
  return row.trend.map((score, i) => ({ attempt: i + 1, score }));
}

/** The points of a topic's chart from its past answers (the API lists them newest first). */
export function historyPoints(items: HistoryItem[]): { attempt: number; score: number }[] {
  return [...items].reverse().map((item, i) => ({ attempt: i + 1, score: item.score }));
}
