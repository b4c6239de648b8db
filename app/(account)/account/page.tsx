import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { getAccount } from "@/lib/server/users/account";
import { listSessions } from "@/lib/server/users/account-sessions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** /account: display name, email, language, password, sessions (each section saves on its own). */
export default async function AccountPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=%2Faccount");
  const { t } = await getT();
  const [account, { sessions }] = await Promise.all([getAccount(db(), actor), listSessions(db(), actor)]);
  return (
    <section aria-labelledby="account-title" className="flex max-w-xl flex-col gap-6">
      <h1 id="account-title" className="text-2xl font-semibold">
        {t("account.title")}
      </h1>
      <ProfileForm account={account} />
      <PasswordForm hasPassword={account.hasPassword} />
      <SessionsPanel initial={sessions} />
    </section>
  );
}
