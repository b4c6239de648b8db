"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useFormatTime } from "@/components/i18n/time-zone";
import { apiFetch } from "@/lib/client/api";
import type { UpstreamStatusView as UpstreamStatus } from "@/lib/shared/upstream-status-view";

const CHECK_MS = 30_000;

/** "Generation paused" while the upstream breaker is open (balance/auth); admins also see the code and since when. */
export function UpstreamBanner({ isAdmin }: { isAdmin: boolean }) {
  const { locale, t } = useI18n();
  const when = useFormatTime();
  const [status, setStatus] = useState<UpstreamStatus | null>(null);
  useEffect(() => {
    let stop = false;
    const check = () =>
      apiFetch<UpstreamStatus>("/api/upstream/status").then(
        (s) => !stop && setStatus(s),
        () => {}, // no status route (yet) or offline: no banner rather than a wrong one
      );
    void check();
    const id = setInterval(check, CHECK_MS);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, []);
  if (!status?.breaker.open) return null;
  return (
    <div role="status" className="rounded-lg border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50" data-testid="upstream-banner">
      <p className="font-semibold">{t("studio.upstream.paused")}</p>
      {status.breaker.message && <p className="mt-1">{status.breaker.message[locale]}</p>}
      {isAdmin && (
        <p className="mt-1 text-xs">
          {t("studio.upstream.adminDetail", {
            code: status.breaker.code ?? "—",
            since: status.breaker.since ? when(status.breaker.since, "time") : "—",
          })}
        </p>
      )}
    </div>
  );
}
