"use client";
import { type FormEvent, useState } from "react";
import { FeedbackLine } from "@/components/account/feedback-line";
import { useFeedback } from "@/components/account/use-feedback";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";

/** "Forgot password?": the account's email; the answer is the same whether or not an account has it. */
export function ForgotPasswordForm() {
  const { t } = useI18n();
  const { busy, feedback, fields, run } = useFeedback();
  const [email, setEmail] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    const sentTo = email.trim();
    await run(async () => {
      await apiFetch("/api/account/reset-request", { method: "POST", json: { email: sentTo } });
      return t("forgot.sent", { email: sentTo });
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("forgot.explain")}</p>
      <Field id="forgot-email" name="email" type="email" autoComplete="email" required label={t("forgot.email")} value={email} error={fields.email} onChange={(e) => setEmail(e.target.value)} />
      <Button type="submit" disabled={busy}>
        {busy ? t("auth.working") : t("forgot.submit")}
      </Button>
      <FeedbackLine feedback={feedback} testId="forgot-feedback" />
    </form>
  );
}
