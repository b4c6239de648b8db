import Link from "next/link";
import type { ReactNode } from "react";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import type { AuditEventView } from "@/lib/shared/audit-views";
import { MODE_LABEL_KEY } from "@/lib/shared/generation-mode";
import type { Mode } from "@/lib/shared/generation-schemas";
import { formatFen } from "@/lib/shared/money";
import { limitText } from "@/components/usage/limit-text";

// Human-readable action, target and details of one audit event (server-rendered on the audit page):
// money as ¥, instants in the viewer's zone (`when`), roles and modes in words, and what an event is
// about as a link (a clip, a film) instead of an id. Unknown keys still show, labelled by their name.

export type When = (iso: string) => string;

const LINK = "font-medium text-indigo-800 underline underline-offset-2 dark:text-indigo-200";
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Where an id of a kind of thing opens (nothing for things without a page of their own). */
const HREF_OF: Record<string, (id: string) => string> = {
  generationId: (id) => `/gallery/${encodeURIComponent(id)}`,
  retryOf: (id) => `/gallery/${encodeURIComponent(id)}`,
  takeId: (id) => `/gallery/${encodeURIComponent(id)}`,
  previous: (id) => `/gallery/${encodeURIComponent(id)}`,
  filmId: (id) => `/films/${encodeURIComponent(id)}`,
};

/** Keys the table never shows: they are the target already, or only ids with no page. */
const HIDDEN = new Set(["userId", "scope", "inviteId", "batchId", "filmExportId", "duplicateOf"]);

const who = (u: { name: string | null; email: string } | null, t: Translate) => (u ? (u.name ?? u.email) : t("audit.deletedUser"));
const shortId = (id: string) => id.slice(0, 10);

function label(prefix: string, value: unknown, t: Translate): string {
  const key = `${prefix}.${String(value)}`;
  return isMessageKey(key) ? t(key) : String(value);
}

export function actionLabel(action: string, t: Translate): string {
  return label("audit.action", action, t);
}

function budgetScope(data: Record<string, unknown>, e: AuditEventView, t: Translate): string {
  switch (data.scope) {
    case "TEAM_MONTHLY":
      return t("audit.budget.team");
    case "INSTANCE_DAILY":
      return t("audit.budget.instance");
    case "MEMBER_MONTHLY":
      return data.userId ? t("audit.budget.member", { name: e.targetUser ? who(e.targetUser, t) : String(data.userId) }) : t("audit.budget.memberDefault");
    default:
      return t("audit.target.budget");
  }
}

const dataOf = (e: AuditEventView) => (e.data && typeof e.data === "object" ? (e.data as Record<string, unknown>) : {});

export function AuditTarget({ e, t }: { e: AuditEventView; t: Translate }): ReactNode {
  const id = e.targetId ?? "";
  const data = dataOf(e);
  switch (e.targetType) {
    case "generation":
      return e.action === "clip.delete" ? (
        t("audit.target.generation", { id: shortId(id) })
      ) : (
        <Link href={HREF_OF.generationId!(id)} className={LINK}>
          {t("audit.target.generation", { id: shortId(id) })}
        </Link>
      );
    case "share":
      return typeof data.generationId === "string" ? (
        <Link href={HREF_OF.generationId!(data.generationId)} className={LINK}>
          {t("audit.target.share", { id: shortId(id) })}
        </Link>
      ) : (
        t("audit.target.share", { id: shortId(id) })
      );
    case "film":
      return e.action === "film.delete" ? (
        t("audit.target.film", { id: shortId(id) })
      ) : (
        <Link href={HREF_OF.filmId!(id)} className={LINK}>
          {t("audit.target.film", { id: shortId(id) })}
        </Link>
      );
    case "team":
      return t("audit.target.team");
    case "invite":
      return t("audit.target.invite", { id: shortId(id) });
    case "member":
      return t("audit.target.member", { name: e.targetUser ? who(e.targetUser, t) : shortId(id) });
    case "budget":
      return budgetScope(data, e, t);
    default:
      return e.targetType ? `${label("audit.targetType", e.targetType, t)} ${shortId(id)}` : "";
  }
}

/** One value in words: ¥ for fen, a local time for an instant, yes/no, a role or a mode by name, a link for an id with a page. */
function valueOf(key: string, v: unknown, t: Translate, when: When): ReactNode {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number" && key.endsWith("Fen")) return formatFen(v);
  if (typeof v === "boolean") return t(v ? "audit.value.yes" : "audit.value.no");
  if (typeof v === "string" && ISO_INSTANT.test(v)) return when(v);
  if (key === "role" || key === "previousRole") return label("teams.role", v, t);
  if (key === "mode" && typeof v === "string" && v in MODE_LABEL_KEY) return t(MODE_LABEL_KEY[v as Mode]);
  if (key === "kind" || key === "via" || key === "action") return label("audit.value", v, t);
  if (key === "expiresInHours" && typeof v === "number") return t("audit.value.hours", { n: v });
  if (key === "timeMs" && typeof v === "number") return t("share.page.seconds", { n: Math.round(v / 100) / 10 });
  const href = HREF_OF[key];
  if (href && typeof v === "string")
    return (
      <Link href={href(v)} className={LINK}>
        {shortId(v)}
      </Link>
    );
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

export function AuditDetails({ e, t, when }: { e: AuditEventView; t: Translate; when: When }): ReactNode {
  const data = dataOf(e);
  if (e.action === "budget.set" || e.action === "budget.clear") {
    const fen = (v: unknown) => limitText(typeof v === "number" ? v : null, t);
    return t("audit.budget.change", { from: fen(data.previousFen), to: fen(data.limitFen) });
  }
  if (e.action === "member.role") return t("audit.budget.change", { from: label("teams.role", data.from, t), to: label("teams.role", data.to, t) });
  if (e.action === "team.rename") return t("audit.budget.change", { from: String(data.from ?? "—"), to: String(data.to ?? "—") });
  const entries = Object.entries(data).filter(([k]) => !HIDDEN.has(k) && !(e.action === "team.transfer" && (k === "from" || k === "to")));
  if (entries.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-3 gap-y-0.5">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-zinc-700 dark:text-zinc-300">{label("audit.key", k, t)}:</dt>
          <dd>{valueOf(k, v, t, when)}</dd>
        </div>
      ))}
    </dl>
  );
}
