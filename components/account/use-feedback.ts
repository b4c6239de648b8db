"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ApiError } from "@/lib/client/api-error";

export type Feedback = { kind: "ok" | "fail"; text: string } | null;

/** Runs one save: busy while it runs, then a visible line saying how it went (field errors apart). */
export function useFeedback() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function run(work: () => Promise<string | void>): Promise<boolean> {
    setBusy(true);
    setFeedback(null);
    setFields({});
    try {
      const ok = await work();
      if (ok) setFeedback({ kind: "ok", text: ok });
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        const next: Record<string, string> = {};
        for (const f of err.fields) next[f.path] = f.messages?.[locale] || f.message;
        setFields(next);
        setFeedback({ kind: "fail", text: err.localized(locale) });
      } else setFeedback({ kind: "fail", text: t("account.failed") });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, feedback, fields, run };
}
