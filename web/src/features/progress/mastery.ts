import { parseTime, type MasteryRow } from "../../api/interview";

const TRENDS: Record<MasteryRow["trend"], { word: string; arrow: string }> = {
  improving: { word: "improving", arrow: "↑" },
  declining: { word: "declining", arrow: "↓" },
  steady: { word: "steady", arrow: "→" },
  new: { word: "new", arrow: "·" },
};

/** Describe a topic's trend (the server's word for its recent scores) with an arrow. */
export function trendWord(row: MasteryRow): { word: string; arrow: string } {
  return TRENDS[row.trend] ?? { word: row.trend, arrow: "·" };
}

/** Say when a topic is next due: never practised, due now, or its review date. */
export function dueText(row: MasteryRow): string {
  if (row.attempts === 0) return "not started";
  if (row.due_now) return "due now";
  return shortDate(row.due);
}

/** Format a server date-time as a local date, or a dash. */
export function shortDate(value: string | null): string {
  const date = parseTime(value);
  return date ? date.toLocaleDateString() : "–";
}

/** Keep the topics with at least one answer: only they have a trend to chart. */
export function practised(rows: MasteryRow[]): MasteryRow[] {
  return rows.filter((r) => r.attempts > 0 && r.recent_scores.length > 0);
}

/** The points of one topic's trend chart: its recent scores, oldest first, numbered. */
export function trendPoints(row: MasteryRow): { attempt: number; score: number }[] {
  const first = row.attempts - row.recent_scores.length + 1;
  return row.recent_scores.map((score, i) => ({ attempt: first + i, score }));
}

/** Clamp a page number into 1..pages (an empty history still has page 1). */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(1, page), Math.max(1, pages));
}
