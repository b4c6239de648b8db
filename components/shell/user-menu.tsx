"use client";
import { signOut } from "next-auth/react";
import { useI18n } from "@/components/i18n/i18n-provider";

export function UserMenu({ email, isAdmin }: { email: string; isAdmin: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="hidden max-w-48 truncate text-zinc-600 md:inline dark:text-zinc-400" title={email}>
        {t("user.signedInAs", { email })}
        {isAdmin && <span className="text-xs">{` (${t("user.instanceAdmin")})`}</span>}
      </span>
      <button
        type="button"
        onClick={() => void signOut({ callbackUrl: "/sign-in?signedOut=1" })}
        className="rounded-md border border-zinc-300 px-2 py-1 text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {t("user.signOut")}
      </button>
    </div>
  );
}
