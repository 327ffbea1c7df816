import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { api, type JobFit } from "../../api/endpoints";
import { Alert } from "../../components/Alert";
import { Chips } from "../../components/Chips";
import { TextArea, TextField } from "../../components/Field";
import { Page } from "../../components/Page";
import { percent } from "../../components/format";
import { ScoreChart } from "../../components/ScoreChart";
import { experienceSentence, fitScores, rankJobs, skillChips } from "./scores";

const MAX_JOBS = 5;

interface Job {
  key: number;
  title: string;
  text: string;
}

let nextKey = 3;

export function ComparePage() {
  const [jobs, setJobs] = useState<Job[]>([
    { key: 1, title: "", text: "" },
    { key: 2, title: "", text: "" },
  ]);
  const [blank, setBlank] = useState<Set<number>>(new Set());
  const compare = useMutation({
    mutationFn: async (list: Job[]) => {
      // One job at a time: the server scores on CPU and a burst would only queue up there.
      const results: { item: string; fit: JobFit }[] = [];
      for (const [i, job] of list.entries()) {
        try {
          const { job_fit_analysis } = await api.fit(job.text);
          results.push({
            item: job.title.trim() || `Job ${i + 1}`,
            fit: job_fit_analysis as JobFit,
          });
        } catch (error) {
          if (error instanceof ApiError && error.status !== 404) {
            throw new ApiError(
              error.status,
              `${job.title.trim() || `Job ${i + 1}`}: ${error.message}`,
              error.errors,
            );
          }
          throw error;
        }
      }
      return rankJobs(results);
    },
  });
  const update = (key: number, patch: Partial<Job>) =>
    setJobs((list) => list.map((j) => (j.key === key ? { ...j, ...patch } : j)));
  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = new Set(jobs.filter((j) => !j.text.trim()).map((j) => j.key));
    setBlank(empty);
    if (empty.size === 0) compare.mutate(jobs);
  }
  const noResume = compare.error instanceof ApiError && compare.error.status === 404;
  return (
    <Page
      title="Compare jobs"
      intro="Paste job descriptions and see how your stored resume ranks against each."
    >
      <form className="card" onSubmit={submit} noValidate aria-busy={compare.isPending}>
        <div className="jobs">
          {jobs.map((job, i) => (
            <fieldset key={job.key} className="job-input">
              <legend>Job {i + 1}</legend>
              <TextField
                label={`Job ${i + 1} title (optional)`}
                value={job.title}
                onChange={(e) => update(job.key, { title: e.target.value })}
                placeholder="e.g. Data engineer at Acme"
              />
              <TextArea
                label={`Job ${i + 1} description`}
                rows={6}
                value={job.text}
                maxLength={20000}
                onChange={(e) => update(job.key, { text: e.target.value })}
                error={
                  blank.has(job.key) ? "Paste a job description or remove this job." : undefined
                }
              />
              {jobs.length > 2 ? (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setJobs((list) => list.filter((j) => j.key !== job.key))}
                >
                  Remove job {i + 1}
                </button>
              ) : null}
            </fieldset>
          ))}
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={jobs.length >= MAX_JOBS}
            onClick={() => setJobs((list) => [...list, { key: nextKey++, title: "", text: "" }])}
          >
            Add another job
          </button>
          <button type="submit" className="button button--primary" disabled={compare.isPending}>
            {compare.isPending ? "Scoring…" : "Compare"}
          </button>
        </div>
        {compare.isPending ? (
          <p role="status" className="muted">
            Scoring each job against your resume…
          </p>
        ) : null}
      </form>
      {noResume ? (
        <Alert tone="error" title="No resume to compare">
          <p>
            {compare.error!.message} <Link to="/upload">Upload your resume</Link> first.
          </p>
        </Alert>
      ) : compare.error ? (
        <Alert tone="error">{compare.error.message}</Alert>
      ) : null}
      {compare.data ? (
        <section aria-labelledby="ranking-heading">
          <h2 id="ranking-heading">Ranking</h2>
          <ol className="ranking">
            {compare.data.map(({ rank, item, fit }) => {
              const chips = skillChips(fit);
              return (
                <li key={`${rank}-${item}`} className="card ranking__item">
                  <h3>
                    <span className="rank" aria-label={`Rank ${rank}`}>
                      #{rank}
                    </span>{" "}
                    {item}
                    <span className="ranking__score">
                      {percent(fit.overall_score ?? fit.semantic_score)} overall
                    </span>
                  </h3>
                  <ScoreChart scores={fitScores(fit)} label={`Fit scores for ${item}`} />
                  <p className="small">{experienceSentence(fit)}</p>
                  <h4>Matching</h4>
                  <Chips items={chips.matching} label={`Matching skills for ${item}`} />
                  <h4>Missing</h4>
                  <Chips
                    items={chips.missing}
                    label={`Missing skills for ${item}`}
                    empty="Nothing missing."
                  />
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </Page>
  );
}
