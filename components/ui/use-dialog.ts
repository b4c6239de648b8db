"use client";
import { type RefObject, type SyntheticEvent, useEffect, useRef } from "react";

/**
 * Drives a native <dialog> from an `open` flag: showModal() when it turns true (the browser traps
 * focus and turns Esc into a cancel event), close() when it turns false, and focus goes back to the
 * element that opened it, if it is still on the page. `initialFocus` is a selector of the element
 * inside the dialog that takes focus on open (without it, the browser picks).
 *
 * `ref` is the <dialog>'s ref; put the returned handler on its onCancel: Esc then calls `onDismiss`,
 * so the owner's `open` state stays the one source of truth instead of the dialog closing behind
 * React's back.
 */
export function useDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean, onDismiss: () => void, initialFocus?: string) {
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
      if (initialFocus) d.querySelector<HTMLElement>(initialFocus)?.focus();
    } else if (!open && d.open) {
      d.close();
      const el = opener.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    }
  }, [ref, open, initialFocus]);
  return (e: SyntheticEvent<HTMLDialogElement>) => {
    e.preventDefault();
    onDismiss();
  };
}
