-- DropIndex
DROP INDEX "AuditEvent_teamId_createdAt_idx";

-- DropIndex
DROP INDEX "Generation_teamId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_createdAt_id_idx" ON "AuditEvent"("teamId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Generation_teamId_deletedAt_createdAt_id_idx" ON "Generation"("teamId", "deletedAt", "createdAt", "id");

-- The audit log is append-only in the database too (issue 6): no statement may change or remove an
-- event, whatever code runs. A hard delete of a team or user that has events is therefore refused
-- (the app only soft-deletes teams and disables users).
CREATE TRIGGER "AuditEvent_append_only_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_append_only_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
