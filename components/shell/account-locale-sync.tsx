"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";

// Pages read the language from this browser's cookie (then Accept-Language). The account's language
// (chosen on /account or with the switch) is applied on a device that has no cookie yet, such as
// the first sign-in on a new computer: set it once, then re-render in that language.
export function AccountLocaleSync({ accountLocale }: { accountLocale: Locale | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!accountLocale) return;
    const hasCookie = document.cookie.split(";").some((c) => c.trim().startsWith(`${LOCALE_COOKIE}=`));
    if (hasCookie) return;
    void fetch("/api/locale", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ locale: accountLocale }) }).then(
      (res) => {
        if (res.ok) router.refresh();
      },
      () => undefined,
    );
  }, [accountLocale, router]);
  return null;
}
