import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, withQuery } from "./client";
import { createTokenStore } from "./tokens";

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

type Call = { url: string; auth: string | null; method: string };

/** A fake server: /api/refresh answers per `refreshStatus`; other routes accept only `valid`. */
function server(options: { refreshStatus?: number; valid?: string } = {}) {
  const calls: Call[] = [];
  let issued = 0;
  let valid = options.valid ?? "fresh-1";
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const auth = headers.Authorization ?? null;
    calls.push({ url: String(url), auth, method: init?.method ?? "GET" });
    if (String(url) === "/api/refresh") {
      const status = options.refreshStatus ?? 200;
      if (status !== 200)
        return json(status, { success: false, message: "Token has been revoked." });
      issued += 1;
      valid = `fresh-${issued}`;
      return json(200, { access_token: valid });
    }
    if (auth !== `Bearer ${valid}`)
      return json(401, { success: false, message: "Token has expired." });
    return json(200, { user: { id: 1 } });
  });
  return { fetchFn, calls };
}

describe("createApiClient", () => {
  it("refreshes an expired access token once and retries the call", async () => {
    const tokens = createTokenStore(memoryStorage());
    tokens.set("stale", "refresh-token");
    const { fetchFn, calls } = server();
    const client = createApiClient({ tokens, fetch: fetchFn });
    await expect(client.request("GET", "/api/profile")).resolves.toEqual({ user: { id: 1 } });
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ["/api/profile", "Bearer stale"],
      ["/api/refresh", "Bearer refresh-token"],
      ["/api/profile", "Bearer fresh-1"],
    ]);
    expect(tokens.access()).toBe("fresh-1");
  });

  it("shares one refresh between concurrent calls", async () => {
    const tokens = createTokenStore(memoryStorage());
    tokens.set("stale", "refresh-token");
    const { fetchFn, calls } = server();
    const client = createApiClient({ tokens, fetch: fetchFn });
    await Promise.all([
      client.request("GET", "/api/profile"),
      client.request("GET", "/api/resume/analysis"),
    ]);
    expect(calls.filter((c) => c.url === "/api/refresh")).toHaveLength(1);
  });

  it("buys an access token first after a reload (refresh token only)", async () => {
    const storage = memoryStorage();
    createTokenStore(storage).set("old", "refresh-token");
    const tokens = createTokenStore(storage); // a new page: memory is empty, storage is not
    expect(tokens.access()).toBeNull();
    const { fetchFn, calls } = server();
    await createApiClient({ tokens, fetch: fetchFn }).request("GET", "/api/profile");
    expect(calls.map((c) => c.url)).toEqual(["/api/refresh", "/api/profile"]);
  });

  it("ends the session when the refresh token is refused, without a second refresh", async () => {
    const tokens = createTokenStore(memoryStorage());
    tokens.set("stale", "revoked");
    const ended = vi.fn();
    const { fetchFn, calls } = server({ refreshStatus: 401 });
    const client = createApiClient({ tokens, fetch: fetchFn, onSessionEnded: ended });
    const error = await client.request("GET", "/api/profile").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(calls.filter((c) => c.url === "/api/refresh")).toHaveLength(1);
    expect(tokens.refresh()).toBeNull();
    expect(ended).toHaveBeenCalled();
  });

  it("keeps the session when the refresh fails for the network", async () => {
    const tokens = createTokenStore(memoryStorage());
    tokens.set("stale", "refresh-token");
    const fetchFn = vi.fn(async (url: RequestInfo | URL) => {
      if (String(url) === "/api/refresh") throw new TypeError("Failed to fetch");
      return json(401, { success: false, message: "Token has expired." });
    });
    const client = createApiClient({ tokens, fetch: fetchFn });
    await expect(client.request("GET", "/api/profile")).rejects.toMatchObject({ status: 401 });
    // The 401 after a failed refresh ends it; a refresh that only failed to reach the server does not.
    expect(tokens.refresh()).toBeNull();
    tokens.set("a", "r");
    const offline = createApiClient({
      tokens,
      fetch: vi.fn(async () => {
        throw new TypeError("offline");
      }),
    });
    await expect(offline.request("GET", "/api/profile")).rejects.toMatchObject({ status: 0 });
    expect(tokens.refresh()).toBe("r");
  });

  it("does not refresh for calls made without a token (login)", async () => {
    const tokens = createTokenStore(memoryStorage());
    tokens.set("a", "r");
    const fetchFn = vi.fn(async () =>
      json(401, { success: false, message: "Invalid username or password." }),
    );
    const client = createApiClient({ tokens, fetch: fetchFn });
    const error = (await client
      .request("POST", "/api/login", { json: {}, auth: false })
      .catch((e) => e)) as ApiError;
    expect(error.message).toBe("Invalid username or password.");
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(tokens.refresh()).toBe("r");
  });
});

describe("ApiError.from", () => {
  it("keeps the server's message and field errors", () => {
    const error = ApiError.from({
      status: 422,
      data: {
        success: false,
        message: "Some fields are invalid: phone.",
        errors: { phone: "bad", x: 3 },
      },
    });
    expect(error.message).toBe("Some fields are invalid: phone.");
    expect(error.errors).toEqual({ phone: "bad" });
  });
  it("explains statuses the server gave no JSON for", () => {
    expect(ApiError.from({ status: 413, data: null }).message).toBe("The file is too large.");
    expect(ApiError.from({ status: 502, data: "<html>" }).message).toMatch(/server/);
    expect(ApiError.from({ status: 0, data: null }).message).toMatch(/reach the server/);
  });
});

describe("withQuery", () => {
  it("encodes values and leaves out undefined ones", () => {
    expect(withQuery("/api/resume/search", { q: "Kafka & Spark?", k: 3, x: undefined })).toBe(
      "/api/resume/search?q=Kafka+%26+Spark%3F&k=3",
    );
    expect(withQuery("/api/x")).toBe("/api/x");
  });
});
