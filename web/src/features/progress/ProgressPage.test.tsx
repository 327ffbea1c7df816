import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { attempt, INTERVIEW_PATHS, masteryRow } from "../../test/interview";
import { fakeApi, renderSignedIn } from "../../test/render";
import { ProgressPage } from "./ProgressPage";

// In the server's practice order: weak first, then due, new, the rest.
const MASTERY = {
  success: true,
  topics: [
    masteryRow("kubernetes", "Kubernetes", 0.2, [0.4, 0.2], { trend: "declining", due_now: true }),
    masteryRow("python", "Python", 0.8, [0.5, 0.7, 0.8], {
      trend: "improving",
      attempts: 5,
      weak: false,
      due: "2999-01-01T00:00:00+00:00",
    }),
    masteryRow("aws", "AWS", 0, []),
  ],
};

describe("ProgressPage", () => {
  it("lists mastery in the server's order, charts a topic, pages history, downloads the report", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      "GET /api/openapi.json": () => ({ body: INTERVIEW_PATHS }),
      "GET /api/mastery": () => ({ body: MASTERY }),
      "GET /api/interview/history": (_body, url) => {
        const page = Number(url.searchParams.get("page"));
        return {
          body: {
            success: true,
            attempts: [attempt(page, `Question on page ${page}`, 0.5, "python")],
            page,
            per_page: Number(url.searchParams.get("per_page")),
            total: 11,
            pages: 2,
          },
        };
      },
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
      "Kubernetes weak",
      "Python",
      "AWS",
    ]);
    expect(rows[0].textContent).toContain("declining");
    expect(rows[0].textContent).toContain("due now");
    expect(rows[1].textContent).toContain("improving");
    expect(rows[1].textContent).toContain("80%");
    expect(rows[2].textContent).toContain("not started");
    // The chart offers practised topics only, by name, and describes itself in words.
    const picker = screen.getByLabelText("Topic");
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Kubernetes", "Python"]);
    expect(screen.getByText(/Recent scores, oldest first: 40%, 20%\./)).toBeTruthy();
    await user.selectOptions(picker, "python");
    expect(screen.getByText(/Python: improving, mastery 80% after 5 answers/)).toBeTruthy();

    // History: topic names from the mastery list, pages from the server.
    expect(await screen.findByText("Question on page 1")).toBeTruthy();
    expect(screen.getAllByText(/^Python · /).length).toBe(1);
    await user.click(screen.getByRole("button", { name: "Older" }));
    expect(await screen.findByText("Question on page 2")).toBeTruthy();
    expect(screen.getByText("Page 2 of 2")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Older" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const pages = api.calls.filter((c) => c.path === "/api/interview/history");
    expect(pages.length).toBe(2);

    await user.click(screen.getByRole("button", { name: "Download PDF report" }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const blob = (created.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.type).toBe("application/pdf");
    expect(await blob.text()).toBe("%PDF-1.4 report");
  });

  it("says what to do when nothing is tracked yet, and shows a refused report", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /api/openapi.json": () => ({ body: INTERVIEW_PATHS }),
      "GET /api/mastery": () => ({ body: { success: true, topics: [] } }),
      "GET /api/interview/history": () => ({
        body: { success: true, attempts: [], page: 1, per_page: 10, total: 0, pages: 0 },
      }),
      "GET /api/report": () => ({
        status: 429,
        body: { success: false, message: "Too many reports: wait a minute." },
      }),
    });
    renderSignedIn(<ProgressPage />, "/progress");
    expect(await screen.findByText(/No topics yet/)).toBeTruthy();
    expect(await screen.findByText("No answers yet.")).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "History pages" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Download PDF report" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Too many reports: wait a minute.");
  });
});
