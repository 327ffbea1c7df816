import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  checkA11y,
  DEV_SET,
  expect,
  logIn,
  registerByApi,
  shot,
  test,
  uploadByApi,
} from "./fixtures";

test("practise a session and see mastery change", async ({ page }) => {
  const { username, accessToken } = await registerByApi(page, "Pat Practice");
  // A resume and its job give the questions and the mastery topics.
  const job = readFileSync(resolve(DEV_SET, "jobs/21.txt"), "utf8");
  await uploadByApi(page, accessToken, resolve(DEV_SET, "012.pdf"), job);
  await logIn(page, username);

  await page.getByRole("link", { name: "Practice" }).click();
  await checkA11y(page, "practice setup");
  await page.getByLabel("Technical").check();
  await page.getByLabel("Questions").selectOption("3");
  await page.getByRole("button", { name: "Start practising" }).click();
  await expect(page.getByText(/^Question 1 of 3 · /)).toBeVisible();
  await page
    .getByLabel("Your answer")
    .fill(
      "I would first measure where the time goes in each stage, then cache dependencies and " +
        "Docker layers, run independent jobs in parallel, shard the tests across runners and " +
        "quarantine flaky tests.",
    );
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("heading", { name: /Score \d+%/ })).toBeVisible();
  await expect(page.getByText("Reference answer")).toBeVisible();
  // "CI/CD: first attempt, mastery now 100%.": the topic's name as the mastery table shows it.
  const line = page.getByText(/^.+: first attempt, mastery now \d+%\.$/);
  await expect(line).toBeVisible();
  const topic = (await line.textContent())!.split(": first attempt")[0];
  await checkA11y(page, "practice result");
  await shot(page, "practice", { top: true });

  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByText(/^Question 2 of \d+/)).toBeVisible();
  await page.getByRole("button", { name: "Finish session" }).click();
  await expect(page.getByRole("heading", { name: /Session summary/ })).toBeVisible();
  await expect(page.getByText("1 of 3 questions answered.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "skipped" }).first()).toBeVisible();
  await checkA11y(page, "practice summary");
  await shot(page, "practice-summary");

  // Progress: the practised topic now has one attempt, a trend, and the answer in the history.
  await page.getByRole("link", { name: "See your progress" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: topic }) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await expect(page.getByLabel("Topic", { exact: true })).toHaveValue(/.+/);
  await expect(
    page.getByText(new RegExp(`^${escape(topic)}: new, mastery \\d+% after 1 answer`)),
  ).toBeVisible();
  await expect(page.locator(".history__item")).toHaveCount(1);
  await expect(page.locator(".history__item").first()).toContainText(topic);
  await checkA11y(page, "progress");
  await shot(page, "progress");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PDF report" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("progress-report.pdf");
  const path = await file.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");

  // Phone width: the wide mastery table scrolls inside its card, never the page.
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  // The chart follows the new width on its next resize callback, not at once.
  await expect.poll(overflow).toBeLessThanOrEqual(0);
  await checkA11y(page, "progress at phone width");
  await page.getByRole("link", { name: "Practice" }).click();
  await expect(page.getByRole("button", { name: "Start practising" })).toBeVisible();
  await expect.poll(overflow).toBeLessThanOrEqual(0);
});

/** Escape a topic name for a regular expression ("CI/CD", "C++"). */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
