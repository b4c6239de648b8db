"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { type NotifyPermission, notifyPermission, requestNotifyPermission } from "@/lib/client/notifications";
import { ActionButton } from "@/components/ui/action-button";

/** Asks for notification permission only when the user presses it; shows the outcome afterwards. */
export function NotifyButton() {
  const { t } = useI18n();
  const [perm, setPerm] = useState<NotifyPermission | null>(null);
  useEffect(() => {
    // Permission is only known in the browser; reading it after mount keeps the server render identical.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPerm(notifyPermission());
  }, []);
  if (perm === null || perm === "unsupported") return null;
  if (perm === "granted") return <span className="text-xs text-zinc-600 dark:text-zinc-400">🔔 {t("studio.notify.on")}</span>;
  if (perm === "denied") return <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("studio.notify.blocked")}</span>;
  return (
    <ActionButton
      type="button"
      onClick={async () => setPerm(await requestNotifyPermission())}
      className="rounded-md border border-zinc-400 px-3 py-1.5 text-xs font-semibold hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
    >
      {t("studio.notify.ask")}
    </ActionButton>
  );
}
