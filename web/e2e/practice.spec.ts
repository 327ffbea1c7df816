import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  apiPaths,
  checkA11y,
  DEV_SET,
  expect,
  logIn,
  registerByApi,
  shot,
  test,
  uploadByApi,
} from "./fixtures";

// The interview API (issue 9) may not be on this server yet: these run once it lists its routes.
const NEEDED = [
  "/api/interview/sessions",
  "/api/interview/answer",
  "/api/mastery",
  "/api/interview/history",
];

test("practise a session and see mastery change", async ({ page }) => {
  const paths = await apiPaths(page);
  test.skip(!NEEDED.every((p) => paths.includes(p)), "the interview API is not on this server");
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
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
  await page
    .getByLabel("Your answer")
    .fill(
      "A database index is a separate sorted structure, usually a B-tree, that lets the engine find rows by key without scanning the whole table; it speeds reads and slows writes.",
    );
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("heading", { name: /Score \d+%/ })).toBeVisible();
  await expect(page.getByText("Reference answer")).toBeVisible();
  await checkA11y(page, "practice result");
  await shot(page, "practice");
  await page.getByRole("button", { name: "Finish session" }).click();
  await expect(page.getByRole("heading", { name: /Session summary/ })).toBeVisible();
  await checkA11y(page, "practice summary");

  await page.getByRole("link", { name: "Progress" }).click();
  const table = page.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText("Past answers")).toBeVisible();
  await expect(page.locator(".history__item").first()).toBeVisible();
  await checkA11y(page, "progress");
  await shot(page, "progress");
});

test("practice and progress are hidden when the server lacks them", async ({ page }) => {
  const paths = await apiPaths(page);
  test.skip(
    NEEDED.every((p) => paths.includes(p)),
    "the interview API is on this server",
  );
  const { username } = await registerByApi(page);
  await logIn(page, username);
  await expect(page.getByRole("link", { name: "Analysis" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Practice" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Progress" })).toHaveCount(0);
  await page.goto("/practice");
  await expect(
    page.getByText("Interview practice is not available on this server yet."),
  ).toBeVisible();
});
