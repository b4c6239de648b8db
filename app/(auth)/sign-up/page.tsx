import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { getRegistrationMode } from "@/lib/server/settings/registration";
import { publicInvitePreview } from "@/lib/server/teams/public-invite-preview";
import { safeCallbackUrl, withCallback } from "@/lib/shared/callback-url";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await getActor()) redirect("/");
  const { t } = await getT();
  // e.g. a team invitation link: back there once the account exists.
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const client = db();
  const firstAccount = !(await client.user.findFirst({ select: { id: true } }));
  // Coming from a team's invitation link (/join/<token>): that link is the invitation to register too.
  const teamToken = /^\/join\/([A-Za-z0-9_-]{43})$/.exec(callbackUrl)?.[1];
  const teamInvite = teamToken && (await publicInvitePreview(client, teamToken)) ? teamToken : undefined;
  const inviteOnly = !firstAccount && !teamInvite && (await getRegistrationMode(client)) === "invite";
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t("auth.signUp.title")}</h1>
      {firstAccount && <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">{t("auth.signUp.firstAdmin")}</p>}
      {inviteOnly && <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">{t("auth.signUp.inviteOnly")}</p>}
      <SignUpForm inviteOnly={inviteOnly} invite={teamInvite} callbackUrl={callbackUrl} />
      <p className="mt-4 text-sm">
        {t("auth.signUp.haveAccount")}{" "}
        <a href={withCallback("/sign-in", callbackUrl)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {t("auth.signIn.submit")}
        </a>
      </p>
    </>
  );
}
