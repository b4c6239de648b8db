import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/server/auth/session";
import { oauthProviders } from "@/lib/server/auth/oauth-providers";
import { getT } from "@/lib/server/i18n";
import { mailConfigured } from "@/lib/server/mail/smtp";
import { safeCallbackUrl, withCallback } from "@/lib/shared/callback-url";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await getActor()) redirect("/");
  const { t } = await getT();
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t("auth.signIn.title")}</h1>
      {sp.signedOut && (
        <p role="status" className="mb-3 text-sm text-zinc-700 dark:text-zinc-300">
          {t("auth.signedOut")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviders()} />
      <p className="mt-4 text-sm">
        {t("auth.signIn.noAccount")}{" "}
        <a href={withCallback("/sign-up", callbackUrl)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {t("auth.signIn.createOne")}
        </a>
      </p>
      {mailConfigured() ? (
        <p className="mt-2 text-sm">
          <a href="/forgot" className="font-medium text-indigo-700 underline dark:text-indigo-300">
            {t("auth.signIn.forgot")}
          </a>
        </p>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("reset.noEmail")}</p>
      )}
    </>
  );
}
