import type { JobFit } from "../../api/endpoints";
import type { Chip } from "../../components/Chips";
import type { Score } from "../../components/ScoreChart";

/** Score experience as the server does: the share of the required years, 1 when none are asked. */
export function experienceScore(fit: Pick<JobFit, "required_years" | "candidate_years">): number {
  const required = fit.required_years ?? null;
  if (required === null || required <= 0) return 1;
  const years = Math.max(0, fit.candidate_years ?? 0);
  return Math.min(1, years / required);
}

function clamp(value: unknown): number {
  const n = typeof value === "number" && Number.isFinite(value) ? value : 0;
  return Math.min(1, Math.max(0, n));
}

/** The four fit scores the dashboard draws, each in [0, 1]. */
export function fitScores(fit: JobFit): Score[] {
  const extra = fit as JobFit & { experience_score?: number };
  return [
    { key: "overall", label: "Overall", value: clamp(fit.overall_score ?? fit.semantic_score) },
    { key: "keyword", label: "Keywords", value: clamp(fit.keyword_score) },
    { key: "semantic", label: "Semantic", value: clamp(fit.semantic_score) },
    {
      key: "experience",
      label: "Experience",
      value: clamp(extra.experience_score ?? experienceScore(fit)),
    },
  ];
}

/** Matching and missing skills as chips; required ones are marked when the server says which. */
export function skillChips(fit: JobFit): { matching: Chip[]; missing: Chip[] } {
  const required = new Set((fit.required_skills ?? []).map((s) => s.toLowerCase()));
  const note = (skill: string) => (required.has(skill.toLowerCase()) ? "required" : undefined);
  return {
    matching: fit.matching_skills.map((s) => ({ label: s, tone: "match", note: note(s) })),
    missing: fit.missing_skills.map((s) => ({ label: s, tone: "missing", note: note(s) })),
  };
}

/** Describe the candidate's years against the job's requirement in one sentence. */
export function experienceSentence(fit: JobFit): string {
  const years = fit.candidate_years ?? 0;
  const have = `${years.toFixed(1).replace(/\.0$/, "")} year${years === 1 ? "" : "s"}`;
  if (fit.required_years == null)
    return `You have ${have}; the job does not state a number of years.`;
  const max = fit.required_years_max;
  const asked =
    max != null && max !== fit.required_years
      ? `${fit.required_years}-${max}`
      : `${fit.required_years}+`;
  return `You have ${have}; the job asks for ${asked} years.`;
}

export interface RankedJob<T> {
  rank: number;
  item: T;
  fit: JobFit;
}

/** Rank scored jobs, best overall fit first; ties keep the order they were pasted in. */
export function rankJobs<T>(results: { item: T; fit: JobFit }[]): RankedJob<T>[] {
  return results
    .map((r, index) => ({ ...r, index, score: r.fit.overall_score ?? r.fit.semantic_score }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r, i) => ({ rank: i + 1, item: r.item, fit: r.fit }));
}

/** Read the analysis's parser warnings, whatever their shape (strings or {message}). */
export function parserWarnings(warnings: unknown): string[] {
  if (!Array.isArray(warnings)) return [];
  return warnings
    .map((w) => {
      if (typeof w === "string") return w;
      if (w && typeof w === "object") {
        const o = w as Record<string, unknown>;
        const text = o.message ?? o.text ?? o.detail;
        if (typeof text === "string") return text;
      }
      return "";
    })
    .filter(Boolean);
}

/** A short hint to put under the server's message for an upload failure. */
export function uploadHint(status: number): string | null {
  switch (status) {
    case 413:
      return "Choose a smaller file (at most 10 MB).";
    case 415:
      return "Upload a PDF (.pdf) or Word document (.docx).";
    case 422:
      return "Check the file opens, is not password-protected and contains text (not a scan).";
    case 429:
      return "Wait a minute before trying again.";
    case 0:
      return null;
    default:
      return null;
  }
}

export const ACCEPTED =
  ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
