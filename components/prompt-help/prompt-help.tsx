"use client";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import { newIdempotencyKey } from "@/lib/client/idempotency";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import { formatFen } from "@/lib/shared/money";
import type { PromptHelpAction, PromptHelpView } from "@/lib/shared/prompt-help";
import { ActionButton } from "@/components/ui/action-button";

// Prompt help under a prompt field (studio, film shot editor): Expand / Translate zh↔en / Rewrite
// for Vidu. The answer is a suggestion the user accepts (it replaces the prompt) or discards; focus
// moves to the suggestion when it arrives and back to the field after a choice. Errors (coded,
// bilingual, from the API) show here, next to the field.

const ACTIONS: readonly { action: PromptHelpAction; label: "promptHelp.expand" | "promptHelp.translate" | "promptHelp.rewrite" }[] = [
  { action: "expand", label: "promptHelp.expand" },
  { action: "translate", label: "promptHelp.translate" },
  { action: "rewrite", label: "promptHelp.rewrite" },
];
const POLL_MS = 1_000;
const POLL_LIMIT = 90;

const small = "rounded-md border border-zinc-400 px-3 py-1.5 text-sm font-medium text-zinc-900 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800";

export function PromptHelp({ fieldId, text, onAccept, disabled }: { fieldId: string; text: string; onAccept: (text: string) => void; disabled?: boolean }) {
  const { t, locale } = useI18n();
  const notify = useToast();
  const { teamId } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PromptHelpView | null>(null);
  const suggestionRef = useRef<HTMLDivElement>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  useEffect(() => {
    if (result?.suggestion) suggestionRef.current?.focus();
  }, [result]);

  async function run(action: PromptHelpAction) {
    setBusy(true);
    setPending(false);
    setError(null);
    setResult(null);
    try {
      let view = await apiFetch<PromptHelpView>(withWorkspace("/api/prompt-help", teamId), {
        method: "POST",
        json: { action, text },
        headers: { "Idempotency-Key": newIdempotencyKey() },
      });
      for (let i = 0; view.status === "pending" && i < POLL_LIMIT && alive.current; i++) {
        setPending(true);
        await new Promise((r) => setTimeout(r, POLL_MS));
        view = await apiFetch<PromptHelpView>(`/api/prompt-help/${encodeURIComponent(view.id)}`);
      }
      if (alive.current) setResult(view.status === "done" ? view : null);
    } catch (err) {
      if (!alive.current) return;
      const e = err instanceof ApiError ? err : null;
      const fieldMessage = e?.fields[0]?.messages?.[locale] ?? e?.fields[0]?.message;
      setError(e ? (e.status === 0 ? t("studio.error.network") : fieldMessage || e.localized(locale)) : String(err));
    } finally {
      if (alive.current) {
        setBusy(false);
        setPending(false);
      }
    }
  }

  function close(accepted: boolean) {
    if (accepted && result?.suggestion) onAccept(result.suggestion);
    setResult(null);
    notify(t(accepted ? "promptHelp.accepted" : "promptHelp.rejected"));
    document.getElementById(fieldId)?.focus();
  }

  const errorId = `${fieldId}-help-error`;
  return (
    <div className="flex flex-col gap-2" data-testid="prompt-help">
      <div role="group" aria-label={t("promptHelp.group")} aria-describedby={error ? errorId : undefined} className="flex flex-wrap items-center gap-2">
        {ACTIONS.map((a) => (
          <ActionButton key={a.action} type="button" className={small} disabled={disabled || busy || text.trim() === ""} onClick={() => void run(a.action)}>
            {t(a.label)}
          </ActionButton>
        ))}
      </div>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {busy ? t(pending ? "promptHelp.pending" : "promptHelp.working") : ""}
      </p>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {result?.suggestion ? (
        <div
          ref={suggestionRef}
          tabIndex={-1}
          role="region"
          aria-label={t("promptHelp.suggestion")}
          className="flex flex-col gap-2 rounded-md border border-indigo-300 bg-indigo-50 p-3 dark:border-indigo-700 dark:bg-indigo-950"
          data-testid="prompt-suggestion"
        >
          <p className="text-sm font-semibold">{t("promptHelp.suggestion")}</p>
          <p className="whitespace-pre-wrap text-sm" lang={/[\u3400-\u9fff]/u.test(result.suggestion) ? "zh-CN" : "en"}>
            {result.suggestion}
          </p>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">{t("promptHelp.cost", { cost: formatFen(result.costFen ?? 0), held: formatFen(result.heldFen) })}</p>
          <div className="flex gap-2">
            <ActionButton type="button" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-zinc-950" onClick={() => close(true)}>
              {t("promptHelp.accept")}
            </ActionButton>
            <ActionButton type="button" className={small} onClick={() => close(false)}>
              {t("promptHelp.reject")}
            </ActionButton>
          </div>
        </div>
      ) : null}
    </div>
  );
}
