import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { openResetLink } from "@/lib/server/users/password-reset";

export const dynamic = "force-dynamic";

// The token is in the URL: never send it on as a referrer, never index the page.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false, follow: false } };

/** /reset/<token>: an admin's one-time reset link; sets a new password, or says plainly that it is spent. */
export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t } = await getT();
  const link = await openResetLink(db(), token);
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t("reset.title")}</h1>
      {link ? (
        <ResetPasswordForm token={token} email={link.email} />
      ) : (
        <>
          <p role="alert" className="text-sm">
            {t("reset.invalid")}
          </p>
          <a href="/sign-in" className="mt-4 inline-block font-medium text-indigo-700 underline dark:text-indigo-300">
            {t("reset.signIn")}
          </a>
        </>
      )}
    </>
  );
}
