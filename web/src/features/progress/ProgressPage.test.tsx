import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeApi, renderSignedIn } from "../../test/render";
import { ProgressPage } from "./ProgressPage";

const PATHS = {
  paths: {
    "/api/interview/sessions": {},
    "/api/interview/answer": {},
    "/api/mastery": {},
    "/api/interview/history": {},
  },
};

describe("ProgressPage", () => {
  it("lists mastery weakest first, pages through history, and downloads the report", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      "GET /api/openapi.json": () => ({ body: PATHS }),
      "GET /api/mastery": () => ({
        body: {
          success: true,
          mastery: [
            {
              topic: "Python",
              level: 0.8,
              attempts: 5,
              trend: [0.5, 0.7, 0.8],
              last_practised: "2026-05-01T10:00:00",
              due: "2999-01-01T00:00:00",
            },
            {
              topic: "Kubernetes",
              level: 0.2,
              attempts: 2,
              trend: [0.4, 0.2],
              last_practised: "2026-05-02T10:00:00",
              due: "2000-01-01T00:00:00",
            },
          ],
        },
      }),
      "GET /api/interview/history": (_body, url) => ({
        body: {
          success: true,
          page: Number(url.searchParams.get("page")),
          pages: 2,
          attempts: [
            {
              id: url.searchParams.get("page"),
              question: `Question on page ${url.searchParams.get("page")}`,
              answer: "My answer",
              score: 0.5,
              feedback: "Fine",
              topic: "Python",
              created_at: "2026-05-01T10:00:00",
            },
          ],
        },
      }),
      "GET /api/report": () => ({ body: "%PDF-1.4 report", type: "application/pdf" }),
    });
    const created = vi.fn(() => "blob:report");
    vi.stubGlobal(
      "URL",
      Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    renderSignedIn(<ProgressPage />, "/progress");

    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "Kubernetes",
      "Python",
    ]);
    expect(rows[0].textContent).toContain("declining");
    expect(rows[0].textContent).toContain("due now");
    expect(rows[1].textContent).toContain("improving");
    expect(rows[1].textContent).toContain("80%");
    expect(screen.getByText("Scores for Kubernetes, oldest first: 40%, 20%")).toBeTruthy();

    expect(await screen.findByText("Question on page 1")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Older" }));
    expect(await screen.findByText("Question on page 2")).toBeTruthy();
    expect(screen.getByText("Page 2 of 2")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Older" }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await user.click(screen.getByRole("button", { name: "Download PDF report" }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const blob = (created.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.type).toBe("application/pdf");
    expect(await blob.text()).toBe("%PDF-1.4 report");
    expect(api.calls.some((c) => c.path === "/api/report")).toBe(true);
  });

  it("charts a topic from its past answers when mastery gives only a trend word", async () => {
    const api = fakeApi({
      "GET /api/openapi.json": () => ({ body: PATHS }),
      "GET /api/mastery": () => ({
        body: {
          mastery: [
            {
              topic: "Go",
              level: 0.3,
              attempts: 2,
              trend: "declining",
              trend_slope: -0.2,
              last_practiced: null,
              due: null,
            },
            { topic: "Rust", level: 0, attempts: 0, trend: "new", last_practiced: null, due: null },
          ],
        },
      }),
      "GET /api/interview/history": (_body, url) => ({
        body: {
          page: 1,
          pages: 1,
          attempts:
            url.searchParams.get("topic") === "Go"
              ? [
                  { id: 2, question: "q2", answer: "a", score: 0.2, topic: "Go" },
                  { id: 1, question: "q1", answer: "a", score: 0.6, topic: "Go" },
                ]
              : [],
        },
      }),
    });
    renderSignedIn(<ProgressPage />, "/progress");
    expect(await screen.findByText("Scores for Go, oldest first: 60%, 20%")).toBeTruthy();
    const rows = within(await screen.findByRole("table"))
      .getAllByRole("row")
      .slice(1);
    expect(rows[0].textContent).toContain("new");
    expect(rows[1].textContent).toContain("declining");
    // Only practised topics are offered for the chart.
    expect(
      within(screen.getByLabelText("Topic"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Go"]);
    expect(api.calls.some((c) => c.path === "/api/interview/history")).toBe(true);
  });
});
