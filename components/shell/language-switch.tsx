"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { ActionButton } from "@/components/ui/action-button";

/** zh-CN <-> en: stores the choice (cookie + account) and re-renders the server components. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  async function choose(next: Locale) {
    if (next === locale) return;
    await fetch("/api/locale", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ locale: next }),
    });
    startTransition(() => router.refresh());
  }
  return (
    <div role="group" aria-label={t("lang.label")} className="flex rounded-md border border-zinc-300 dark:border-zinc-700">
      {LOCALES.map((l) => (
        <ActionButton
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          disabled={pending}
          onClick={() => void choose(l)}
          className={`px-2 py-1 text-sm first:rounded-l-md last:rounded-r-md ${
            l === locale ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 dark:text-zinc-300"
          }`}
        >
          {t(`lang.${l}`)}
        </ActionButton>
      ))}
    </div>
  );
}
