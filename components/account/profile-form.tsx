"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import type { AccountView } from "@/lib/shared/account-views";
import { HEADING, SECTION } from "./account-styles";
import { FeedbackLine } from "./feedback-line";
import { useFeedback } from "./use-feedback";

/** Display name and language (email shown, not editable). Saving refreshes the header. */
export function ProfileForm({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const router = useRouter();
  const { busy, feedback, fields, run } = useFeedback();
  const [name, setName] = useState(account.name ?? "");
  const [locale, setLocale] = useState<string>(account.locale ?? "");

  async function save(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await apiFetch("/api/account", { method: "PATCH", json: { name: name.trim() || null, ...(locale ? { locale } : {}) } });
      router.refresh();
      return t("account.saved");
    });
  }

  return (
    <form onSubmit={save} className={SECTION} aria-labelledby="profile-title" noValidate>
      <h2 id="profile-title" className={HEADING}>
        {t("account.profile")}
      </h2>
      <Field id="account-name" label={t("account.name")} hint={t("account.name.hint")} error={fields.name} value={name} maxLength={80} autoComplete="nickname" onChange={(e) => setName(e.target.value)} />
      <Field id="account-email" label={t("account.email")} hint={t("account.email.hint")} value={account.email} readOnly type="email" />
      <div className="flex flex-col gap-1">
        <label htmlFor="account-locale" className="text-sm font-medium">
          {t("account.language")}
        </label>
        <select
          id="account-locale"
          value={locale}
          aria-describedby="account-locale-hint"
          onChange={(e) => setLocale(e.target.value)}
          className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-900"
        >
          {!account.locale && <option value="">{t("account.language.browser")}</option>}
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
        <p id="account-locale-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
          {t("account.language.hint")}
        </p>
      </div>
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? t("account.saving") : t("account.save")}
      </Button>
      <FeedbackLine feedback={feedback} testId="profile-feedback" />
    </form>
  );
}
