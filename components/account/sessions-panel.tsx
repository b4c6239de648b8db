"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { HEADING, SECTION } from "./account-styles";
import { FeedbackLine } from "./feedback-line";
import { useFeedback } from "./use-feedback";

// Sessions are signed tokens held by each browser, not rows, so there is no list of devices to show:
// this device, and the one action that reaches all of them (the account's session version).
export function SessionsPanel() {
  const { t } = useI18n();
  const { busy, feedback, run } = useFeedback();
  const [confirming, setConfirming] = useState(false);

  async function signOutAll() {
    const ok = await run(() => apiFetch("/api/account/sign-out-everywhere", { method: "POST" }));
    if (ok) window.location.assign("/sign-in?signedOut=1");
  }

  return (
    <section className={SECTION} aria-labelledby="sessions-title">
      <h2 id="sessions-title" className={HEADING}>
        {t("account.sessions")}
      </h2>
      <p>{t("account.sessions.here")}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("account.sessions.explain")}</p>
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
      ) : (
        <Button type="button" variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
          {t("account.sessions.signOutAll")}
        </Button>
      )}
      <FeedbackLine feedback={feedback} />
    </section>
  );
}
