import "server-only";
import type { AuditAction, InstanceAuditAction } from "@/lib/shared/audit-views";
import type { Db } from "../db";

// The audit log is append-only: this is the only writer, and nothing in the app updates or deletes
// an AuditEvent (tests/unit/audit-append-only.test.ts scans the source). Call it inside the same
// transaction as the change it records, so an event exists exactly when the change committed.

export interface AuditInput {
  teamId: string | null;
  actorId: string | null;
  action: AuditAction | InstanceAuditAction;
  targetType?: "generation" | "share" | "team" | "invite" | "member" | "budget" | "user" | "film" | "shot" | "comment" | "reference" | "export" | "session";
  targetId?: string | null;
  data?: Record<string, string | number | boolean | null>;
  ip?: string | null;
}

export async function recordAudit(tx: Pick<Db, "auditEvent">, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      teamId: e.teamId,
      actorId: e.actorId,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      data: e.data ?? undefined,
      ip: e.ip ?? null,
    },
  });
}
