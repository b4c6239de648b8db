import { AuditFilters, AuditTable } from "@/components/audit/audit-log-view";
import { TeamForbidden } from "@/components/teams/team-forbidden";
import { TeamNav } from "@/components/teams/team-nav";
import { auditQuerySchema, listAudit } from "@/lib/server/audit/list-audit";
import { db } from "@/lib/server/db";
import { zodFields } from "@/lib/server/errors";
import { getFormatTime, getT } from "@/lib/server/i18n";
import { can } from "@/lib/server/permissions";
import { teamPageContext } from "@/lib/server/teams/team-page-context";
import { zoneLabel } from "@/lib/shared/time-format";

// The team's audit log (owners and admins): filters in the URL (a GET form), newest first, 50 per page
// with a "load older" link carrying the cursor. Read-only. Non-members get a 404; other members a
// "not allowed" message and no events.

export const dynamic = "force-dynamic";

const FILTERS = ["action", "actorId", "from", "to"] as const;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { teamId } = await params;
  const raw = await searchParams;
  const { t } = await getT();
  const { when, timeZone, locale } = await getFormatTime();
  const { access, role, team } = await teamPageContext(teamId, `/teams/${teamId}/audit`);
  if (!can(access, teamId, "team.viewAudit")) {
    return <TeamForbidden teamId={teamId} teamName={team.name} role={role} message={t("audit.forbidden")} />;
  }

  const sp: Record<string, string> = {};
  for (const k of [...FILTERS, "cursor"]) {
    const v = raw[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) sp[k] = s;
  }
  const filters = Object.fromEntries(FILTERS.filter((k) => sp[k]).map((k) => [k, sp[k]!])) as Partial<Record<(typeof FILTERS)[number], string>>;
  const parsed = auditQuerySchema.safeParse(sp);
  const base = `/teams/${encodeURIComponent(teamId)}/audit`;
  const hrefWith = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...filters, ...extra }).toString();
    return qs ? `${base}?${qs}` : base;
  };

  const members = await db().membership.findMany({
    where: { teamId },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const page = parsed.success ? await listAudit(db(), teamId, parsed.data, timeZone).catch(() => null) : null;
  const problems = parsed.success ? (page ? [] : [t("errors.field.invalid")]) : zodFields(parsed.error).map((f) => `${f.path}: ${t(f.key)}`);

  return (
    <section aria-labelledby="audit-title" className="flex min-w-0 flex-col gap-6">
      <TeamNav teamId={teamId} teamName={team.name} role={role} />
      <header className="flex flex-col gap-1">
        <h2 id="audit-title" className="text-xl font-semibold">
          {t("audit.title")}
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {t("audit.intro")} <span data-testid="time-zone-note">{t("time.shownIn", { zone: zoneLabel(timeZone, locale) })}</span>
        </p>
      </header>
      <AuditFilters action={base} filters={filters} members={members.map((m) => ({ userId: m.user.id, label: m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email }))} t={t} />
      {problems.length > 0 && (
        <ul role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {page && (
        <AuditTable
          page={page}
          when={when}
          moreHref={page.nextCursor ? hrefWith({ cursor: page.nextCursor }) : null}
          newestHref={sp.cursor ? hrefWith({}) : null}
          t={t}
        />
      )}
    </section>
  );
}
