import { useMutation } from "@tanstack/react-query";
import { useId, useReducer, useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import {
  DIFFICULTIES,
  interview,
  KINDS,
  type AnswerResult,
  type Kind,
  type SessionSummary,
} from "../../api/interview";
import { useFeatures } from "../../app/features";
import { Alert } from "../../components/Alert";
import { Chips } from "../../components/Chips";
import { TextArea } from "../../components/Field";
import { Page } from "../../components/Page";
import { percent } from "../../components/format";
import { answerProblem, initialPractice, isLast, practiceReducer, scoreBand } from "./practice";

const KIND_LABELS: Record<Kind, string> = {
  mock: "Mock interview (a mix)",
  technical: "Technical",
  resume: "About your resume",
  behavioral: "Behavioural",
  role: "The role's scenarios",
};

export function PracticePage() {
  const features = useFeatures();
  const [state, dispatch] = useReducer(practiceReducer, initialPractice);
  if (!features.practice) {
    return (
      <Page title="Practice">
        <Alert tone="info">Interview practice is not available on this server yet.</Alert>
      </Page>
    );
  }
  return (
    <Page
      title="Practice"
      intro="Answer one question at a time; each answer is scored against a reference."
    >
      {state.step === "setup" ? (
        <Setup onStarted={(session) => dispatch({ type: "started", session })} />
      ) : null}
      {state.step === "answering" || state.step === "reviewing" ? (
        <QuestionCard
          key={state.session.questions[state.index].id}
          state={state}
          onScored={(result) => dispatch({ type: "scored", result })}
          onNext={() => dispatch({ type: "next" })}
          onSkip={() => dispatch({ type: "skip" })}
          onFinished={(summary) => dispatch({ type: "finished", summary })}
        />
      ) : null}
      {state.step === "summary" ? (
        <Summary summary={state.summary} onRestart={() => dispatch({ type: "restart" })} />
      ) : null}
    </Page>
  );
}

function Setup({
  onStarted,
}: {
  onStarted(session: Awaited<ReturnType<typeof interview.startSession>>): void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Kind>("technical");
  const [count, setCount] = useState(5);
  const [difficulty, setDifficulty] = useState("");
  const start = useMutation({
    mutationFn: () => interview.startSession(kind, count, difficulty || undefined),
    onSuccess: (session) => {
      if (session.questions.length) onStarted(session);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    start.mutate();
  }
  const empty = start.isSuccess && start.data.questions.length === 0;
  return (
    <form className="card" onSubmit={submit}>
      {start.error ? <Alert tone="error">{start.error.message}</Alert> : null}
      {empty ? (
        <Alert tone="info">
          No questions of that kind yet: upload a resume or try another kind.
        </Alert>
      ) : null}
      <fieldset className="field">
        <legend>Kind of interview</legend>
        <div className="radio-grid">
          {KINDS.map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid--two">
        <div className="field">
          <label htmlFor={`${id}-count`}>Questions</label>
          <select
            id={`${id}-count`}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          >
            {[3, 5, 8, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>Difficulty</label>
          <select
            id={`${id}-level`}
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value)}
          >
            <option value="">From my experience</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {d[0].toUpperCase() + d.slice(1)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={start.isPending}>
          {start.isPending ? "Preparing questions…" : "Start practising"}
        </button>
      </div>
    </form>
  );
}

type Active = Extract<ReturnType<typeof practiceReducer>, { step: "answering" | "reviewing" }>;

function QuestionCard({
  state,
  onScored,
  onNext,
  onSkip,
  onFinished,
}: {
  state: Active;
  onScored(result: AnswerResult): void;
  onNext(): void;
  onSkip(): void;
  onFinished(summary: SessionSummary): void;
}) {
  const question = state.session.questions[state.index];
  const total = state.session.questions.length;
  const [answer, setAnswer] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => interview.answer(question.id, answer, state.session.id),
    onSuccess: onScored,
  });
  const finish = useMutation({
    mutationFn: () => interview.finish(state.session.id),
    onSuccess: onFinished,
  });
  const result = state.results[state.index];
  const error = send.error instanceof ApiError ? send.error : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    const why = answerProblem(answer);
    setProblem(why);
    if (!why) send.mutate();
  }
  return (
    <div className="practice">
      <p className="muted" aria-live="polite">
        Question {state.index + 1} of {total}
        {question.topic ? ` · ${question.topic}` : ""}
        {question.difficulty ? ` · ${question.difficulty}` : ""}
      </p>
      <section className="card" aria-labelledby="question-text">
        <h2 id="question-text" className="question">
          {question.text}
        </h2>
        {question.source ? <p className="muted small">About: {question.source}</p> : null}
        {state.step === "answering" ? (
          <form onSubmit={submit} noValidate>
            {error ? <Alert tone="error">{error.message}</Alert> : null}
            <TextArea
              label="Your answer"
              rows={7}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              error={problem ?? error?.errors.answer}
            />
            <div className="form-actions">
              {!isLast(state) ? (
                <button type="button" className="button button--quiet" onClick={onSkip}>
                  Skip
                </button>
              ) : null}
              <button type="submit" className="button button--primary" disabled={send.isPending}>
                {send.isPending ? "Scoring…" : "Submit answer"}
              </button>
            </div>
          </form>
        ) : null}
      </section>
      {result ? <ResultCard result={result} /> : null}
      {finish.error ? <Alert tone="error">{finish.error.message}</Alert> : null}
      <div className="form-actions">
        {state.step === "reviewing" && !isLast(state) ? (
          <button type="button" className="button button--primary" onClick={onNext}>
            Next question
          </button>
        ) : null}
        <button
          type="button"
          className={`button${state.step === "reviewing" && isLast(state) ? " button--primary" : ""}`}
          onClick={() => finish.mutate()}
          disabled={finish.isPending}
        >
          {finish.isPending ? "Finishing…" : "Finish session"}
        </button>
      </div>
    </div>
  );
}

function ResultCard({ result }: { result: AnswerResult }) {
  const band = scoreBand(result.score);
  return (
    <section className="card result" aria-labelledby="result-heading" role="status">
      <h2 id="result-heading">
        Score <span className={`score score--${band}`}>{percent(result.score)}</span>
      </h2>
      {result.feedback ? <p>{result.feedback}</p> : null}
      <div className="grid grid--two">
        <div>
          <h3>Concepts covered</h3>
          <Chips
            items={result.conceptsCovered.map((c) => ({ label: c, tone: "match" }))}
            label="Concepts covered"
          />
        </div>
        <div>
          <h3>Concepts missed</h3>
          <Chips
            items={result.conceptsMissed.map((c) => ({ label: c, tone: "missing" }))}
            label="Concepts missed"
            empty="None: well covered."
          />
        </div>
      </div>
      <details className="reference" open>
        <summary>Reference answer</summary>
        <p>{result.referenceAnswer}</p>
      </details>
      {result.masteryLevel !== null ? (
        <p className="muted small">
          Mastery of {result.topic ?? "this topic"} is now {percent(result.masteryLevel)}.
        </p>
      ) : null}
    </section>
  );
}

function Summary({ summary, onRestart }: { summary: SessionSummary; onRestart(): void }) {
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        Session summary
        {summary.average !== null ? (
          <span className="count">{percent(summary.average)} average</span>
        ) : null}
      </h2>
      {summary.scores.length ? (
        <table className="table">
          <caption className="visually-hidden">Score per question</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Topic</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {summary.scores.map((s, i) => (
              <tr key={`${s.questionId}-${i}`}>
                <td>{s.question || `Question ${i + 1}`}</td>
                <td>{s.topic ?? "–"}</td>
                <td>{s.score === null ? "skipped" : percent(s.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="grid grid--two">
        <div>
          <h3>Strongest topics</h3>
          <Chips
            items={summary.strongest.map((t) => ({ label: t, tone: "match" }))}
            label="Strongest topics"
          />
        </div>
        <div>
          <h3>Weakest topics</h3>
          <Chips
            items={summary.weakest.map((t) => ({ label: t, tone: "missing" }))}
            label="Weakest topics"
          />
        </div>
      </div>
      <h3>Concepts to review</h3>
      <Chips
        items={summary.conceptsToReview.map((t) => ({ label: t }))}
        label="Concepts to review"
        empty="Nothing to review."
      />
      {summary.masteryChange.length ? (
        <>
          <h3>Mastery change</h3>
          <ul className="plain-list">
            {summary.masteryChange.map((c) => (
              <li key={c.topic}>
                {c.topic}: {c.before === null ? "–" : percent(c.before)} →{" "}
                {c.after === null ? "–" : percent(c.after)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="form-actions">
        <Link className="button" to="/progress">
          See your progress
        </Link>
        <button type="button" className="button button--primary" onClick={onRestart}>
          Practise again
        </button>
      </div>
    </section>
  );
}
