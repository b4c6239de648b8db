"use client";
import { type ReactNode, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useDialog } from "@/components/ui/use-dialog";
import { ActionButton } from "@/components/ui/action-button";

/**
 * The clip modal over the grid: a native <dialog> (focus trap, Esc) whose close returns focus to
 * the element that opened it (the tile). The URL is the caller's concern.
 */
export function DetailDialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const dismissOnEsc = useDialog(ref, open, onClose);
  return (
    <dialog
      ref={ref}
      aria-labelledby="detail-title"
      onCancel={dismissOnEsc}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(72rem,calc(100vw-1rem))] overflow-y-auto rounded-xl border border-zinc-300 bg-white p-4 text-zinc-900 shadow-2xl backdrop:bg-black/60 sm:p-6 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="detail-dialog"
    >
      <div className="mb-4 flex items-start justify-between gap-4">
        <h2 id="detail-title" className="line-clamp-2 min-w-0 text-lg font-semibold">
          {title}
        </h2>
        <ActionButton
          type="button"
          onClick={onClose}
          className="shrink-0 whitespace-nowrap rounded-md border border-zinc-400 px-3 py-1.5 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          {t("gallery.detail.close")}
        </ActionButton>
      </div>
      {open && children}
    </dialog>
  );
}
