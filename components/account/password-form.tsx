"use client";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { HEADING, SECTION } from "./account-styles";
import { FeedbackLine } from "./feedback-line";
import { useFeedback } from "./use-feedback";

/** Password change: the current password, then the new one. Other devices are signed out; this one stays. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useI18n();
  const { busy, feedback, fields, run } = useFeedback();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      await apiFetch("/api/account/password", { method: "POST", json: { current, next } });
      return t("account.password.changed");
    });
    if (ok) {
      setCurrent("");
      setNext("");
    }
  }

  if (!hasPassword) {
    return (
      <section className={SECTION} aria-labelledby="password-title">
        <h2 id="password-title" className={HEADING}>
          {t("account.password")}
        </h2>
        <p className="text-sm">{t("account.password.none")}</p>
      </section>
    );
  }
  return (
    <form onSubmit={save} className={SECTION} aria-labelledby="password-title" noValidate>
      <h2 id="password-title" className={HEADING}>
        {t("account.password")}
      </h2>
      <Field id="password-current" label={t("account.password.current")} type="password" autoComplete="current-password" value={current} error={fields.current} onChange={(e) => setCurrent(e.target.value)} />
      <Field id="password-next" label={t("account.password.next")} hint={t("account.password.hint")} type="password" autoComplete="new-password" value={next} error={fields.next} onChange={(e) => setNext(e.target.value)} />
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? t("account.saving") : t("account.password.change")}
      </Button>
      <FeedbackLine feedback={feedback} testId="password-feedback" />
    </form>
  );
}
