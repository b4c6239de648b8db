"use client";
import { useEffect, useId, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import type { MessageKey } from "@/lib/i18n/translate";
import { SHARE_TTL_MAX_HOURS, type CreatedShareLink, type ShareLinkStatus, type ShareLinkView } from "@/lib/shared/share-link-views";
import type { GenerationStatus } from "@/lib/shared/generation-lifecycle";

// The owner's share links of one clip (clip detail, dialog and page): create a link (expiry, download,
// prompt), copy its URL (shown once), see every link's status and views, revoke with confirmation.
// Shown only to those who may share the clip: the list route answers 404 otherwise, and the panel
// then renders nothing.

const SELECT = "rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
const MUTED = "text-sm text-zinc-700 dark:text-zinc-300";
const EXPIRY = { never: null, day: 24, week: 168, month: 720 } as const;
type ExpiryChoice = keyof typeof EXPIRY | "custom";
const CHIP: Record<ShareLinkStatus, string> = {
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  expired: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  revoked: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

const linksUrl = (id: string) => `/api/generations/${encodeURIComponent(id)}/share-links`;

function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Hours from now to the end of the picked local day, or null when out of range. */
function hoursUntil(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 0);
  const hours = Math.ceil((end.getTime() - Date.now()) / 3_600_000);
  return hours >= 1 && hours <= SHARE_TTL_MAX_HOURS ? hours : null;
}

export function SharePanel({ generationId, status }: { generationId: string; status: GenerationStatus }) {
  const { t, locale } = useI18n();
  const when = useFormatTime();
  const id = useId();
  const [state, setState] = useState<"loading" | "hidden" | "ready" | "error">("loading");
  const [links, setLinks] = useState<ShareLinkView[]>([]);
  const [expiry, setExpiry] = useState<ExpiryChoice>("week");
  const [day, setDay] = useState("");
  const [allowDownload, setAllowDownload] = useState(false);
  const [showPrompt, setShowPrompt] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dayError, setDayError] = useState(false);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [notice, setNotice] = useState("");
  const [confirm, setConfirm] = useState<ShareLinkView | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const stored = status === "STORED";

  useEffect(() => {
    if (!stored) return;
    let alive = true;
    apiFetch<{ items: ShareLinkView[] }>(linksUrl(generationId)).then(
      (r) => {
        if (!alive) return;
        setLinks(r.items);
        setState("ready");
      },
      (e: unknown) => {
        if (!alive) return;
        // 403: the actor may not share this clip; 404: it is gone; 401: signed out. Hide the panel.
        setState(e instanceof ApiError && [401, 403, 404].includes(e.status) ? "hidden" : "error");
      },
    );
    return () => {
      alive = false;
    };
  }, [generationId, stored]);

  if (!stored || state === "loading" || state === "hidden") return null;

  const message = (e: unknown) => (e instanceof ApiError ? e.localized(locale) : String(e));

  async function create(ev: React.FormEvent) {
    ev.preventDefault();
    let expiresInHours: number | null = EXPIRY[expiry as keyof typeof EXPIRY] ?? null;
    if (expiry === "custom") {
      expiresInHours = hoursUntil(day);
      setDayError(expiresInHours === null);
      if (expiresInHours === null) return;
    }
    setBusy(true);
    setError(null);
    setNotice("");
    try {
      const r = await apiFetch<CreatedShareLink>(linksUrl(generationId), { method: "POST", json: { expiresInHours, allowDownload, showPrompt } });
      setCreated(r);
      setLinks((ls) => [r.link, ...ls]);
      setNotice(t("share.panel.created"));
    } catch (e) {
      setError(t("share.panel.failed", { message: message(e) }));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setNotice(t("share.panel.copied"));
    } catch {
      urlRef.current?.focus();
      urlRef.current?.select();
      setNotice(t("share.panel.copyFailed"));
    }
  }

  async function revoke(link: ShareLinkView) {
    setBusy(true);
    setError(null);
    try {
      const r = await apiFetch<ShareLinkView>(`/api/share-links/${encodeURIComponent(link.id)}`, { method: "DELETE" });
      setLinks((ls) => ls.map((l) => (l.id === r.id ? r : l)));
      setNotice(t("share.panel.revoked"));
    } catch (e) {
      setError(t("share.panel.failed", { message: message(e) }));
    } finally {
      setBusy(false);
      closeConfirm();
    }
  }

  // The dialog is mounted only while open (the clip detail has its own confirmation dialog with the
  // same test id); focus goes back to the Revoke button, or to the list once that button is gone.
  function closeConfirm() {
    setConfirm(null);
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : listHeading.current)?.focus());
  }

  const today = new Date();
  const minDay = isoDay(today);
  const maxDay = isoDay(new Date(today.getTime() + (SHARE_TTL_MAX_HOURS - 24) * 3_600_000));

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="share-panel">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {t("share.panel.title")}
      </h3>
      <p className={MUTED}>{t("share.panel.intro")}</p>
      <form onSubmit={(e) => void create(e)} className="flex flex-col gap-3" data-testid="share-form">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-expiry`} className="text-sm font-medium">
              {t("share.panel.expiry")}
            </label>
            <select id={`${id}-expiry`} className={SELECT} value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryChoice)} data-testid="share-expiry">
              {(["never", "day", "week", "month", "custom"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`share.panel.expiry.${c}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          {expiry === "custom" && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-day`} className="text-sm font-medium">
                {t("share.panel.customDate")}
              </label>
              <input
                id={`${id}-day`}
                type="date"
                required
                min={minDay}
                max={maxDay}
                value={day}
                onChange={(e) => setDay(e.target.value)}
                aria-invalid={dayError || undefined}
                aria-describedby={`${id}-day-hint`}
                className={SELECT}
                data-testid="share-day"
              />
              <p id={`${id}-day-hint`} className={dayError ? "text-xs text-red-700 dark:text-red-400" : "text-xs text-zinc-600 dark:text-zinc-400"}>
                {dayError ? t("errors.field.share_expiry") : t("share.panel.customDateHint")}
              </p>
            </div>
          )}
        </div>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={allowDownload} onChange={(e) => setAllowDownload(e.target.checked)} className="h-4 w-4 accent-indigo-700" data-testid="share-download" />
            {t("share.panel.allowDownload")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={showPrompt} onChange={(e) => setShowPrompt(e.target.checked)} className="h-4 w-4 accent-indigo-700" data-testid="share-show-prompt" />
            {t("share.panel.showPrompt")}
          </label>
        </div>
        <Button type="submit" disabled={busy} className="self-start" data-testid="share-create">
          {busy ? t("share.panel.creating") : t("share.panel.create")}
        </Button>
      </form>
      {created && (
        <div className="flex flex-col gap-1" data-testid="share-created">
          <label htmlFor={`${id}-url`} className="text-sm font-medium">
            {t("share.panel.url")}
          </label>
          <div className="flex gap-2">
            <input
              id={`${id}-url`}
              ref={urlRef}
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-zinc-400 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-900"
              data-testid="share-url"
            />
            <Button type="button" variant="secondary" onClick={() => void copy()} data-testid="share-copy">
              {t("share.panel.copy")}
            </Button>
          </div>
        </div>
      )}
      <p role="status" className={MUTED} data-testid="share-notice">
        {notice}
      </p>
      {(error || state === "error") && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error ?? t("share.panel.loadFailed")}
        </p>
      )}
      <h4 ref={listHeading} tabIndex={-1} className="text-sm font-semibold outline-none">
        {t("share.panel.links")}
      </h4>
      {links.length === 0 ? (
        <p className={MUTED}>{t("share.panel.none")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="share-links">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="share-link" data-status={l.status}>
              <div className="flex min-w-0 flex-col gap-0.5 text-sm">
                <span className={`self-start rounded px-1.5 py-0.5 text-xs font-semibold ${CHIP[l.status]}`}>{t(`share.panel.status.${l.status}` as MessageKey)}</span>
                <span className={MUTED}>{t("share.panel.createdBy", { time: when(l.createdAt), name: l.createdBy.name })}</span>
                <span className={MUTED}>
                  {l.revokedAt
                    ? t("share.panel.revokedAt", { time: when(l.revokedAt) })
                    : l.expiresAt
                      ? t(l.status === "expired" ? "share.panel.expiredAt" : "share.panel.expiresAt", { time: when(l.expiresAt) })
                      : t("share.panel.noExpiry")}
                </span>
                <span className={MUTED}>
                  {t("share.panel.views", { n: l.views })} ·{" "}
                  {l.lastViewedAt ? t("share.panel.lastViewed", { time: when(l.lastViewedAt) }) : t("share.panel.neverViewed")}
                </span>
                {(l.allowDownload || !l.showPrompt) && (
                  <span className={MUTED}>
                    {[l.allowDownload ? t("share.panel.downloadAllowed") : null, l.showPrompt ? null : t("share.panel.promptHidden")].filter(Boolean).join(" · ")}
                  </span>
                )}
              </div>
              {l.status === "active" && (
                <Button type="button" variant="secondary" disabled={busy} onClick={(e) => {
                    opener.current = e.currentTarget;
                    setConfirm(l);
                  }} data-testid="share-revoke">
                  {t("share.panel.revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirm && (
        <ConfirmDialog
          open
          title={t("share.panel.revokeTitle")}
          body={t("share.panel.revokeBody")}
          confirmLabel={busy ? t("share.panel.revoking") : t("share.panel.revokeConfirm")}
          cancelLabel={t("share.panel.cancel")}
          busy={busy}
          onConfirm={() => void revoke(confirm)}
          onCancel={closeConfirm}
        />
      )}
    </section>
  );
}
