import { checkA11y, expect, logIn, PASSWORD, shot, test, uniqueName } from "./fixtures";

test("sign up, log out, and log back in; a reload keeps the session", async ({ page }) => {
  const username = uniqueName("new");
  await page.goto("/");
  // No session: the start page sends the visitor to log in.
  await expect(page).toHaveURL(/\/login$/);
  await checkA11y(page, "login");
  await shot(page, "login");

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  // The server's field messages appear beside the fields.
  await page.getByLabel("Username").fill("x");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toContainText("Some fields are invalid");
  await expect(page.getByText("must be 3-20 characters")).toBeVisible();
  await expect(page.getByText("must be 8-128 characters")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page, "signup with errors");
  await shot(page, "signup");

  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(`${username}@example.com`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Full name (optional)").fill("Sam Signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/upload$/);
  await expect(page.getByText("Your account is ready")).toBeVisible();

  // The access token lives in memory only: a reload buys a new one with the refresh token.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Upload your resume" })).toBeVisible();
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByText(`${username}@example.com`)).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("You are logged out.")).toBeVisible();
  // The revoked session is gone: protected screens send back to the login screen.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Invalid username or password.");

  // Logging in returns to the screen the visitor was sent away from.
  await logIn(page, `${username}@example.com`);
  await expect(page).toHaveURL(/\/profile$/);
});

test("log in with the keyboard only, with a visible focus ring", async ({ page, request }) => {
  const username = uniqueName("kb");
  await request.post("/api/register", {
    data: { username, email: `${username}@example.com`, password: PASSWORD },
  });
  await page.goto("/login");
  // A Tab pressed before the app has rendered goes nowhere: wait for the form first.
  await expect(page.getByLabel("Username or email")).toBeVisible();
  await page.keyboard.press("Tab");
  // The first stop is the skip link, then the brand, then the form.
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const field = page.getByLabel("Username or email");
  // Tab on until the field has focus; each try is one key press, retried as a whole so that a
  // slow render on a loaded machine only costs another try.
  await expect(async () => {
    await page.keyboard.press("Tab");
    await expect(field).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const outline = await field.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Resume analysis" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resume analysis" })).toBeFocused();
});
