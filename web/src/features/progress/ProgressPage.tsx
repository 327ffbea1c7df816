import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { interview, topicNames, type MasteryRow } from "../../api/interview";
import { useFeatures } from "../../app/features";
import { Alert } from "../../components/Alert";
import { Page } from "../../components/Page";
import { TableWrap } from "../../components/TableWrap";
import { percent } from "../../components/format";
import { clampPage, dueText, practised, shortDate, trendPoints, trendWord } from "./mastery";

const HISTORY_PAGE = 10;

export function ProgressPage() {
  const features = useFeatures();
  if (!features.progress) {
    return (
      <Page title="Progress">
        <Alert tone="info">Progress tracking is not available on this server yet.</Alert>
      </Page>
    );
  }
  return (
    <Page
      title="Progress"
      intro="Mastery per topic, its trend, and every answer you gave."
      actions={<ReportButton />}
    >
      <Mastery />
      <History />
    </Page>
  );
}

function ReportButton() {
  const download = useMutation({
    mutationFn: interview.report,
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = "progress-report.pdf";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <div>
      <button
        type="button"
        className="button"
        onClick={() => download.mutate()}
        disabled={download.isPending}
      >
        {download.isPending ? "Preparing PDF…" : "Download PDF report"}
      </button>
      {download.error ? <Alert tone="error">{download.error.message}</Alert> : null}
    </div>
  );
}

function Mastery() {
  const mastery = useQuery({ queryKey: ["mastery"], queryFn: interview.mastery });
  if (mastery.isPending) return <p className="muted">Loading mastery…</p>;
  if (mastery.error) return <Alert tone="error">{mastery.error.message}</Alert>;
  // The server's order is the practice order: weak topics, then due, new, the rest.
  const rows = mastery.data;
  if (!rows.length) {
    return (
      <Alert tone="info">
        No topics yet: upload a resume or practise to start tracking mastery.
      </Alert>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="mastery-heading">
        <h2 id="mastery-heading">Mastery</h2>
        <TableWrap label="Mastery per topic">
          <table className="table">
            <caption className="visually-hidden">
              Mastery per topic: weak topics first, then those due, new, the rest
            </caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Level</th>
                <th scope="col">Attempts</th>
                <th scope="col">Trend</th>
                <th scope="col">Last practised</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const trend = trendWord(row);
                return (
                  <tr key={row.topic}>
                    <th scope="row">
                      {row.name}
                      {row.weak ? (
                        <>
                          {" "}
                          <span className="tag tag--warn">weak</span>
                        </>
                      ) : null}
                    </th>
                    <td>
                      <span className="level">
                        <span className="level__bar" aria-hidden="true">
                          <span style={{ width: percent(row.level) }} />
                        </span>
                        {percent(row.level)}
                      </span>
                    </td>
                    <td>{row.attempts}</td>
                    <td>
                      <span aria-hidden="true">{trend.arrow}</span> {trend.word}
                    </td>
                    <td>{shortDate(row.last_practiced)}</td>
                    <td>{dueText(row)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <Trend rows={rows} />
    </>
  );
}

/** One topic's recent scores, the ones its trend is judged on. */
function Trend({ rows }: { rows: MasteryRow[] }) {
  const id = useId();
  const topics = practised(rows);
  const [picked, setPicked] = useState<string | null>(null);
  const row = topics.find((r) => r.topic === picked) ?? topics[0];
  if (!row) return null;
  const points = trendPoints(row);
  return (
    <section className="card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">Trend</h2>
      <div className="field field--small">
        <label htmlFor={`${id}-topic`}>Topic</label>
        <select id={`${id}-topic`} value={row.topic} onChange={(e) => setPicked(e.target.value)}>
          {topics.map((r) => (
            <option key={r.topic} value={r.topic}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid stroke="var(--grid)" />
            <XAxis dataKey="attempt" stroke="var(--muted)" fontSize={12} allowDecimals={false} />
            <YAxis domain={[0, 1]} tickFormatter={percent} stroke="var(--muted)" fontSize={12} />
            <Tooltip formatter={(v: unknown) => percent(Number(v))} />
            <Line
              type="monotone"
              dataKey="score"
              stroke="var(--accent)"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="muted small">
        {row.name}: {trendWord(row).word}, mastery {percent(row.level)} after {row.attempts}{" "}
        {row.attempts === 1 ? "answer" : "answers"}. Recent scores, oldest first:{" "}
        {points.map((p) => percent(p.score)).join(", ")}.
      </p>
    </section>
  );
}

function History() {
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ["history", page],
    queryFn: () => interview.history(page, HISTORY_PAGE),
  });
  // Topic names come from the mastery list, which this screen has already asked for.
  const mastery = useQuery({ queryKey: ["mastery"], queryFn: interview.mastery });
  const topicName = topicNames(mastery.data);
  const pages = Math.max(1, history.data?.pages ?? 1);
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">
        Past answers
        {history.data ? <span className="count">{history.data.total}</span> : null}
      </h2>
      {history.isPending ? <p className="muted">Loading history…</p> : null}
      {history.error ? <Alert tone="error">{history.error.message}</Alert> : null}
      {history.data ? (
        history.data.attempts.length ? (
          <>
            <ol className="history">
              {history.data.attempts.map((item) => (
                <li key={item.id} className="history__item">
                  <p className="history__q">
                    <strong>{item.question}</strong>
                    <span className="muted small">
                      {topicName(item.topic)} · {shortDate(item.created_at)} · {percent(item.score)}
                    </span>
                  </p>
                  <p className="history__a">{item.answer}</p>
                  {item.feedback.length ? (
                    <p className="muted small">{item.feedback.join(" ")}</p>
                  ) : null}
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav className="pager" aria-label="History pages">
                <button
                  type="button"
                  className="button"
                  disabled={page <= 1}
                  onClick={() => setPage(clampPage(page - 1, pages))}
                >
                  Newer
                </button>
                <span>
                  Page {history.data.page} of {pages}
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={page >= pages}
                  onClick={() => setPage(clampPage(page + 1, pages))}
                >
                  Older
                </button>
              </nav>
            ) : null}
          </>
        ) : (
          <p className="muted">No answers yet.</p>
        )
      ) : null}
    </section>
  );
}
