import "server-only";
import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import type { Db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { localMidnight } from "@/lib/shared/period";
import { AUDIT_ACTIONS, type AuditPage } from "@/lib/shared/audit-views";

// Reading a team's audit log: newest first, filtered by action, actor and a range of local
// days (BUDGET_TIME_ZONE, the instance's calendar), keyset-paginated by (createdAt, id) so a page is
// one indexed range scan (AuditEvent @@index([teamId, createdAt])) however deep the reader goes.
// Read-only by design: nothing in the app updates or deletes audit events.

const AUDIT_PAGE_SIZE = 50;

const emptyToUndef = (v: unknown) => (v === "" ? undefined : v);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date").refine(validDay, "errors.field.date");

export const auditQuerySchema = z.object({
  action: z.preprocess(emptyToUndef, z.enum(AUDIT_ACTIONS).optional()),
  actorId: z.preprocess(emptyToUndef, idSchema.optional()),
  from: z.preprocess(emptyToUndef, day.optional()),
  to: z.preprocess(emptyToUndef, day.optional()),
  cursor: z.preprocess(emptyToUndef, z.string().max(300).optional()),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

function validDay(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function midnightOf(s: string, timeZone: string, plusDays = 0): Date {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + plusDays));
  return localMidnight(timeZone, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const createdAt = new Date(String(iso));
    if (typeof iso === "string" && typeof id === "string" && id.length > 0 && id.length <= 128 && !Number.isNaN(createdAt.getTime())) {
      return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", { fields: [{ path: "cursor", key: "errors.field.invalid" }] });
}

/** The caller has already checked team.viewAudit. `from`/`to` are days in `timeZone` (the page: the
 *  viewer's, as its times are shown; the API: the instance's budget zone). */
export async function listAudit(client: Pick<Db, "auditEvent" | "user">, teamId: string, q: AuditQuery, timeZone = env().BUDGET_TIME_ZONE): Promise<AuditPage> {
  const createdAt: { gte?: Date; lt?: Date } = {};
  if (q.from) createdAt.gte = midnightOf(q.from, timeZone);
  if (q.to) createdAt.lt = midnightOf(q.to, timeZone, 1);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await client.auditEvent.findMany({
    where: {
      teamId,
      ...(q.action ? { action: q.action } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.from || q.to ? { createdAt } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page[page.length - 1];

  // Member events name a user (targetId or data.userId); resolve them in one query for display.
  const userIdOf = (r: (typeof page)[number]): string | null => {
    if (r.targetType === "member" && r.targetId) return r.targetId;
    const d = r.data as Record<string, unknown> | null;
    return d && typeof d === "object" && typeof d.userId === "string" ? d.userId : null;
  };
  const ids = [...new Set(page.map(userIdOf).filter((x): x is string => x !== null))];
  const users = ids.length
    ? new Map((await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]))
    : new Map<string, { id: string; name: string | null; email: string }>();

  return {
    events: page.map((r) => {
      const uid = userIdOf(r);
      return {
        id: r.id,
        action: r.action,
        actor: r.actor,
        targetType: r.targetType,
        targetId: r.targetId,
        targetUser: uid ? (users.get(uid) ?? null) : null,
        data: r.data ?? null,
        createdAt: r.createdAt.toISOString(),
      };
    }),
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
