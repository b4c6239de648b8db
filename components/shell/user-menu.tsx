"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ActionButton } from "@/components/ui/action-button";

const BUTTON =
  "rounded-md border border-zinc-300 px-2 py-1 text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** Who is signed in (display name, else email), a link to their account page, and sign-out. */
export function UserMenu({ email, name, isAdmin }: { email: string; name: string | null; isAdmin: boolean }) {
  const { t } = useI18n();
  const shown = name?.trim() || email;
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="hidden max-w-48 truncate text-zinc-600 md:inline dark:text-zinc-400" title={email} data-testid="signed-in-as">
        {t("user.signedInAs", { email: shown })}
        {isAdmin && <span className="text-xs">{` (${t("user.instanceAdmin")})`}</span>}
      </span>
      <Link href="/account" className={BUTTON}>
        {t("user.account")}
      </Link>
      <ActionButton type="button" onClick={() => void signOut({ callbackUrl: "/sign-in?signedOut=1" })} className={BUTTON}>
        {t("user.signOut")}
      </ActionButton>
    </div>
  );
}
