"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ContinueState } from "@/lib/client/use-continue-frame";

/** Where "continue from the last frame" stands, shown above the form and announced politely. */
export function ContinueNotice({ state }: { state: ContinueState }) {
  const { locale, t } = useI18n();
  if (state.status === "none") return null;
  const text =
    state.status === "ready"
      ? t("studio.continue.ready")
      : state.status === "failed"
        ? (state.view.errorMessage?.[locale] ?? t("studio.continue.failed"))
        : state.status === "error"
          ? state.error.localized(locale)
          : state.view?.state === "waiting"
            ? t("studio.continue.waitingClip")
            : t("studio.continue.waiting");
  const problem = state.status === "failed" || state.status === "error";
  return (
    <p
      role="status"
      data-testid="continue-notice"
      className={`rounded-md border px-3 py-2 text-sm ${
        problem
          ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          : "border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100"
      }`}
    >
      {text}
    </p>
  );
}
