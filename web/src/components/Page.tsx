import { useEffect, useRef } from "react";
import type { ReactNode } from "react";

// The first screen of a page load keeps the browser's focus (the top of the page, where the
// skip link is); later screens, reached inside the app, move focus to their heading.
let firstScreen = true;

/** A screen with its title; the heading takes focus so keyboard and screen-reader users land on it. */
export function Page({
  title,
  intro,
  children,
  actions,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Interview prep`;
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {intro ? <p className="page__intro">{intro}</p> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
