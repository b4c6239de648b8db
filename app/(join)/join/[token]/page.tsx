import type { Metadata } from "next";
import Link from "next/link";
import { JoinInvite } from "@/components/teams/join-invite";
import { JoinLanding } from "@/components/teams/join-landing";
import { CARD } from "@/components/teams/styles";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { getT } from "@/lib/server/i18n";
import { accessOf } from "@/lib/server/permissions";
import { LINK_TOKEN_PATTERN as INVITE_TOKEN_RE } from "@/lib/shared/link-token";
import { previewLinkInvite } from "@/lib/server/teams/preview-invite";
import { publicInvitePreview } from "@/lib/server/teams/public-invite-preview";
import type { LinkPreview } from "@/lib/shared/team-views";

export const dynamic = "force-dynamic";

// The invite token is in the URL: never send it on as a referrer, never index the page.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false, follow: false } };

/** /join/<token>: who invites me to which team as what; Accept / Decline. A signed-out visitor sees the
 *  same facts and is offered to create an account first (or sign in), each coming back to this page. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await getActor();
  const { t } = await getT();
  if (!actor) {
    const open = INVITE_TOKEN_RE.test(token) ? await publicInvitePreview(db(), token) : null;
    if (open) return <JoinLanding token={token} preview={open} />;
  }
  let preview: LinkPreview | null = null;
  if (actor && INVITE_TOKEN_RE.test(token)) {
    try {
      preview = await previewLinkInvite(db(), await accessOf(db(), actor), token);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  if (!preview) {
    return (
      <section aria-labelledby="join-title" className={`${CARD} mx-auto flex max-w-xl flex-col gap-3`}>
        <h1 id="join-title" className="text-2xl font-semibold">
          {t("teams.join.title")}
        </h1>
        <p>{t("teams.join.invalid")}</p>
        <Link href={actor ? "/teams" : "/sign-in"} className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          {actor ? t("teams.join.back") : t("reset.signIn")}
        </Link>
      </section>
    );
  }
  return <JoinInvite token={token} preview={preview} />;
}
