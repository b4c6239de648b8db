"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ModalFrame } from "@/components/ui/modal-frame";
import { DANGER } from "./styles";

/**
 * A destructive confirmation that is only enabled once the user types `expected` (the team name).
 * Native <dialog>: focus is trapped and Esc cancels; focus starts in the text box and goes back to
 * the opener on close.
 */
export function TypedConfirmDialog({
  open,
  title,
  body,
  inputLabel,
  expected,
  confirmLabel,
  cancelLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  inputLabel: string;
  expected: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const cancel = () => {
    setTyped("");
    onCancel();
  };
  const matches = typed.trim() === expected.trim();
  return (
    <ModalFrame open={open} onDismiss={cancel} initialFocus="input" title={title} body={body} wrapTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !busy) onConfirm();
        }}
      >
        <label htmlFor={`${id}-input`} className="mt-4 block break-words text-sm font-medium">
          {inputLabel}
        </label>
        <input
          id={`${id}-input`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          className="mt-1 w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-950"
        />
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" type="button" onClick={cancel}>
            {cancelLabel}
          </Button>
          <Button type="submit" disabled={!matches || busy} className={DANGER}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </ModalFrame>
  );
}
