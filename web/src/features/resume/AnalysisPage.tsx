import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { ApiError } from "../../api/client";
import { api, type AnalysisData } from "../../api/endpoints";
import { Alert } from "../../components/Alert";
import { Chips } from "../../components/Chips";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Page } from "../../components/Page";
import { ScoreChart } from "../../components/ScoreChart";
import {
  experienceScore,
  experienceSentence,
  fitScores,
  parserWarnings,
  skillChips,
} from "./scores";

export function AnalysisPage() {
  const location = useLocation();
  const uploaded = Boolean((location.state as { uploaded?: boolean } | null)?.uploaded);
  const analysis = useQuery({ queryKey: ["analysis"], queryFn: api.analysis });
  const [deleted, setDeleted] = useState(false);
  const notFound = analysis.error instanceof ApiError && analysis.error.status === 404;
  return (
    <Page
      title="Resume analysis"
      intro="How your resume reads, and how well it fits the job you uploaded it with."
      actions={
        analysis.data ? (
          <Link className="button" to="/upload">
            Upload a new version
          </Link>
        ) : null
      }
    >
      {deleted ? (
        <Alert tone="success">Your resume and everything derived from it were deleted.</Alert>
      ) : null}
      {analysis.isPending ? <p className="muted">Loading your analysis…</p> : null}
      {notFound ? (
        <div className="card empty">
          <h2>No resume yet</h2>
          <p>Upload your resume with a job description to see your skills, experience and fit.</p>
          <Link className="button button--primary" to="/upload">
            Upload your resume
          </Link>
        </div>
      ) : analysis.error ? (
        <Alert tone="error">{analysis.error.message}</Alert>
      ) : null}
      {analysis.data ? (
        <>
          {uploaded && !deleted ? <Alert tone="success">{analysis.data.message}</Alert> : null}
          <Dashboard data={analysis.data.data as AnalysisData} />
          <DeleteResume onDeleted={() => setDeleted(true)} />
        </>
      ) : null}
    </Page>
  );
}

function List({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  const id = `list-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{items.length}</span>
      </h2>
      {items.length ? (
        <ul className="plain-list">
          {items.map((item, i) => (
            <li key={`${i}-${item}`}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

function Dashboard({ data }: { data: AnalysisData }) {
  const fit = data.job_fit_analysis;
  const chips = skillChips(fit);
  const warnings = parserWarnings(data.warnings);
  const exp = experienceScore(fit);
  return (
    <div className="dashboard">
      {warnings.length ? (
        <Alert tone="warning" title="Some parts of your resume were hard to read">
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p>
            <Link to="/profile">Check and fix your profile</Link> where the parser got it wrong.
          </p>
        </Alert>
      ) : null}
      <div className="grid grid--two">
        <section className="card" aria-labelledby="fit-heading">
          <h2 id="fit-heading">Fit to the job</h2>
          <ScoreChart
            scores={fitScores(fit)}
            label="Fit scores: overall, keywords, semantic and experience"
          />
          <p className="muted small">
            Overall blends semantic similarity (70%), keyword match (20%) and experience (10%).
          </p>
        </section>
        <section className="card" aria-labelledby="exp-heading">
          <h2 id="exp-heading">Experience</h2>
          <p className="big-figure">
            {(fit.candidate_years ?? data.experience_years).toFixed(1).replace(/\.0$/, "")}
            <span> years</span>
          </p>
          <p>{experienceSentence(fit)}</p>
          <div
            className="meter"
            role="img"
            aria-label={`Experience against the requirement: ${Math.round(exp * 100)}%`}
          >
            <div className="meter__fill" style={{ width: `${Math.round(exp * 100)}%` }} />
          </div>
          <p className={`tag tag--${fit.experience_fit === "Good fit" ? "good" : "neutral"}`}>
            {fit.experience_fit}
          </p>
          {data.internship_years ? (
            <p className="muted small">Plus {data.internship_years} years of internships.</p>
          ) : null}
        </section>
      </div>
      <section className="card" aria-labelledby="skills-heading">
        <h2 id="skills-heading">Skills the job asks for</h2>
        <div className="grid grid--two">
          <div>
            <h3>
              You have <span className="count">{chips.matching.length}</span>
            </h3>
            <Chips
              items={chips.matching}
              label="Matching skills"
              empty="None of the job's skills were found."
            />
          </div>
          <div>
            <h3>
              Missing <span className="count">{chips.missing.length}</span>
            </h3>
            <Chips items={chips.missing} label="Missing skills" empty="Nothing missing." />
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="all-skills-heading">
        <h2 id="all-skills-heading">
          Skills found in your resume <span className="count">{data.skills.length}</span>
        </h2>
        <Chips items={data.skills.map((s) => ({ label: s }))} label="Skills found" />
      </section>
      <div className="grid grid--two">
        <List title="Projects" items={data.projects} empty="No projects found." />
        <List title="Internships" items={data.internships} empty="No internships found." />
        <List title="Certifications" items={data.certifications} empty="No certifications found." />
        <List title="Education" items={data.education} empty="No education found." />
      </div>
    </div>
  );
}

function DeleteResume({ onDeleted }: { onDeleted(): void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: api.deleteResume,
    onSuccess: () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: ["analysis"] });
      queryClient.invalidateQueries({ queryKey: ["profile"] });
      onDeleted();
      queryClient.invalidateQueries({ queryKey: ["analysis"] });
    },
  });
  return (
    <section className="card card--danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my resume</h2>
      <p>Removes the file, its analysis and its search index. Your account and profile stay.</p>
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Delete my resume…
      </button>
      <ConfirmDialog
        open={open}
        title="Delete your resume?"
        confirmLabel="Delete resume"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>This cannot be undone. You can upload a resume again at any time.</p>
      </ConfirmDialog>
    </section>
  );
}
