"use client";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useDialog } from "@/components/ui/use-dialog";

/**
 * A modal confirmation on the native <dialog> (focus is trapped and Esc cancels for free). Focus
 * starts on the safe choice; the opener gets focus back on close.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // The safe choice takes focus (showModal would pick the first button anyway; be explicit).
  const dismissOnEsc = useDialog(ref, open, onCancel, "[data-autofocus]");
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={dismissOnEsc}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-300 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      data-testid="confirm-dialog"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p id={`${id}-body`} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        {body}
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" type="button" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </Button>
        <Button
          type="button"
          onClick={onConfirm}
          disabled={busy}
          className="!bg-red-700 hover:!bg-red-800 dark:!bg-red-300 dark:hover:!bg-red-200"
        >
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
