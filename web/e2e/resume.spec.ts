import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { checkA11y, DEV_SET, expect, logIn, registerByApi, shot, test } from "./fixtures";

const RESUME = resolve(DEV_SET, "012.pdf");
const DEVOPS_JOB = readFileSync(resolve(DEV_SET, "jobs/21.txt"), "utf8");
const PRODUCT_JOB = readFileSync(resolve(DEV_SET, "jobs/01.txt"), "utf8");

// One account walks through the resume screens in order: upload, read, edit, ask, compare, delete.
test.describe.configure({ mode: "serial" });

let account: { username: string; password: string };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  account = await registerByApi(page, "Riley Resume");
  await page.close();
});

async function start(page: Page, path: string) {
  await logIn(page, account.username);
  await page.goto(path);
}

test("a bad file is refused with the server's message", async ({ page }) => {
  await start(page, "/upload");
  await checkA11y(page, "upload");
  // Nothing chosen: the form says what is missing beside each field.
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(page.getByText("Choose your resume file.")).toBeVisible();
  await expect(page.getByText("Paste the job description you are aiming for.")).toBeVisible();

  await page.getByLabel("Resume file").setInputFiles({
    name: "resume.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("This is plain text pretending to be a PDF.\n".repeat(20)),
  });
  await page.getByLabel("Job description").fill(DEVOPS_JOB);
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The upload was refused");
  await expect(alert).toContainText(/PDF|DOCX|file/);
  await checkA11y(page, "upload refused");
  await shot(page, "upload-error");
});

test("upload a real PDF and see its skills and fit", async ({ page }) => {
  await start(page, "/upload");
  await page.getByLabel("Resume file").setInputFiles(RESUME);
  await expect(page.getByText("012.pdf")).toBeVisible();
  await page.getByLabel("Job description").fill(DEVOPS_JOB);
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(page).toHaveURL(/\/analysis$/, { timeout: 60_000 });
  await expect(page.getByText("Resume uploaded and analyzed successfully")).toBeVisible();
  await expect(page.getByRole("list", { name: "Skills found" })).toContainText("Docker");
  await expect(
    page.getByRole("list", { name: "Matching skills" }).getByRole("listitem").first(),
  ).toBeVisible();
  // The chart and its text equivalent: four scores.
  await expect(page.locator(".score-chart svg .recharts-bar-rectangle")).toHaveCount(4);
  await expect(page.getByText(/^Overall: \d+%$/)).toBeAttached();
  await expect(page.getByRole("heading", { name: /Projects/ })).toBeVisible();
  await expect(page.getByText("AWS EKS Security Template")).toBeVisible();
  await checkA11y(page, "analysis");
  await shot(page, "analysis", { top: true });
});

test("edit the profile; the server's field errors show beside the fields", async ({ page }) => {
  await start(page, "/profile");
  const skills = page.getByRole("list", { name: "Your skills" });
  await expect(skills).toContainText("from resume");
  await page.getByLabel("Phone").fill("call me maybe");
  await page.getByLabel("Years of experience").fill("71");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("alert")).toContainText("Some fields are invalid");
  await expect(page.getByText("may contain only digits, spaces and + - ( ) .")).toBeVisible();
  await expect(page.getByText("Input should be less than or equal to 70")).toBeVisible();
  await checkA11y(page, "profile with errors");

  await page.getByLabel("Phone").fill("+1 555 0123");
  await page.getByLabel("Years of experience").fill("7");
  await page.getByLabel("New skill").fill("Kubernetes Operators");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(skills).toContainText("Kubernetes Operators");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Profile updated successfully" }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Phone")).toHaveValue("+1 555 0123");
  await expect(page.getByLabel("Years of experience")).toHaveValue("7");
  await expect(page.getByRole("list", { name: "Your skills" })).toContainText(
    "Kubernetes Operators",
  );
  await checkA11y(page, "profile");
  await shot(page, "profile");
});

test("ask the resume a question", async ({ page }) => {
  await start(page, "/search");
  await page.getByLabel("Question").fill("What was my role at Spike Reply DE?");
  await page.getByRole("button", { name: "Search" }).click();
  const hits = page.locator(".hit");
  await expect(hits.first()).toBeVisible();
  await expect(hits.filter({ hasText: "Cloud Security Consultant" }).first()).toBeVisible();
  await checkA11y(page, "search");
  await shot(page, "search");
});

test("compare two jobs side by side, best fit first", async ({ page }) => {
  await start(page, "/compare");
  await page.getByLabel("Job 1 title (optional)").fill("Product manager");
  await page.getByLabel("Job 1 description").fill(PRODUCT_JOB);
  await page.getByLabel("Job 2 title (optional)").fill("DevOps engineer");
  await page.getByLabel("Job 2 description").fill(DEVOPS_JOB);
  await page.getByRole("button", { name: "Compare" }).click();
  const ranked = page.locator(".ranking__item");
  await expect(ranked).toHaveCount(2, { timeout: 60_000 });
  await expect(ranked.first()).toContainText("DevOps engineer");
  await expect(ranked.first()).toContainText("#1");
  await checkA11y(page, "compare");
  await page.getByRole("heading", { name: "Ranking" }).scrollIntoViewIfNeeded();
  await shot(page, "compare", { top: true });
});

test("the dashboard works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await start(page, "/analysis");
  await expect(page.getByRole("heading", { name: "Fit to the job" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Compare jobs" }).click();
  await expect(page.getByRole("heading", { name: "Compare jobs" })).toBeVisible();
  await page.getByRole("link", { name: "Analysis" }).click();
  await checkA11y(page, "analysis at phone width");
  await shot(page, "analysis-phone", { top: true });
});

test("delete the resume after confirming", async ({ page }) => {
  await start(page, "/analysis");
  await page.getByRole("button", { name: "Delete my resume…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your resume?" });
  await expect(dialog).toBeVisible();
  await checkA11y(page, "delete confirmation");
  // Cancel keeps it.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "Fit to the job" })).toBeVisible();
  await page.getByRole("button", { name: "Delete my resume…" }).click();
  await dialog.getByRole("button", { name: "Delete resume" }).click();
  await expect(
    page.getByText("Your resume and everything derived from it were deleted."),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "No resume yet" })).toBeVisible();
  await page.goto("/search");
  await page.getByLabel("Question").fill("Where did I study?");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("alert")).toContainText("You have not uploaded a resume yet.");
});
