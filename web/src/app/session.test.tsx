import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { tokens } from "../api/tokens";
import { LoginPage } from "../features/auth/LoginPage";
import { ProfilePage } from "../features/profile/ProfilePage";
import { fakeApi, renderSignedIn } from "../test/render";
import { RequireAuth } from "./RequireAuth";

const screens = (
  <Routes>
    <Route path="/login" element={<LoginPage />} />
    <Route element={<RequireAuth />}>
      <Route path="/profile" element={<ProfilePage />} />
    </Route>
  </Routes>
);

describe("session", () => {
  it("sends the user to log in, saying why, when the refresh token is refused", async () => {
    const api = fakeApi({
      "GET /api/profile": () => ({
        status: 401,
        body: { success: false, message: "Token has expired." },
      }),
      "GET /api/resume/analysis": () => ({
        status: 401,
        body: { success: false, message: "Token has expired." },
      }),
      "POST /api/refresh": () => ({
        status: 401,
        body: { success: false, message: "Token has been revoked." },
      }),
    });
    renderSignedIn(screens, "/profile");
    await screen.findByRole("heading", { name: "Log in" });
    expect(await screen.findByText("Your session has ended. Please log in again.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Log in" })).toBeTruthy();
    expect(tokens.refresh()).toBeNull();
    expect(api.calls.filter((c) => c.path === "/api/refresh").length).toBeLessThanOrEqual(2);
  });

  it("shows a protected screen while the session holds", async () => {
    fakeApi({
      "GET /api/profile": () => ({ body: { user: USER } }),
      "GET /api/resume/analysis": () => ({
        status: 404,
        body: { success: false, message: "You have not uploaded a resume yet." },
      }),
    });
    renderSignedIn(screens, "/profile");
    expect(await screen.findByText("sam@example.com")).toBeTruthy();
    expect(screen.getByText("Upload a resume to fill these in automatically.")).toBeTruthy();
  });
});

const USER = {
  id: 1,
  username: "sam",
  email: "sam@example.com",
  full_name: "Sam",
  phone: null,
  experience_years: 2,
  skills: ["Go"],
  resume_filename: null,
  created_at: "2026-03-03T10:30:00",
};
