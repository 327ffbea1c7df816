import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useReducer, useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import {
  DIFFICULTIES,
  interview,
  KINDS,
  sourceLabel,
  topicNames,
  type AnswerResult,
  type Difficulty,
  type Kind,
  type PracticeSession,
  type SessionSummary,
} from "../../api/interview";
import { useFeatures } from "../../app/features";
import { Alert } from "../../components/Alert";
import { Chips } from "../../components/Chips";
import { TextArea } from "../../components/Field";
import { Page } from "../../components/Page";
import { TableWrap } from "../../components/TableWrap";
import { percent } from "../../components/format";
import {
  answerProblem,
  initialPractice,
  isLast,
  masteryLine,
  practiceReducer,
  scoreBand,
} from "./practice";

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

/** Name topics as the mastery list does ("ci-cd" -> "CI/CD"); the slug until it has loaded. */
function useTopicName(): (topic: string) => string {
  const mastery = useQuery({ queryKey: ["mastery"], queryFn: interview.mastery });
  return topicNames(mastery.data);
}

function Setup({ onStarted }: { onStarted(session: PracticeSession): void }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>("technical");
  const [count, setCount] = useState(5);
  const [difficulty, setDifficulty] = useState<Difficulty | "">("");
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
            onChange={(e) => setDifficulty(e.target.value as Difficulty | "")}
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
  const topicName = useTopicName();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // A scored answer moves mastery and adds to the history: the Progress screen must refetch.
  const stale = () => queryClient.invalidateQueries({ queryKey: ["mastery"] });
  const send = useMutation({
    mutationFn: () => interview.answer(question.id, answer, state.session.id),
    onSuccess: (result) => {
      void stale();
      void queryClient.invalidateQueries({ queryKey: ["history"] });
      onScored(result);
    },
  });
  const finish = useMutation({
    mutationFn: () => interview.finish(state.session.id),
    onSuccess: onFinished,
  });
  const about = sourceLabel(question.source);
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
        {` · ${topicName(question.topic)} · ${question.difficulty}`}
      </p>
      <section className="card" aria-labelledby="question-text">
        <h2 id="question-text" className="question">
          {question.question}
        </h2>
        {about ? <p className="muted small">About: {about}</p> : null}
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
  const { mastery } = result;
  return (
    <section className="card result" aria-labelledby="result-heading" role="status">
      <h2 id="result-heading">
        Score <span className={`score score--${band}`}>{percent(result.score)}</span>
      </h2>
      {result.feedback.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <div className="grid grid--two">
        <div>
          <h3>Concepts covered</h3>
          <Chips
            items={result.concepts_covered.map((c) => ({ label: c, tone: "match" }))}
            label="Concepts covered"
            empty="None yet."
          />
        </div>
        <div>
          <h3>Concepts missed</h3>
          <Chips
            items={result.concepts_missed.map((c) => ({ label: c, tone: "missing" }))}
            label="Concepts missed"
            empty="None: well covered."
          />
        </div>
      </div>
      <details className="reference" open>
        <summary>Reference answer</summary>
        <p>{result.reference_answer}</p>
      </details>
      <p className="muted small">
        {masteryLine(mastery.name, mastery.level_before, mastery.level)}
      </p>
    </section>
  );
}

function Summary({ summary, onRestart }: { summary: SessionSummary; onRestart(): void }) {
  const topicName = useTopicName();
  const topicChips = (list: SessionSummary["strongest_topics"], tone: "match" | "missing") =>
    list.map((t) => ({ label: `${topicName(t.topic)} ${percent(t.mean_score)}`, tone }));
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        Session summary
        {summary.mean_score !== null ? (
          <span className="count">{percent(summary.mean_score)} average</span>
        ) : null}
      </h2>
      <p className="muted">
        {summary.answered} of {summary.questions} questions answered.
      </p>
      {summary.per_question.length ? (
        <TableWrap label="Score per question">
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
              {summary.per_question.map((s, i) => (
                <tr key={`${s.question_id}-${i}`}>
                  <td>{s.question}</td>
                  <td>{topicName(s.topic)}</td>
                  <td>{s.score === null ? "skipped" : percent(s.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <div className="grid grid--two">
        <div>
          <h3>Strongest topics</h3>
          <Chips items={topicChips(summary.strongest_topics, "match")} label="Strongest topics" />
        </div>
        <div>
          <h3>Weakest topics</h3>
          <Chips items={topicChips(summary.weakest_topics, "missing")} label="Weakest topics" />
        </div>
      </div>
      <h3>Concepts to review</h3>
      <Chips
        items={summary.concepts_to_review.map((r) => ({
          label: `${r.concept} (${topicName(r.topic)})`,
        }))}
        label="Concepts to review"
        empty="Nothing to review."
      />
      {summary.mastery_change.length ? (
        <>
          <h3>Mastery change</h3>
          <ul className="plain-list">
            {summary.mastery_change.map((c) => (
              <li key={c.topic}>{masteryLine(topicName(c.topic), c.before, c.after)}</li>
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
