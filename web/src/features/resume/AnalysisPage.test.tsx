import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, renderSignedIn } from "../../test/render";
import { AnalysisPage } from "./AnalysisPage";

const DATA = {
  skills: ["Python", "SQL", "Docker"],
  experience_years: 6,
  experience_years_exact: 6.42,
  internship_years: 0.5,
  projects: ["Qdrill"],
  certifications: ["AWS Certified Developer"],
  internships: [],
  education: ["University of British Columbia (UBC)"],
  job_fit_analysis: {
    keyword_score: 0.45,
    semantic_score: 0.62,
    matching_skills: ["Python", "SQL"],
    missing_skills: ["Kafka", "Go"],
    required_skills: ["Kafka", "Python"],
    experience_fit: "Good fit",
    required_years: 5,
    required_years_max: null,
    candidate_years: 6.4,
    overall_score: 0.58,
  },
  chunks_processed: 9,
  rag_ready: true,
  jd_embedding_stored: true,
  warnings: ["No dates were found for one job.", { message: "The skills section was empty." }],
};

describe("AnalysisPage", () => {
  it("shows scores, skills with required ones marked, experience, lists and warnings", async () => {
    fakeApi({
      "GET /api/resume/analysis": () => ({
        body: { success: true, message: "Latest resume analysis", data: DATA },
      }),
    });
    renderSignedIn(<AnalysisPage />, "/analysis");
    expect(await screen.findByText("Overall: 58%")).toBeTruthy();
    expect(screen.getByText("Keywords: 45%")).toBeTruthy();
    expect(screen.getByText("Semantic: 62%")).toBeTruthy();
    expect(screen.getByText("Experience: 100%")).toBeTruthy();
    const missing = screen.getByRole("list", { name: "Missing skills" });
    expect(
      within(missing)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Kafka required", "Go"]);
    expect(screen.getByText("You have 6.4 years; the job asks for 5+ years.")).toBeTruthy();
    expect(screen.getByText("Qdrill")).toBeTruthy();
    expect(screen.getByText("AWS Certified Developer")).toBeTruthy();
    expect(screen.getByText("No internships found.")).toBeTruthy();
    const warnings = screen.getByText("Some parts of your resume were hard to read").parentElement!;
    expect(warnings.textContent).toContain("No dates were found for one job.");
    expect(warnings.textContent).toContain("The skills section was empty.");
    expect(
      within(warnings)
        .getByRole("link", { name: "Check and fix your profile" })
        .getAttribute("href"),
    ).toBe("/profile");
  });

  it("invites an upload before there is a resume", async () => {
    fakeApi({
      "GET /api/resume/analysis": () => ({
        status: 404,
        body: { success: false, message: "You have not uploaded a resume yet." },
      }),
    });
    renderSignedIn(<AnalysisPage />, "/analysis");
    expect(await screen.findByRole("heading", { name: "No resume yet" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Upload your resume" }).getAttribute("href")).toBe(
      "/upload",
    );
    expect(screen.queryByText("Delete my resume")).toBeNull();
  });
});
