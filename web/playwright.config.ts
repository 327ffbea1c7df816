import { defineConfig } from "@playwright/test";

// Started by scripts/e2e.mjs (`npm run e2e`), which runs gunicorn on a fresh database and sets
// E2E_BASE_URL. The browser is Debian's Chromium: Playwright downloads none.
export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-output/test-results",
  // One server on two shared cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // Playwright's recommended CI setting: a test that fails once on the shared 2-core CI machine
  // gets one more try, and the report still names it as flaky; locally a failure is final.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:5000",
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
    trace: "off",
  },
});
