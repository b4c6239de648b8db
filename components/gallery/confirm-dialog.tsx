"use client";
import { Button } from "@/components/ui/button";
import { ModalFrame } from "@/components/ui/modal-frame";

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
  return (
    // The safe choice takes focus (showModal would pick the first button anyway; be explicit).
    <ModalFrame open={open} onDismiss={onCancel} initialFocus="[data-autofocus]" title={title} body={body} testId="confirm-dialog">
      <div className="mt-5 flex flex-wrap justify-end gap-2">
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
    </ModalFrame>
  );
}
