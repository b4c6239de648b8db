// The audit log cannot be edited, not even by code that bypasses the app's services: the database
// itself refuses UPDATE and DELETE on AuditEvent (triggers in both migration histories), and so
// refuses the cascades of a hard team delete or user delete that would erase or rewrite events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { createTestDb, providers, type TestDb } from "../support/test-db";

describe.each(providers())("audit log append-only in the database on %s", (kind) => {
  let t: TestDb;
  let teamId: string;
  let userId: string;
  let eventId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    userId = (await t.client.user.create({ data: { email: `audit-db-${kind}@x.test` } })).id;
    teamId = (await t.client.team.create({ data: { name: "Audited", memberships: { create: { userId, role: "OWNER" } } } })).id;
    await recordAudit(t.client, { teamId, actorId: userId, action: "team.create", targetType: "team", targetId: teamId, data: { name: "Audited" } });
    eventId = (await t.client.auditEvent.findFirstOrThrow({ where: { teamId } })).id;
  });
  afterAll(async () => t?.drop());

  it("refuses UPDATE and DELETE of an event, raw or through Prisma", async () => {
    await expect(t.client.auditEvent.update({ where: { id: eventId }, data: { action: "team.rename" } })).rejects.toThrow(/append-only/);
    await expect(t.client.auditEvent.deleteMany({ where: { teamId } })).rejects.toThrow(/append-only/);
    await expect(t.client.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await t.client.auditEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ action: "team.create", actorId: userId });
  });

  it("refuses the cascades that would erase (team) or rewrite (user) events; inserts still work", async () => {
    await expect(t.client.team.delete({ where: { id: teamId } })).rejects.toThrow();
    await expect(t.client.user.delete({ where: { id: userId } })).rejects.toThrow();
    await recordAudit(t.client, { teamId, actorId: userId, action: "team.rename", data: { from: "Audited", to: "Still audited" } });
    expect(await t.client.auditEvent.count({ where: { teamId } })).toBe(2);
  });
});
