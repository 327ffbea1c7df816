import type { ReactNode } from "react";

type Tone = "error" | "success" | "info" | "warning";

/** A message box; errors are announced at once, the rest politely. */
export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}
