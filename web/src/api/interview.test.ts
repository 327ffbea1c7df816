import { describe, expect, it } from "vitest";
import { masteryRow } from "../test/interview";
import { parseTime, sourceLabel, topicNames } from "./interview";

describe("interview helpers", () => {
  it("name what a question is about from its source, as each kind sends it", () => {
    // resume, behavioural and role questions, as the server sends their sources
    expect(
      sourceLabel({ about: "skills", section: "skills", chunk_id: 10, excerpt: "Skills: GCP ..." }),
    ).toBe("Skills: GCP ...");
    expect(sourceLabel({ based_on: "adaptability-mid-1", job: "Excellence Cloud" })).toBe(
      "Excellence Cloud",
    );
    expect(sourceLabel({ responsibility: "Design next gen infra." })).toBe(
      "Design next gen infra.",
    );
    expect(sourceLabel(null)).toBeNull();
    expect(sourceLabel({ chunk_id: 3, excerpt: "  " })).toBeNull();
  });
  it("read server times, a naive one as UTC", () => {
    expect(parseTime("2026-11-30T10:28:22.971567")?.toISOString()).toBe("2026-11-30T10:28:22.971Z");
    expect(parseTime("2026-11-30T10:29:14.045534+00:00")?.toISOString()).toBe(
      "2026-11-30T10:29:14.045Z",
    );
    expect(parseTime("2026-11-30T12:00:00+02:00")?.toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(parseTime("not a date")).toBeNull();
    expect(parseTime(null)).toBeNull();
  });
  it("name topics from the mastery list, falling back to the slug", () => {
    const name = topicNames([masteryRow("ci-cd", "CI/CD", 0.2, [0.2])]);
    expect(name("ci-cd")).toBe("CI/CD");
    expect(name("my own topic")).toBe("my own topic");
    expect(topicNames(undefined)("linux")).toBe("linux");
  });
});
