import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { getActor } from "@/lib/server/auth/session";
import { getT } from "@/lib/server/i18n";
import { mailConfigured } from "@/lib/server/mail/smtp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** /forgot: ask for a password reset link by email; without SMTP, where to get one instead. */
export default async function ForgotPage() {
  if (await getActor()) redirect("/account");
  const { t } = await getT();
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t("forgot.title")}</h1>
      {mailConfigured() ? <ForgotPasswordForm /> : <p className="text-sm">{t("reset.noEmail")}</p>}
      <a href="/sign-in" className="mt-4 inline-block text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
        {t("forgot.back")}
      </a>
    </>
  );
}
