import type { ReactNode } from "react";

/** Wrap a wide table so that it scrolls inside its card, reachable by keyboard (WCAG 2.1.1). */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrollable region must take focus so keyboard users can scroll it; the role and name
    // tell a screen reader what that focus stop is.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
