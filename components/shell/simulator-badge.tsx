import type { Translate } from "@/lib/i18n/translate";

/** Shown on every page while the built-in simulator (not BigModel) makes the clips. */
export function SimulatorBadge({ t }: { t: Translate }) {
  return (
    <span
      title={t("upstream.simulatorHint")}
      className="rounded-full border border-amber-600 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-200"
      data-testid="simulator-badge"
    >
      {t("upstream.simulator")}
      <span className="sr-only">: {t("upstream.simulatorHint")}</span>
    </span>
  );
}
