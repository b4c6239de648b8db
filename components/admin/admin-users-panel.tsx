"use client";
import { useEffect, useRef, useState } from "react";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ApiError } from "@/lib/client/api-error";
import type { AdminUserRow, ResetLinkView } from "@/lib/shared/account-views";
import { formatFen } from "@/lib/shared/money";
import { adminUsersApi } from "./admin-users-api";
import { ResetLinkBox } from "./reset-link-box";
import { ActionButton } from "@/components/ui/action-button";

const SMALL_BUTTON = "rounded-md border border-zinc-400 px-2 py-1 text-xs font-semibold hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800";

/** The instance's accounts: search, who is who, last seen, signed-in browsers (a count), spend this month; disable/enable; reset links. */
export function AdminUsersPanel({ initial, selfId }: { initial: AdminUserRow[]; selfId: string }) {
  const { t, locale } = useI18n();
  const when = useFormatTime();
  const [q, setQ] = useState("");
  const [users, setUsers] = useState(initial);
  const [message, setMessage] = useState<{ kind: "ok" | "fail"; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [link, setLink] = useState<{ email: string; view: ResetLinkView } | null>(null);
  const first = useRef(true);

  // Search as one types, a moment after the last key; a newer search cancels the older request.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      adminUsersApi.list(q, ctl.signal).then(
        (r) => setUsers(r.users),
        (err: unknown) => {
          if (!(err instanceof DOMException)) setMessage({ kind: "fail", text: t("admin.users.loadFailed") });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [q, t]);

  const failed = (err: unknown) => setMessage({ kind: "fail", text: err instanceof ApiError ? err.localized(locale) : t("account.failed") });

  async function toggle(u: AdminUserRow) {
    setBusyId(u.id);
    setMessage(null);
    try {
      const row = await adminUsersApi.setDisabled(u.id, !u.disabledAt);
      // Disabling ends every session of the account (manage-users.ts), so its count drops to 0.
      setUsers((list) => list.map((x) => (x.id === u.id ? { ...x, disabledAt: row.disabledAt, activeSessions: row.disabledAt ? 0 : x.activeSessions } : x)));
      setMessage({ kind: "ok", text: t(row.disabledAt ? "admin.users.disabledDone" : "admin.users.enabledDone", { email: u.email }) });
    } catch (err) {
      failed(err);
    } finally {
      setBusyId(null);
    }
  }

  async function resetLink(u: AdminUserRow) {
    setBusyId(u.id);
    setMessage(null);
    try {
      setLink({ email: u.email, view: await adminUsersApi.resetLink(u.id) });
    } catch (err) {
      failed(err);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="admin-users-title" className="flex flex-col gap-3">
      <h2 id="admin-users-title" className="text-xl font-semibold">
        {t("admin.users.title")}
      </h2>
      <label htmlFor="admin-users-q" className="text-sm font-medium">
        {t("admin.users.search")}
      </label>
      <input
        id="admin-users-q"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-900"
      />
      <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {users.length ? t("admin.users.count", { count: users.length }) : t("admin.users.none")}
      </p>
      <p role={message?.kind === "fail" ? "alert" : "status"} data-testid="admin-users-feedback" className={message?.kind === "fail" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-green-800 dark:text-green-300"}>
        {message?.text ?? ""}
      </p>
      {link && <ResetLinkBox email={link.email} link={link.view} />}
      <ul className="flex flex-col gap-2">
        {users.map((u) => (
          <li key={u.id} data-testid="admin-user-row" className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 sm:flex-row sm:items-center dark:border-zinc-800">
            <div className="min-w-0 flex-1">
              <p className="break-all font-medium">
                {u.name || u.email}
                {u.disabledAt && <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-300">{t("admin.users.disabled")}</span>}
              </p>
              {u.name && <p className="break-all text-sm text-zinc-600 dark:text-zinc-400">{u.email}</p>}
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-zinc-700 dark:text-zinc-300">
                <dt>{t("admin.users.role")}</dt>
                <dd>{t(`admin.users.role.${u.role}`)}</dd>
                <dt>{t("admin.users.created")}</dt>
                <dd>{when(u.createdAt)}</dd>
                <dt>{t("admin.users.lastSeen")}</dt>
                <dd>{u.lastSeenAt ? when(u.lastSeenAt) : t("admin.users.never")}</dd>
                <dt>{t("admin.users.sessions")}</dt>
                <dd data-testid="user-sessions">{u.activeSessions}</dd>
                <dt>{t("admin.users.spent")}</dt>
                <dd>{formatFen(u.spentThisMonthFen)}</dd>
              </dl>
            </div>
            <div className="flex flex-wrap gap-2">
              {u.id !== selfId && (
                <ActionButton type="button" className={SMALL_BUTTON} disabled={busyId === u.id} onClick={() => void toggle(u)} aria-label={`${t(u.disabledAt ? "admin.users.enable" : "admin.users.disable")}: ${u.email}`}>
                  {t(u.disabledAt ? "admin.users.enable" : "admin.users.disable")}
                </ActionButton>
              )}
              <ActionButton type="button" className={SMALL_BUTTON} disabled={busyId === u.id} onClick={() => void resetLink(u)} aria-label={`${t("admin.users.resetLink")}: ${u.email}`}>
                {t("admin.users.resetLink")}
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
