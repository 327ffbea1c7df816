import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import {
  INTERVIEW_PATHS,
  masteryRow,
  question,
  result,
  session,
  summary,
} from "../../test/interview";
import { fakeApi, renderSignedIn } from "../../test/render";
import { PracticePage } from "./PracticePage";

const SESSION = {
  success: true,
  session: session(11, [
    question("sql-mid-1", "What does an index do?", "sql"),
    question("go-mid-1", "What is a goroutine?", "go"),
  ]),
};
const MASTERY = {
  success: true,
  topics: [masteryRow("sql", "SQL", 0.4, [0.4]), masteryRow("go", "Go", 0, [])],
};

describe("PracticePage", () => {
  it("runs a session: start, answer, see the score, next, finish, summary", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      "GET /api/openapi.json": () => ({ body: INTERVIEW_PATHS }),
      "POST /api/interview/sessions": () => ({ status: 201, body: SESSION }),
      "GET /api/mastery": () => ({ body: MASTERY }),
      "POST /api/interview/answer": (body) => {
        const id = (body as { question_id: string }).question_id;
        return {
          body: {
            success: true,
            result:
              id === "sql-mid-1" ? result(id, 0.82, "sql", 0.4, 0.55) : result(id, 0.31, "go"),
          },
        };
      },
      "POST /api/interview/sessions/11/finish": () => ({
        body: { success: true, session: SESSION.session, summary: summary() },
      }),
    });
    renderSignedIn(<PracticePage />, "/practice");

    await user.click(await screen.findByRole("radio", { name: "Technical" }));
    await user.selectOptions(screen.getByLabelText("Questions"), "3");
    await user.click(screen.getByRole("button", { name: "Start practising" }));
    expect(await screen.findByText("What does an index do?")).toBeTruthy();
    expect(screen.getByText(/Question 1 of 2/)).toBeTruthy();
    // The topic is named as the mastery list names it, not by its slug.
    expect(await screen.findByText("Question 1 of 2 · SQL · mid")).toBeTruthy();

    // A blank answer is caught before any call.
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    expect(screen.getByText("Write an answer first.")).toBeTruthy();
    expect(api.calls.filter((c) => c.path === "/api/interview/answer")).toHaveLength(0);

    await user.type(screen.getByLabelText("Your answer"), "It speeds up lookups by key.");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    expect(await screen.findByText("82%")).toBeTruthy();
    expect(screen.getByText("faster lookups")).toBeTruthy();
    expect(screen.getByText("write cost")).toBeTruthy();
    expect(screen.getByText("An index is a sorted structure...")).toBeTruthy();
    expect(screen.getByText("A fair answer.")).toBeTruthy();
    expect(screen.getByText("Cover also: write cost.")).toBeTruthy();
    expect(screen.getByText("SQL: 40% → 55% (+15 points).")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Next question" }));
    expect(await screen.findByText("What is a goroutine?")).toBeTruthy();
    await user.type(screen.getByLabelText("Your answer"), "A lightweight thread.");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    expect(await screen.findByText("31%")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Finish session" }));

    expect(await screen.findByRole("heading", { name: /Session summary/ })).toBeTruthy();
    expect(screen.getByText("56% average")).toBeTruthy();
    expect(screen.getByText("2 of 2 questions answered.")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Weakest topics" }).textContent).toBe("Go 31%");
    expect(screen.getByRole("list", { name: "Concepts to review" }).textContent).toBe(
      "scheduler (Go)",
    );
    expect(screen.getByText("SQL: 40% → 55% (+15 points).")).toBeTruthy();
    expect(screen.getByText("Go: first attempt, mastery now 31%.")).toBeTruthy();

    const start = api.calls.find((c) => c.path === "/api/interview/sessions");
    expect(start?.body).toEqual({ kind: "technical", count: 3 });
    const answers = api.calls.filter((c) => c.path === "/api/interview/answer").map((c) => c.body);
    expect(answers).toEqual([
      { question_id: "sql-mid-1", answer: "It speeds up lookups by key.", session_id: 11 },
      { question_id: "go-mid-1", answer: "A lightweight thread.", session_id: 11 },
    ]);
  });

  it("shows the server's message for a refused answer", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /api/openapi.json": () => ({ body: INTERVIEW_PATHS }),
      "POST /api/interview/sessions": () => ({ status: 201, body: SESSION }),
      "POST /api/interview/answer": () => ({
        status: 422,
        body: {
          success: false,
          message: "The answer is too long.",
          errors: { answer: "at most 4000 characters" },
        },
      }),
    });
    renderSignedIn(<PracticePage />, "/practice");
    await user.click(await screen.findByRole("button", { name: "Start practising" }));
    await user.type(await screen.findByLabelText("Your answer"), "Something");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The answer is too long.");
    expect(screen.getByText("at most 4000 characters")).toBeTruthy();
  });

  it("says so when the server has no interview API", async () => {
    fakeApi({ "GET /api/openapi.json": () => ({ body: { paths: { "/api/profile": {} } } }) });
    renderSignedIn(<PracticePage />, "/practice");
    expect(
      await screen.findByText("Interview practice is not available on this server yet."),
    ).toBeTruthy();
  });
});
