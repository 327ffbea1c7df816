import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { api, type SearchHit } from "../../api/endpoints";
import { Alert } from "../../components/Alert";
import { Page } from "../../components/Page";

const EXAMPLES = [
  "What did I build with Python?",
  "Where did I study?",
  "Which certifications do I hold?",
];

export function SearchPage() {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [k, setK] = useState(5);
  const [asked, setAsked] = useState<{ q: string; k: number } | null>(null);
  const search = useQuery({
    queryKey: ["search", asked?.q, asked?.k],
    queryFn: () => api.search(asked!.q, asked!.k),
    enabled: asked !== null,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim()) setAsked({ q: draft.trim(), k });
  }
  const error = search.error instanceof ApiError ? search.error : null;
  return (
    <Page
      title="Ask your resume"
      intro="Search your own resume by meaning: the passages that answer best come first."
    >
      <form className="card search-form" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor={`${id}-q`}>Question</label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            maxLength={1000}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="e.g. What did I build with Kafka?"
            aria-invalid={error?.errors.q ? true : undefined}
          />
          {error?.errors.q ? <p className="field__error">{error.errors.q}</p> : null}
        </div>
        <div className="field field--small">
          <label htmlFor={`${id}-k`}>Results</label>
          <select id={`${id}-k`} value={k} onChange={(e) => setK(Number(e.target.value))}>
            {[3, 5, 10, 20].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={!draft.trim()}>
          Search
        </button>
      </form>
      {!asked ? (
        <p className="muted">
          Try:{" "}
          {EXAMPLES.map((example, i) => (
            <span key={example}>
              {i ? " · " : ""}
              <button type="button" className="link-button" onClick={() => setDraft(example)}>
                {example}
              </button>
            </span>
          ))}
        </p>
      ) : null}
      {search.isFetching ? (
        <p role="status" className="muted">
          Searching…
        </p>
      ) : null}
      {error?.status === 404 ? (
        <Alert tone="error" title="Nothing to search yet">
          <p>
            {error.message} <Link to="/upload">Upload your resume</Link> first.
          </p>
        </Alert>
      ) : error ? (
        <Alert tone="error">{error.message}</Alert>
      ) : null}
      {search.data ? (
        <section aria-labelledby="results-heading" aria-live="polite">
          <h2 id="results-heading">
            {search.data.results.length} passage{search.data.results.length === 1 ? "" : "s"} for “
            {search.data.query}”
          </h2>
          <ol className="hits">
            {search.data.results.map((hit) => (
              <Hit key={hit.position} hit={hit} />
            ))}
          </ol>
        </section>
      ) : null}
    </Page>
  );
}

const PREVIEW = 420;

/** One passage with its section; a long one shows its start until asked for the rest. */
function Hit({ hit }: { hit: SearchHit }) {
  const [open, setOpen] = useState(false);
  const long = hit.text.length > PREVIEW;
  const text = long && !open ? `${hit.text.slice(0, PREVIEW).trimEnd()}…` : hit.text;
  return (
    <li className="card hit">
      <p className="hit__meta">
        <span className="tag tag--neutral">{hit.section || "Resume"}</span>
        <span className="muted small">relevance {Math.round(hit.score * 100)}%</span>
      </p>
      <p className="hit__text">{text}</p>
      {long ? (
        <button
          type="button"
          className="link-button small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "Show less" : "Show the whole passage"}
        </button>
      ) : null}
    </li>
  );
}
