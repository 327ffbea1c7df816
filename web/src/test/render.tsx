import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { vi } from "vitest";
import { tokens } from "../api/tokens";
import { SessionProvider } from "../app/session";

export type Route = (body: unknown, url: URL) => { status?: number; body: unknown; type?: string };

/** A fake API: each "METHOD /path" answers from its handler; every call is recorded. */
export function fakeApi(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : null;
    calls.push({ method, path: url.pathname, body });
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) {
      return new Response(
        JSON.stringify({ success: false, message: "The requested resource was not found." }),
        {
          status: 404,
          headers: { "Content-Type": "application/json" },
        },
      );
    }
    const answer = handler(body, url);
    // A typed answer is sent as the string it is (a PDF, say); the rest as JSON.
    const raw = answer.type ? String(answer.body) : JSON.stringify(answer.body);
    return new Response(raw, {
      status: answer.status ?? 200,
      headers: { "Content-Type": answer.type ?? "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}

/** Render a screen signed in, with fresh query and router state. */
export function renderSignedIn(ui: ReactElement, path = "/") {
  tokens.set("access-token", "refresh-token");
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}
