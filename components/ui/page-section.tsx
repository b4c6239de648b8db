import type { ReactNode } from "react";

/**
 * A top-level page: a section named by its h1, the title and one line of intro, then the page's body.
 * `id` names the heading (`<id>-title`), which labels the section for screen readers' landmarks.
 */
export function PageSection({
  id,
  title,
  intro,
  headerExtra,
  className = "gap-4",
  children,
}: {
  id: string;
  title: string;
  intro: string;
  /** Below the intro, inside the header (e.g. a link to a sub-page). */
  headerExtra?: ReactNode;
  /** Spacing between the header and the body's blocks. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={`flex flex-col ${className}`}>
      <header className="flex flex-col gap-1">
        <h1 id={`${id}-title`} className="text-2xl font-semibold">
          {title}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{intro}</p>
        {headerExtra}
      </header>
      {children}
    </section>
  );
}
