"use client";
import { type ReactNode, useId, useRef } from "react";
import { useDialog } from "./use-dialog";

/**
 * The box of a modal confirmation: a native <dialog> shown while `open` (see useDialog), named by its
 * title and described by its body text, with the dialog's controls as children. Esc calls `onDismiss`.
 */
export function ModalFrame({
  open,
  onDismiss,
  initialFocus,
  title,
  body,
  wrapTitle = false,
  wide = false,
  testId,
  children,
}: {
  open: boolean;
  onDismiss: () => void;
  /** Selector of the element that takes focus on open. */
  initialFocus?: string;
  title: string;
  body: string;
  /** Break a long unspaced title (a team name) instead of letting it run out of the box. */
  wrapTitle?: boolean;
  /** Room for media (two players side by side) instead of a confirmation's narrow box. */
  wide?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const dismissOnEsc = useDialog(ref, open, onDismiss, initialFocus);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={dismissOnEsc}
      // A button's label never breaks inside a word ("关/闭" at 375 px); the row of buttons wraps instead.
      className={`m-auto ${wide ? "w-[min(64rem,calc(100vw-2rem))]" : "w-[min(28rem,calc(100vw-2rem))]"} [&_button]:whitespace-nowrap rounded-xl border border-zinc-300 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}
      data-testid={testId}
    >
      <h2 id={`${id}-title`} className={`${wrapTitle ? "break-words " : ""}text-lg font-semibold`}>
        {title}
      </h2>
      <p id={`${id}-body`} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        {body}
      </p>
      {children}
    </dialog>
  );
}
