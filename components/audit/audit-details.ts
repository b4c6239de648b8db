import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import type { AuditEventView } from "@/lib/shared/audit-views";
import { limitText } from "@/components/usage/limit-text";

// Human-readable action, target and details of one audit event (server-rendered on the audit page).

const who = (u: { name: string | null; email: string } | null, t: Translate) => (u ? (u.name ?? u.email) : t("audit.deletedUser"));

export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function roleLabel(v: unknown, t: Translate): string {
  const key = `teams.role.${String(v)}`;
  return isMessageKey(key) ? t(key) : String(v);
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

export function targetLabel(e: AuditEventView, t: Translate): string {
  const id = e.targetId ? e.targetId.slice(0, 10) : "";
  const data = (e.data && typeof e.data === "object" ? e.data : {}) as Record<string, unknown>;
  switch (e.targetType) {
    case "generation":
      return t("audit.target.generation", { id });
    case "share":
      return t("audit.target.share", { id });
    case "team":
      return t("audit.target.team");
    case "invite":
      return t("audit.target.invite", { id });
    case "member":
      return t("audit.target.member", { name: e.targetUser ? who(e.targetUser, t) : id });
    case "budget":
      return budgetScope(data, e, t);
    default:
      return e.targetType ?? "";
  }
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function detailsOf(e: AuditEventView, t: Translate): string {
  const data = (e.data && typeof e.data === "object" ? e.data : null) as Record<string, unknown> | null;
  if (!data) return "";
  if (e.action === "budget.set" || e.action === "budget.clear") {
    const fen = (v: unknown) => limitText(typeof v === "number" ? v : null, t);
    return t("audit.budget.change", { from: fen(data.previousFen), to: fen(data.limitFen) });
  }
  if (e.action === "member.role") return t("audit.budget.change", { from: roleLabel(data.from, t), to: roleLabel(data.to, t) });
  if (e.action === "team.rename") return t("audit.budget.change", { from: scalar(data.from), to: scalar(data.to) });
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${k === "role" || k === "previousRole" ? roleLabel(v, t) : scalar(v)}`)
    .join(" · ");
}
