"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useFormatTime } from "@/components/i18n/time-zone";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import type { HeldTakeView } from "@/lib/shared/held-take-view";

// Takes HELD for an admin decision (docs/reliability.md, "HELD"): the create may have been accepted
// upstream. The admin either gives the upstream task id (found in the platform's console by the
// request_id shown here) to resume polling, or closes the take, which refunds it.
export function HeldTakesPanel({ initial }: { initial: HeldTakeView[] }) {
  const { t, locale } = useI18n();
  const when = useFormatTime();
  const [takes, setTakes] = useState(initial);
  const [status, setStatus] = useState("");

  async function resolve(id: string, body: { action: "fail" } | { action: "resume"; taskId: string }) {
    // The shared API client: coded errors in the reader's language, and a lost connection is an
    // error shown here too (a hand-read `res.json()` threw on it and showed nothing).
    try {
      await apiFetch(`/api/admin/held/${encodeURIComponent(id)}`, { method: "POST", json: body });
      setTakes((all) => all.filter((x) => x.id !== id));
      setStatus(t("admin.held.done"));
    } catch (e) {
      setStatus(e instanceof ApiError ? e.localized(locale) : String(e));
    }
  }

  return (
    <section aria-labelledby="held-title" className="flex flex-col gap-3">
      <h2 id="held-title" className="text-lg font-semibold">
        {t("admin.held.title")}
      </h2>
      <p className="text-sm">{t("admin.held.explain")}</p>
      {takes.length === 0 && <p className="text-sm">{t("admin.held.none")}</p>}
      <ul className="flex flex-col gap-3">
        {takes.map((take) => (
          <li key={take.id} className="rounded-md border p-3 text-sm" data-held-take={take.id}>
            <p className="font-medium">{take.prompt || take.model}</p>
            <p>{t("admin.held.requestId", { id: take.upstreamRequestId })}</p>
            {take.upstreamTaskId && <p>{t("admin.held.taskId", { id: take.upstreamTaskId })}</p>}
            <p>{t("admin.held.meta", { owner: take.ownerEmail, model: take.model, since: when(take.heldSince) })}</p>
            {take.why && <p className="text-zinc-600 dark:text-zinc-400">{take.why}</p>}
            <form
              className="mt-2 flex flex-wrap items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const taskId = String(new FormData(e.currentTarget).get("taskId") ?? "").trim();
                if (taskId) void resolve(take.id, { action: "resume", taskId });
              }}
            >
              <label className="flex items-center gap-2">
                {t("admin.held.taskIdLabel")}
                <input name="taskId" defaultValue={take.upstreamTaskId ?? ""} className="rounded border px-2 py-1 font-mono" />
              </label>
              <Button type="submit">{t("admin.held.resume")}</Button>
              <Button type="button" variant="secondary" onClick={() => void resolve(take.id, { action: "fail" })}>
                {t("admin.held.fail")}
              </Button>
            </form>
          </li>
        ))}
      </ul>
      <p role="status" className="text-sm">
        {status}
      </p>
    </section>
  );
}
