"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DropZone } from "@/components/ui/drop-zone";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/lib/client/format";
import { UPLOAD_MIMES } from "@/lib/shared/generation-schemas";
import { slotProblemText } from "./slot-problem";
import type { SlotEntry } from "./use-image-slots";
import { ActionButton } from "@/components/ui/action-button";

/**
 * One image input: drop zone + file button when empty; preview, size, upload progress, replace and
 * remove when filled. Errors (browser check or server) sit right under it.
 */
export function ImageSlot({
  id,
  name,
  label,
  required,
  entry,
  extraError,
  onFile,
  onRemove,
  registerFocus,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  entry: SlotEntry | null;
  /** An error that is about this slot but not about its file alone (required, start/end ratio, server field). */
  extraError?: string;
  onFile: (file: File) => void;
  onRemove: () => void;
  registerFocus?: (el: HTMLButtonElement | null) => void;
}) {
  const { locale, t } = useI18n();
  const problem = entry?.problem ? slotProblemText(entry.problem, locale, t, entry) : undefined;
  const error = problem ?? extraError;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const limitsId = `${id}-limits`;
  const describedBy = [hintId, entry ? "" : limitsId, error ? errorId : ""].filter(Boolean).join(" ");
  const uploading = entry?.upload.state === "uploading";

  return (
    <div role="group" aria-labelledby={`${id}-label`} className="flex min-w-0 flex-col gap-1.5" data-slot={name}>
      <div className="flex items-baseline justify-between gap-2">
        <span id={`${id}-label`} className="text-sm font-medium">
          {label}
          {!required && <span className="ml-1.5 font-normal text-zinc-600 dark:text-zinc-400">{t("studio.optional")}</span>}
        </span>
        {entry?.width && entry.height ? (
          <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
            {entry.width}×{entry.height}
            {entry.bytes > 0 && ` · ${formatBytes(entry.bytes, locale)}`}
          </span>
        ) : null}
      </div>
      <DropZone
        name={name}
        accept={UPLOAD_MIMES.join(",")}
        buttonLabel={entry ? t("studio.image.replace") : t("studio.image.choose")}
        onFile={onFile}
        describedBy={describedBy}
        invalid={Boolean(error)}
        buttonRef={registerFocus}
      >
        <div className="flex aspect-video w-full items-center justify-center overflow-hidden rounded-md bg-zinc-100 dark:bg-zinc-900">
          {entry ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, nothing for next/image to optimise
            <img src={entry.previewUrl} alt={t("studio.image.previewAlt", { name: entry.name })} className="max-h-full max-w-full object-contain" />
          ) : (
            <span aria-hidden="true" className="text-3xl text-zinc-400 dark:text-zinc-600">
              ⬚
            </span>
          )}
        </div>
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {entry ? entry.name : t("studio.image.dropHint")}
        </p>
      </DropZone>
      <div className="flex min-h-6 flex-wrap items-center gap-x-3 gap-y-1">
        {entry && uploading && (
          <ProgressBar
            className="max-w-40"
            value={entry.upload.progress * 100}
            label={t("studio.image.uploading", { name: label })}
            valueText={t("studio.image.uploadingPct", { pct: Math.round(entry.upload.progress * 100) })}
          />
        )}
        {entry?.upload.state === "done" && <span className="text-xs text-emerald-800 dark:text-emerald-300">✓ {t("studio.image.uploaded")}</span>}
        {entry?.checking && <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("studio.image.checking")}</span>}
        {entry && (
          <ActionButton
            type="button"
            onClick={onRemove}
            aria-label={t("studio.image.removeNamed", { name: label })}
            className="ml-auto rounded px-1 text-xs font-medium text-red-800 underline underline-offset-2 hover:text-red-950 dark:text-red-300 dark:hover:text-red-200"
          >
            {t("studio.image.remove")}
          </ActionButton>
        )}
        {!entry && (
          <span id={limitsId} className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("studio.image.limits")}
          </span>
        )}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400" data-testid={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
