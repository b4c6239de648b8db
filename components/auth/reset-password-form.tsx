"use client";
import { type FormEvent, useState } from "react";
import { FeedbackLine } from "@/components/account/feedback-line";
import { useFeedback } from "@/components/account/use-feedback";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";

/** The new password for a reset link; on success, a link to sign in with it. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { t } = useI18n();
  const { busy, feedback, fields, run } = useFeedback();
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => apiFetch("/api/account/reset", { method: "POST", json: { token, password } }))) setDone(true);
  }

  if (done) {
    return (
      <>
        <p role="status" className="text-sm">
          {t("reset.done")}
        </p>
        <a href="/sign-in" className="mt-4 inline-block font-medium text-indigo-700 underline dark:text-indigo-300">
          {t("reset.signIn")}
        </a>
      </>
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <p className="break-all text-sm text-zinc-700 dark:text-zinc-300">{t("reset.for", { email })}</p>
      {/* For password managers: which account this new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="reset-password" label={t("reset.password")} hint={t("account.password.hint")} type="password" autoComplete="new-password" value={password} error={fields.password} onChange={(e) => setPassword(e.target.value)} />
      <Button type="submit" disabled={busy}>
        {t("reset.submit")}
      </Button>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
