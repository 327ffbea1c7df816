import { describe, expect, it } from "vitest";
import { addSkill, fieldErrors, markResumeSkills, updateBody } from "./skills";

describe("markResumeSkills", () => {
  it("marks skills the resume gave, ignoring case and spacing", () => {
    expect(markResumeSkills(["Python", "team  lead", "Go"], ["python", "Team Lead"])).toEqual([
      { name: "Python", fromResume: true },
      { name: "team  lead", fromResume: true },
      { name: "Go", fromResume: false },
    ]);
  });
  it("marks nothing without an analysis", () => {
    expect(markResumeSkills(["SQL"], undefined)).toEqual([{ name: "SQL", fromResume: false }]);
  });
});

describe("addSkill", () => {
  it("trims and appends", () => {
    expect(addSkill(["SQL"], "  Apache   Kafka ")).toEqual({
      ok: true,
      skills: ["SQL", "Apache Kafka"],
    });
  });
  it("refuses blanks, duplicates in any case, and overlong names", () => {
    expect(addSkill([], "   ")).toEqual({ ok: false, error: "Type a skill first." });
    expect(addSkill(["Python"], "PYTHON")).toEqual({
      ok: false,
      error: "PYTHON is already in your skills.",
    });
    expect(addSkill([], "x".repeat(51)).ok).toBe(false);
  });
  it("stops at 100 skills", () => {
    const many = Array.from({ length: 100 }, (_, i) => `s${i}`);
    expect(addSkill(many, "one more")).toEqual({ ok: false, error: "At most 100 skills." });
  });
});

describe("fieldErrors", () => {
  it("puts item errors on their list field, first message wins", () => {
    expect(
      fieldErrors({
        "skills.2": "too long",
        "skills.5": "blank",
        experience_years: "must be <= 70",
      }),
    ).toEqual({ skills: "item 3: too long", experience_years: "must be <= 70" });
  });
});

describe("updateBody", () => {
  it("clears empty text fields and sends integers as numbers", () => {
    expect(
      updateBody({ full_name: " ", phone: "+1 555", experience_years: "4", skills: ["Go"] }),
    ).toEqual({
      full_name: null,
      phone: "+1 555",
      experience_years: 4,
      skills: ["Go"],
    });
  });
  it("leaves blank years unchanged", () => {
    expect(
      updateBody({ full_name: "A", phone: "", experience_years: " ", skills: [] }).experience_years,
    ).toBeUndefined();
  });
  it("sends a non-integer as typed for the server to explain", () => {
    expect(
      updateBody({ full_name: "A", phone: "", experience_years: "3.5", skills: [] })
        .experience_years,
    ).toBe("3.5");
  });
});
