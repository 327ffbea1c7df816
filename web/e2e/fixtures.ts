import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = resolve(here, "../e2e-output/screenshots");
/** The dev set beside the repository (CI has ../shared beside its clone too). */
export const DEV_SET = resolve(here, "../../../shared/eval/dev");
export const PASSWORD = "correct-horse-battery";

// Chromium logs every 4xx answer as "Failed to load resource"; those are the API's answers
// (no resume yet, a refused file), shown to the user on purpose. Anything else is an error.
const EXPECTED = /Failed to load resource: the server responded with a status of 4\d\d/;

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && !EXPECTED.test(message.text()))
          errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

let counter = 0;

/** A username unique to this run. */
export function uniqueName(prefix = "e2e"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36).slice(-5)}${counter}`;
}

/** Fail on any serious or critical axe violation of the page as it is now. */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(bad, `axe violations on ${screen}`).toEqual([]);
}

/** Save a screenshot of the screen to the git-ignored e2e-output folder (the whole page, and
 * with `top` also what fits in the window, the kind docs/ keeps). */
export async function shot(
  page: Page,
  name: string,
  options: { top?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (options.top) await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-top.png`) });
}

/** Register through the API (fast) and return the credentials. */
export async function registerByApi(page: Page, fullName = "Jordan Example") {
  const username = uniqueName("u");
  const response = await page.request.post("/api/register", {
    data: { username, email: `${username}@example.com`, password: PASSWORD, full_name: fullName },
  });
  expect(response.status()).toBe(201);
  const { access_token: accessToken } = await response.json();
  return { username, password: PASSWORD, accessToken: accessToken as string };
}

/** Log in through the login screen. */
export async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
}

/** Upload a dev-set resume through the API for the account behind the token. */
export async function uploadByApi(
  page: Page,
  accessToken: string,
  file: string,
  jobDescription: string,
) {
  const response = await page.request.post("/api/upload_resume", {
    headers: { Authorization: `Bearer ${accessToken}` },
    multipart: {
      resume: { name: basename(file), mimeType: "application/pdf", buffer: readFileSync(file) },
      job_description: jobDescription,
    },
    timeout: 120_000,
  });
  expect(response.status()).toBe(200);
}
