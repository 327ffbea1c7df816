import { describe, expect, it } from "vitest";
import type { JobFit } from "../../api/endpoints";
import {
  experienceScore,
  experienceSentence,
  fitScores,
  parserWarnings,
  rankJobs,
  skillChips,
  uploadHint,
} from "./scores";

const base: JobFit = {
  keyword_score: 0.5,
  semantic_score: 0.62,
  matching_skills: ["Python", "SQL"],
  missing_skills: ["Kafka", "Go"],
  experience_fit: "Good fit",
  required_years: 5,
  candidate_years: 2.5,
  overall_score: 0.58,
};

describe("experienceScore", () => {
  it("is the share of the required years, capped at 1", () => {
    expect(experienceScore({ required_years: 5, candidate_years: 2.5 })).toBe(0.5);
    expect(experienceScore({ required_years: 3, candidate_years: 9 })).toBe(1);
  });
  it("is 1 when the job states no years", () => {
    expect(experienceScore({ required_years: null, candidate_years: 0 })).toBe(1);
  });
  it("never goes below 0", () => {
    expect(experienceScore({ required_years: 4, candidate_years: -3 })).toBe(0);
  });
});

describe("fitScores", () => {
  it("draws overall, keyword, semantic and experience in order", () => {
    expect(fitScores(base).map((s) => [s.key, s.value])).toEqual([
      ["overall", 0.58],
      ["keyword", 0.5],
      ["semantic", 0.62],
      ["experience", 0.5],
    ]);
  });
  it("prefers the server's experience score and clamps odd values", () => {
    const scores = fitScores({ ...base, keyword_score: 1.7, experience_score: 0.3 } as JobFit);
    expect(scores[1].value).toBe(1);
    expect(scores[3].value).toBe(0.3);
  });
  it("falls back to the semantic score when overall is missing", () => {
    expect(fitScores({ ...base, overall_score: null })[0].value).toBe(0.62);
  });
});

describe("skillChips", () => {
  it("marks required skills only when the server lists them", () => {
    expect(skillChips(base).missing.map((c) => c.note)).toEqual([undefined, undefined]);
    const chips = skillChips({ ...base, required_skills: ["kafka", "Python"] });
    expect(chips.missing).toEqual([
      { label: "Kafka", tone: "missing", note: "required" },
      { label: "Go", tone: "missing", note: undefined },
    ]);
    expect(chips.matching[0].note).toBe("required");
  });
});

describe("experienceSentence", () => {
  it("states a range or a minimum", () => {
    expect(experienceSentence(base)).toBe("You have 2.5 years; the job asks for 5+ years.");
    expect(
      experienceSentence({ ...base, required_years: 3, required_years_max: 5, candidate_years: 1 }),
    ).toBe("You have 1 year; the job asks for 3-5 years.");
    expect(experienceSentence({ ...base, required_years: null, candidate_years: 6 })).toContain(
      "does not state",
    );
  });
});

describe("rankJobs", () => {
  it("ranks by overall score and keeps paste order for ties", () => {
    const fits = [0.4, 0.7, 0.4, 0.9].map((overall) => ({ ...base, overall_score: overall }));
    const ranked = rankJobs(fits.map((fit, i) => ({ item: `job ${i + 1}`, fit })));
    expect(ranked.map((r) => [r.rank, r.item])).toEqual([
      [1, "job 4"],
      [2, "job 2"],
      [3, "job 1"],
      [4, "job 3"],
    ]);
  });
});

describe("parserWarnings", () => {
  it("reads strings and objects with a message, ignores the rest", () => {
    expect(parserWarnings(["No dates found", { message: "Two columns" }, 3, null, {}])).toEqual([
      "No dates found",
      "Two columns",
    ]);
    expect(parserWarnings(undefined)).toEqual([]);
    expect(parserWarnings("oops")).toEqual([]);
  });
});

describe("uploadHint", () => {
  it("explains each refusal", () => {
    expect(uploadHint(413)).toMatch(/10 MB/);
    expect(uploadHint(415)).toMatch(/PDF/);
    expect(uploadHint(422)).toMatch(/password/);
    expect(uploadHint(500)).toBeNull();
  });
});
