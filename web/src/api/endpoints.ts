// The API's routes as typed functions; the types come from the generated OpenAPI schema, so a
// change to the contract breaks the build here rather than in a user's browser.
import { createApiClient, type ApiClient } from "./client";
import type { components, paths } from "./schema";
import { tokens } from "./tokens";

type Schemas = components["schemas"];
export type User = Schemas["UserOut"];
export type AnalysisData = Schemas["AnalysisData"] & {
  warnings?: unknown;
  internship_years?: number;
  experience_years_exact?: number;
};
export type JobFit = Schemas["JobFitOut"] & {
  required_years_max?: number | null;
  required_skills?: string[];
};
export type SearchHit = Schemas["SearchHit"];
export type ProfileUpdate = Schemas["ProfileUpdateIn"];
export type RegisterBody = Schemas["RegisterIn"];
export type LoginBody = Schemas["LoginIn"];

type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
/** The JSON body of a route's success answer (200 or 201). */
export type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer Rs;
}
  ? Rs extends { 200: infer R }
    ? JsonOf<R>
    : Rs extends { 201: infer R }
      ? JsonOf<R>
      : never
  : never;

let sessionEndedHandler: (() => void) | null = null;

/** Tell the client what to do when a session cannot be renewed (the app logs out). */
export function onSessionEnded(handler: (() => void) | null): void {
  sessionEndedHandler = handler;
}

export const client: ApiClient = createApiClient({
  tokens,
  onSessionEnded: () => sessionEndedHandler?.(),
});

export const api = {
  register: (body: RegisterBody) =>
    client.request<Ok<"/api/register", "post">>("POST", "/api/register", {
      json: body,
      auth: false,
    }),
  login: (body: LoginBody) =>
    client.request<Ok<"/api/login", "post">>("POST", "/api/login", { json: body, auth: false }),
  logout: (refreshToken: string | null) =>
    client.request<Ok<"/api/logout", "post">>("POST", "/api/logout", {
      json: refreshToken ? { refresh_token: refreshToken } : {},
    }),
  profile: () => client.request<Ok<"/api/profile", "get">>("GET", "/api/profile"),
  updateProfile: (body: ProfileUpdate) =>
    client.request<Ok<"/api/update_profile", "post">>("POST", "/api/update_profile", {
      json: body,
    }),
  uploadResume: (file: File, jobDescription: string, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append("resume", file);
    form.append("job_description", jobDescription);
    return client.request<Ok<"/api/upload_resume", "post">>("POST", "/api/upload_resume", {
      form,
      onUploadProgress: onProgress,
    });
  },
  analysis: () => client.request<Ok<"/api/resume/analysis", "get">>("GET", "/api/resume/analysis"),
  fit: (jobDescription: string) =>
    client.request<Ok<"/api/resume/fit", "post">>("POST", "/api/resume/fit", {
      json: { job_description: jobDescription },
    }),
  search: (q: string, k: number) =>
    client.request<Ok<"/api/resume/search", "get">>("GET", "/api/resume/search", {
      query: { q, k },
    }),
  deleteResume: () => client.request<Ok<"/api/resume", "delete">>("DELETE", "/api/resume"),
  /** List the API's paths, to show only the screens the server supports. */
  openapiPaths: async () => {
    const doc = await client.request<{ paths?: Record<string, unknown> }>(
      "GET",
      "/api/openapi.json",
      { auth: false },
    );
    return Object.keys(doc.paths ?? {});
  },
};
