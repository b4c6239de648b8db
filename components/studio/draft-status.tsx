"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useToast } from "@/components/ui/toast";
import type { ApiError } from "@/lib/client/api-error";
import { formatTime } from "@/lib/client/format";
import type { DraftStatus } from "./use-studio-draft";
import { ActionButton } from "@/components/ui/action-button";

const LINK = "rounded px-1.5 py-1 font-medium text-indigo-800 underline underline-offset-2 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950";

/**
 * The draft's state in one quiet line at the top of the form ("Draft saved 14:03 · Clear draft"); a
 * conflict with another tab or device is an alert with the two ways out. Not a live region: saving
 * after every pause would be read out again and again; only the conflict and the actions' outcomes
 * (toasts) are announced.
 */
export function DraftStatusLine({
  status,
  onClear,
  onLoadNewer,
  onKeepMine,
}: {
  status: DraftStatus;
  onClear: () => Promise<ApiError | null>;
  onLoadNewer: () => Promise<ApiError | null>;
  onKeepMine: () => Promise<ApiError | null>;
}) {
  const { locale, t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<ApiError | null>, done: string) => {
    setBusy(true);
    const error = await action();
    setBusy(false);
    if (error) toast(t("studio.draft.failed", { reason: error.localized(locale) }), "error");
    else toast(done);
  };

  if (status.kind === "conflict") {
    return (
      <div role="alert" className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100" data-testid="draft-conflict">
        <p>{t("studio.draft.conflict")}</p>
        <div className="flex flex-wrap gap-2">
          <ActionButton type="button" className={LINK} disabled={busy} onClick={() => void run(onLoadNewer, t("studio.draft.loadedNewer"))}>
            {t("studio.draft.loadNewer")}
          </ActionButton>
          <ActionButton type="button" className={LINK} disabled={busy} onClick={() => void run(onKeepMine, t("studio.draft.keptMine"))}>
            {t("studio.draft.keepMine")}
          </ActionButton>
        </div>
      </div>
    );
  }

  const text =
    status.kind === "saving"
      ? t("studio.draft.saving")
      : status.kind === "saved"
        ? t("studio.draft.savedAt", { time: formatTime(status.at, locale) })
        : status.kind === "restored"
          ? t("studio.draft.restored")
          : status.kind === "invalid"
            ? t("studio.draft.notSaved", { reason: t(status.reason) })
            : status.kind === "error"
              ? t("studio.draft.notSaved", { reason: status.error.localized(locale) })
              : "";
  const warn = status.kind === "invalid" || status.kind === "error";
  const canClear = status.kind === "saved" || status.kind === "restored" || status.kind === "invalid";
  return (
    <div className="flex min-h-8 flex-wrap items-center justify-end gap-x-2 text-xs" data-testid="draft-status" data-state={status.kind}>
      <span className={warn ? "text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}>{text}</span>
      {canClear && (
        <ActionButton type="button" className={LINK} disabled={busy} onClick={() => void run(onClear, t("studio.draft.cleared"))} data-testid="draft-clear">
          {t("studio.draft.clear")}
        </ActionButton>
      )}
    </div>
  );
}
