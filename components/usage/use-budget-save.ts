"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { TeamBudgetKey } from "@/lib/shared/budget-schemas";
import type { BudgetChangeResult } from "@/lib/shared/budget-views";
import { formatFen, yuanToFen } from "@/lib/shared/money";

/** Which budget a form edits: a team budget's key, or nothing for the instance cap (one per instance). */
export type BudgetKey = TeamBudgetKey | Record<string, never>;

type Answer = Partial<BudgetChangeResult> & { error?: { message?: string; fields?: { message?: string }[] } };

/** The status line after a save; a limit at or below what the period already spent says what it stops. */
function savedStatus(t: ReturnType<typeof useI18n>["t"], body: Answer): string {
  if (!body.changed) return t("usage.budgets.unchanged");
  if (body.limitFen == null) return t("usage.budgets.cleared");
  const amount = formatFen(body.limitFen);
  if (body.spentFen != null && body.spentFen > 0 && body.spentFen >= body.limitFen) {
    const key = body.scope === "INSTANCE_DAILY" ? "usage.budgets.savedBelowSpendDay" : "usage.budgets.savedBelowSpendMonth";
    return t(key, { spent: formatFen(body.spentFen), amount });
  }
  return t("usage.budgets.saved", { amount });
}

/**
 * Saving one budget amount (team budgets on the usage page, the instance cap on the admin page):
 * the form's "amount" in yuan → fen, PUT `{...key, limitFen}` or DELETE `key` to `url`, the status
 * line and the error text, then a refresh of the server-rendered figures. The server re-validates
 * everything and records each change in the audit log.
 */
export function useBudgetSave(url: string, key: BudgetKey, onSaved?: (limitFen: number | null) => void) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function send(method: "PUT" | "DELETE", limitFen?: number) {
    setBusy(true);
    setStatus(t("usage.budgets.saving"));
    try {
      const res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(limitFen === undefined ? key : { ...key, limitFen }) });
      const body = (await res.json()) as Answer;
      if (!res.ok) {
        setStatus("");
        setError(t("usage.budgets.failed", { message: body.error?.fields?.[0]?.message ?? body.error?.message ?? String(res.status) }));
        return;
      }
      setError("");
      onSaved?.(body.limitFen ?? null);
      setStatus(savedStatus(t, body));
      router.refresh();
    } catch {
      setStatus("");
      setError(t("usage.budgets.network"));
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fen = yuanToFen(String(new FormData(e.currentTarget).get("amount") ?? ""));
    if (fen === null) {
      setStatus("");
      setError(t("usage.budgets.invalid"));
      return;
    }
    void send("PUT", fen);
  }

  return { error, status, busy, save, clear: () => void send("DELETE") };
}
