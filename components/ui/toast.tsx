"use client";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ActionButton } from "./action-button";

// Visible feedback for an action (copied, favourited, tagged, moved, deleted, zip started, shared, and
// every failure with its message): a small stack at the bottom of the screen. The region is the
// live region for these messages (role=status / role=alert per toast), so a toast is both seen and
// heard — callers do not announce the same text again. Each toast leaves by itself after a deadline
// (longer for failures, which carry a message to read) and has a close button; hovering or focusing
// the stack holds the deadlines so a message is not pulled away while someone reads it.

type ToastTone = "success" | "error";
type Toast = { id: number; message: string; tone: ToastTone };
type Notify = (message: string, tone?: ToastTone) => void;

const ToastContext = createContext<Notify>(() => {});
const LIFETIME_MS: Record<ToastTone, number> = { success: 4_000, error: 8_000 };
const MAX_SHOWN = 3;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [held, setHeld] = useState(false);
  const next = useRef(0);
  const notify = useCallback<Notify>((message, tone = "success") => {
    const id = ++next.current;
    setToasts((list) => [...list.filter((x) => x.message !== message), { id, message, tone }].slice(-MAX_SHOWN));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <section
        aria-label={t("toast.region")}
        aria-live="polite"
        className="pointer-events-none fixed inset-x-2 bottom-3 z-50 flex flex-col items-center gap-2 sm:inset-x-auto sm:right-4 sm:items-end"
        onMouseEnter={() => setHeld(true)}
        onMouseLeave={() => setHeld(false)}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
        data-testid="toasts"
      >
        {toasts.map((x) => (
          <ToastItem key={x.id} toast={x} held={held} onDismiss={dismiss} closeLabel={t("toast.close")} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, held, onDismiss, closeLabel }: { toast: Toast; held: boolean; onDismiss: (id: number) => void; closeLabel: string }) {
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), LIFETIME_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [held, onDismiss, toast.id, toast.tone]);
  const error = toast.tone === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border px-3 py-2 text-sm shadow-lg ${
        error
          ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      }`}
      data-testid="toast"
      data-tone={toast.tone}
    >
      <p className="min-w-0 flex-1 break-words">{toast.message}</p>
      <ActionButton
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="-m-1 shrink-0 rounded p-1 leading-none hover:bg-black/10 focus-visible:outline-2 dark:hover:bg-white/10"
        aria-label={closeLabel}
      >
        <span aria-hidden="true">×</span>
      </ActionButton>
    </div>
  );
}

/** Show a toast for the outcome of an action (it is also announced: the region is a live region). */
export function useToast(): Notify {
  return useContext(ToastContext);
}
