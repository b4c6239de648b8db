"use client";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import type { SessionView } from "@/lib/shared/account-views";
import { HEADING, SECTION } from "./account-styles";
import { FeedbackLine } from "./feedback-line";
import { SessionItem, useDeviceName } from "./session-item";
import { useFeedback } from "./use-feedback";

// The account's active sessions (a row per signed-in browser, rendered by the page from the
// database): sign one other browser out, all other browsers, or every browser including this one.
// After each action the list is read again, so it shows what the server now holds; focus goes to the
// list's heading because the button that was pressed may be gone.
export function SessionsPanel({ initial }: { initial: SessionView[] }) {
  const { t } = useI18n();
  const deviceName = useDeviceName();
  const { busy, feedback, run } = useFeedback();
  const [sessions, setSessions] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const others = sessions.filter((s) => !s.current).length;

  async function reload() {
    setSessions((await apiFetch<{ sessions: SessionView[] }>("/api/account/sessions")).sessions);
    listHeading.current?.focus();
  }

  function signOut(s: SessionView) {
    void run(async () => {
      await apiFetch(`/api/account/sessions/${encodeURIComponent(s.id)}`, { method: "DELETE" });
      await reload();
      return t("account.sessions.signedOut", { device: deviceName(s) });
    });
  }

  function signOutOthers() {
    void run(async () => {
      const { revoked } = await apiFetch<{ revoked: number }>("/api/account/sign-out-others", { method: "POST" });
      await reload();
      return t("account.sessions.signedOutOthers", { count: revoked });
    });
  }

  async function signOutAll() {
    const ok = await run(() => apiFetch("/api/account/sign-out-everywhere", { method: "POST" }));
    if (ok) window.location.assign("/sign-in?signedOut=1");
  }

  return (
    <section className={SECTION} aria-labelledby="sessions-title">
      <h2 id="sessions-title" className={HEADING}>
        {t("account.sessions")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("account.sessions.explain")}</p>
      <h3 id="sessions-list" ref={listHeading} tabIndex={-1} className="font-medium outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
        {t("account.sessions.list")}
      </h3>
      <ul aria-labelledby="sessions-list" className="flex flex-col gap-2">
        {sessions.map((s) => (
          <SessionItem key={s.id} session={s} busy={busy} onSignOut={signOut} />
        ))}
      </ul>
      {others === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("account.sessions.noOthers")}</p> : null}
      <FeedbackLine feedback={feedback} testId="sessions-feedback" />
      <div className="flex flex-wrap gap-2">
        {others > 0 ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={signOutOthers}>
            {t("account.sessions.signOutOthers")}
          </Button>
        ) : null}
        {confirming ? null : (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t("account.sessions.signOutAll")}
          </Button>
        )}
      </div>
      {confirming ? (
        <div role="group" aria-labelledby="sessions-confirm" className="flex flex-col gap-2">
          <p id="sessions-confirm" className="font-medium">
            {t("account.sessions.confirm")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={busy} onClick={() => void signOutAll()}>
              {t("account.sessions.signOutAll")}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t("account.sessions.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
