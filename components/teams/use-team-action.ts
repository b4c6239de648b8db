"use client";
import { useCallback, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ApiError } from "@/lib/client/api-error";

/** The text of a failed team call in the UI locale; field errors name the field's problem. */
function useErrorText() {
  const { t, locale } = useI18n();
  return useCallback(
    (err: unknown, field?: string): string => {
      if (!(err instanceof ApiError) || err.status === 0) return t("teams.error.network");
      const f = field ? err.fields.find((x) => x.path === field) : err.fields[0];
      if (f) return f.messages?.[locale] || f.message;
      return err.localized(locale);
    },
    [t, locale],
  );
}

/** One pending call at a time, with its error text; `run` resolves true when the call succeeded. */
export function useTeamAction() {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (call: () => Promise<unknown>, field?: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await call();
        return true;
      } catch (err) {
        setError(errorText(err, field));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [errorText],
  );
  return { busy, error, setError, run };
}
