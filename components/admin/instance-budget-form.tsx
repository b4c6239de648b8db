"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fenToInput, formatFen, yuanToFen } from "@/components/usage/money";
import type { InstanceBudgetView } from "@/lib/server/budgets/budget-settings";

// Instance admins set or remove the studio-wide daily spending cap (PUT/DELETE /api/admin/budget).

export function InstanceBudgetForm({ initial }: { initial: InstanceBudgetView }) {
  const { t } = useI18n();
  const router = useRouter();
  const [limitFen, setLimitFen] = useState<number | null>(initial.limitFen);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function send(method: "PUT" | "DELETE", fen?: number) {
    setBusy(true);
    setStatus(t("usage.budgets.saving"));
    try {
      const res = await fetch("/api/admin/budget", {
        method,
        headers: { "Content-Type": "application/json" },
        body: method === "PUT" ? JSON.stringify({ limitFen: fen }) : undefined,
      });
      const body = (await res.json()) as { limitFen?: number | null; changed?: boolean; error?: { message?: string; fields?: { message?: string }[] } };
      if (!res.ok) {
        setStatus("");
        setError(t("usage.budgets.failed", { message: body.error?.fields?.[0]?.message ?? body.error?.message ?? String(res.status) }));
        return;
      }
      setError("");
      setLimitFen(body.limitFen ?? null);
      setStatus(!body.changed ? t("usage.budgets.unchanged") : body.limitFen == null ? t("usage.budgets.cleared") : t("usage.budgets.saved", { amount: formatFen(body.limitFen) }));
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

  return (
    <section aria-labelledby="instance-budget-title" className="flex flex-col gap-3 rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 id="instance-budget-title" className="text-lg font-semibold">
        {t("usage.instanceCap.title")}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("usage.instanceCap.intro", { tz: initial.timeZone })}</p>
      <p className="text-sm">{t("usage.instanceCap.today", { day: initial.day, amount: formatFen(initial.spentFen) })}</p>
      <p className="text-sm">{limitFen === null ? t("usage.instanceCap.none") : t("usage.instanceCap.current", { amount: formatFen(limitFen) })}</p>
      <form onSubmit={save} noValidate className="flex flex-col gap-2">
        <Field
          id="instance-budget-amount"
          name="amount"
          label={t("usage.instanceCap.label")}
          hint={t("usage.budgets.intro")}
          error={error || undefined}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={fenToInput(initial.limitFen)}
          placeholder={t("usage.unlimited")}
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={busy}>
            {t("usage.budgets.save")}
          </Button>
          {limitFen !== null && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void send("DELETE")}>
              {t("usage.budgets.clear")}
            </Button>
          )}
          <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}
