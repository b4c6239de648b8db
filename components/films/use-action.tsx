"use client";
import { useCallback, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useAnnounce } from "@/components/ui/live-region";
import { ApiError } from "@/lib/client/api-error";
import type { MessageKey } from "@/lib/i18n/translate";

export interface ActionNotice {
  tone: "busy" | "ok" | "error";
  text: string;
}

/**
 * Runs one storyboard action with visible feedback: a busy line while it runs, then the success or
 * the API's message in the reader's language (also announced). Returns the result, or null when it
 * was refused; `onError` may take an error over (e.g. the chain rule's question) by returning true.
 */
export function useAction() {
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [busy, setBusy] = useState(false);

  const errorText = useCallback(
    (e: unknown) => (e instanceof ApiError ? (e.status === 0 ? t("studio.error.network") : e.localized(locale)) : String(e)),
    [locale, t],
  );

  const run = useCallback(
    async <T,>(busyKey: MessageKey, doneText: (r: T) => string, work: () => Promise<T>, onError?: (e: unknown) => boolean): Promise<T | null> => {
      setBusy(true);
      setNotice({ tone: "busy", text: t(busyKey) });
      try {
        const r = await work();
        const text = doneText(r);
        setNotice({ tone: "ok", text });
        announce(text);
        return r;
      } catch (e) {
        if (onError?.(e)) {
          setNotice(null);
          return null;
        }
        const text = t("gallery.action.failed", { reason: errorText(e) });
        setNotice({ tone: "error", text });
        announce(text, "assertive");
        return null;
      } finally {
        setBusy(false);
      }
    },
    [announce, errorText, t],
  );

  return { run, notice, busy, errorText, setNotice };
}

export function NoticeLine({ notice, testId }: { notice: ActionNotice | null; testId?: string }) {
  if (!notice) return null;
  const tone =
    notice.tone === "error" ? "text-red-700 dark:text-red-400" : notice.tone === "ok" ? "text-emerald-800 dark:text-emerald-300" : "text-zinc-700 dark:text-zinc-300";
  return (
    <p className={`text-sm font-medium ${tone}`} data-testid={testId} data-tone={notice.tone}>
      {notice.text}
    </p>
  );
}
