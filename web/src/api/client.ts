// One fetch client for the API: JSON in and out, the bearer token on every call, and one refresh
// of an expired access token (then one retry) before the session is given up.
import type { TokenStore } from "./tokens";

export interface RawResponse {
  status: number;
  data: unknown;
  blob?: Blob;
}

type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  json?: unknown;
  form?: FormData;
  query?: Query;
  auth?: boolean;
  onUploadProgress?: (fraction: number) => void;
}

const STATUS_MESSAGES: Record<number, string> = {
  0: "Cannot reach the server. Check your connection and try again.",
  401: "Please log in again.",
  404: "Not found.",
  413: "The file is too large.",
  415: "That kind of file or request is not supported.",
  422: "Some of the data is invalid.",
  429: "Too many requests: wait a minute and try again.",
};

/** An error answer from the API in its one shape: a sentence and, maybe, fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: Record<string, string>;

  constructor(status: number, message: string, errors: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }

  /** Build the error a non-2xx response stands for. */
  static from(response: RawResponse): ApiError {
    const body = (response.data ?? {}) as { message?: unknown; errors?: unknown };
    const fallback =
      STATUS_MESSAGES[response.status] ??
      (response.status >= 500
        ? "Something went wrong on the server; please try again."
        : `The request failed (${response.status}).`);
    const message = typeof body.message === "string" && body.message ? body.message : fallback;
    const errors: Record<string, string> = {};
    if (body.errors && typeof body.errors === "object") {
      for (const [field, text] of Object.entries(body.errors as Record<string, unknown>)) {
        if (typeof text === "string") errors[field] = text;
      }
    }
    return new ApiError(response.status, message, errors);
  }
}

/** Append query parameters, leaving out the undefined ones. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readBody(response: Response): Promise<RawResponse> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("application/json")) {
    try {
      return { status: response.status, data: await response.json() };
    } catch {
      return { status: response.status, data: null };
    }
  }
  if (response.ok && !type.startsWith("text/")) {
    return { status: response.status, data: null, blob: await response.blob() };
  }
  return { status: response.status, data: null };
}

function headersFor(token: string | null, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json) headers["Content-Type"] = "application/json";
  return headers;
}

/** Send a multipart form with upload progress (fetch cannot report it; XMLHttpRequest can). */
function sendWithProgress(
  method: string,
  url: string,
  token: string | null,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headersFor(token, false))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      resolve({ status: xhr.status, data });
    };
    xhr.onerror = () => resolve({ status: 0, data: null });
    xhr.send(form);
  });
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Ask for a fresh access token with the refresh token; null when that is not possible. */
  refreshAccess(): Promise<string | null>;
}

export interface ClientOptions {
  tokens: TokenStore;
  fetch?: typeof fetch;
  /** Called when the session cannot be renewed (refresh token expired or revoked). */
  onSessionEnded?: () => void;
}

/** Create the API client over a token store and a fetch function. */
export function createApiClient({
  tokens,
  fetch: fetchFn,
  onSessionEnded,
}: ClientOptions): ApiClient {
  const doFetch = fetchFn ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let refreshing: Promise<string | null> | null = null;

  async function send(
    method: string,
    url: string,
    token: string | null,
    options: RequestOptions,
  ): Promise<RawResponse> {
    if (options.form && options.onUploadProgress) {
      return sendWithProgress(method, url, token, options.form, options.onUploadProgress);
    }
    const hasJson = options.json !== undefined;
    try {
      const response = await doFetch(url, {
        method,
        headers: headersFor(token, hasJson),
        body: hasJson ? JSON.stringify(options.json) : options.form,
        credentials: "same-origin",
      });
      return await readBody(response);
    } catch {
      return { status: 0, data: null };
    }
  }

  function endSession() {
    tokens.clear();
    onSessionEnded?.();
  }

  function refreshAccess(): Promise<string | null> {
    // Concurrent 401s share one refresh: a second refresh would race the first for nothing.
    refreshing ??= (async () => {
      const refresh = tokens.refresh();
      if (!refresh) return null;
      const response = await send("POST", "/api/refresh", refresh, {});
      const token = (response.data as { access_token?: unknown } | null)?.access_token;
      if (response.status === 200 && typeof token === "string") {
        tokens.set(token);
        return token;
      }
      // A refused refresh token is final; a network failure or a 5xx is not.
      if (response.status === 401 || response.status === 422) endSession();
      return null;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const url = withQuery(path, options.query);
    const auth = options.auth ?? true;
    let token = auth ? tokens.access() : null;
    if (auth && !token && tokens.refresh()) token = await refreshAccess();
    let response = await send(method, url, token, options);
    if (auth && response.status === 401) {
      // Another call may have renewed the token while this one was in flight.
      const current = tokens.access();
      const fresh = current && current !== token ? current : await refreshAccess();
      if (fresh) response = await send(method, url, fresh, options);
      if (response.status === 401 && (token || fresh)) endSession();
    }
    if (response.status >= 200 && response.status < 300) {
      return (response.blob ?? response.data) as T;
    }
    throw ApiError.from(response);
  }

  return { request, refreshAccess };
}
