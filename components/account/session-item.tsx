"use client";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { SessionView } from "@/lib/shared/account-views";

/** "Chrome on Linux" in the viewer's language (parts the user agent did not reveal are named as unknown). */
export function useDeviceName(): (s: Pick<SessionView, "browser" | "os">) => string {
  const { t } = useI18n();
  return (s) => t("account.sessions.device", { browser: s.browser ?? t("account.sessions.unknownBrowser"), os: s.os ?? t("account.sessions.unknownOs") });
}

/** One signed-in browser: what it is, when it signed in and was last active (the viewer's zone), and "Sign out" unless it is this one. */
export function SessionItem({ session, busy, onSignOut }: { session: SessionView; busy: boolean; onSignOut: (s: SessionView) => void }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const device = useDeviceName()(session);
  return (
    <li data-testid="session-item" data-current={session.current || undefined} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="font-medium break-words">
          {device}
          {session.current ? (
            <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">{t("account.sessions.current")}</span>
          ) : null}
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("account.sessions.signedIn", { time: when(session.createdAt) })}</p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("account.sessions.lastSeen", { time: when(session.lastSeenAt) })}</p>
      </div>
      {session.current ? null : (
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          aria-label={t("account.sessions.signOutNamed", { device, time: when(session.createdAt) })}
          onClick={() => onSignOut(session)}
        >
          {t("account.sessions.signOut")}
        </Button>
      )}
    </li>
  );
}
