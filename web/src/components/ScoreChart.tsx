import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { percent } from "./format";

export interface Score {
  key: string;
  label: string;
  value: number;
}

function colour(value: number) {
  if (value >= 0.7) return "var(--good)";
  if (value >= 0.45) return "var(--fair)";
  return "var(--weak)";
}

/** Fit scores as horizontal bars, with the same figures as a list for screen readers. */
export function ScoreChart({ scores, label }: { scores: Score[]; label: string }) {
  return (
    <figure className="score-chart">
      <div className="score-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={scores.length * 44 + 24}>
          <BarChart
            accessibilityLayer={false}
            data={scores}
            layout="vertical"
            margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke="var(--grid)" />
            <XAxis
              type="number"
              domain={[0, 1]}
              tickFormatter={percent}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              stroke="var(--muted)"
              fontSize={12}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={96}
              stroke="var(--muted)"
              fontSize={13}
              tickLine={false}
            />
            <Bar dataKey="value" radius={[0, 4, 4, 0]} barSize={22} isAnimationActive={false}>
              {scores.map((s) => (
                <Cell key={s.key} fill={colour(s.value)} />
              ))}
              <LabelList
                dataKey="value"
                position="right"
                formatter={(v: unknown) => percent(Number(v))}
                fontSize={13}
                fill="var(--text)"
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="visually-hidden">{label}</figcaption>
      <ul className="visually-hidden">
        {scores.map((s) => (
          <li key={s.key}>
            {s.label}: {percent(s.value)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
