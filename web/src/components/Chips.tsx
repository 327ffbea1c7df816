import type { ReactNode } from "react";

export interface Chip {
  label: string;
  tone?: "match" | "missing" | "neutral" | "resume";
  note?: string;
}

/** A list of skills as chips; the tone is spelled out for screen readers too. */
export function Chips({
  items,
  label,
  empty,
}: {
  items: Chip[];
  label: string;
  empty?: ReactNode;
}) {
  if (items.length === 0) return <p className="muted">{empty ?? "None."}</p>;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((chip) => (
        <li key={chip.label} className={`chip chip--${chip.tone ?? "neutral"}`}>
          {chip.label}
          {chip.note ? <span className="chip__note"> {chip.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
