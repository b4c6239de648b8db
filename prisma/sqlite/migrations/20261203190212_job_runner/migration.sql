-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "step" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "inLane" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB,
    "result" JSONB,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "JobDependency" (
    "jobId" TEXT NOT NULL,
    "dependsOnId" TEXT NOT NULL,

    PRIMARY KEY ("jobId", "dependsOnId"),
    CONSTRAINT "JobDependency_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JobDependency_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Data: the background work of takes still running moves to the Job table (with its lease and
-- fencing version, so a worker of the old version that is still running is fenced out), and the
-- reasons of finished takes become codes of the closed set (lib/shared/generation-lifecycle.ts).
INSERT INTO "Job" ("id", "kind", "subjectId", "status", "step", "lane", "inLane", "leaseOwner", "leaseUntil", "version", "runAt", "createdAt", "updatedAt")
SELECT 'migrated-' || "id", 'video', "id",
       (CASE "status" WHEN 'QUEUED' THEN 'QUEUED' ELSE 'ACTIVE' END),
       CASE "status" WHEN 'PROCESSING' THEN 'poll' WHEN 'DOWNLOADING' THEN 'download' ELSE 'submit' END,
       'vidu:' || "model", "status" IN ('SUBMITTING', 'PROCESSING'),
       "leaseOwner", "leaseUntil", "version", "nextRunAt", "createdAt", "updatedAt"
  FROM "Generation"
 WHERE "status" IN ('QUEUED', 'SUBMITTING', 'PROCESSING', 'DOWNLOADING');

UPDATE "Generation" SET "errorCode" = CASE
    WHEN "status" IN ('QUEUED', 'SUBMITTING', 'PROCESSING', 'DOWNLOADING', 'STORED') THEN NULL
    WHEN "errorCode" = '1301' THEN 'unsafe_content'
    WHEN "errorCode" = '1261' THEN 'prompt_too_long'
    WHEN "errorCode" IN ('1231', 'orphaned') THEN 'orphaned'
    WHEN "errorCode" IN ('upstream_fail', 'FAIL', 'upstream_failed') THEN 'upstream_failed'
    WHEN "errorCode" IN ('invalid_media', 'media_invalid') THEN 'media_invalid'
    WHEN "errorCode" IN ('timeout', 'expired', 'cancelled', 'upstream_malformed', 'input_missing', 'download_failed') THEN "errorCode"
    WHEN "errorCode" = 'task_id_missing' THEN 'inconsistent'
    WHEN "errorCode" LIKE 'download_%' THEN 'download_refused'
    WHEN "errorCode" LIKE 'http_%' THEN 'expired'
    WHEN "status" = 'REJECTED' THEN 'invalid_params'
    WHEN "status" = 'EXPIRED' THEN 'expired'
    WHEN "status" = 'ORPHANED' THEN 'orphaned'
    WHEN "status" = 'CANCELLED' THEN 'cancelled'
    ELSE 'upstream_failed'
  END;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Generation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "mode" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt" TEXT NOT NULL DEFAULT '',
    "promptSearch" TEXT NOT NULL DEFAULT '',
    "params" JSONB NOT NULL,
    "idemKey" TEXT NOT NULL,
    "paramsHash" TEXT NOT NULL,
    "upstreamRequestId" TEXT NOT NULL,
    "upstreamTaskId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "pollCount" INTEGER NOT NULL DEFAULT 0,
    "costFen" INTEGER NOT NULL DEFAULT 0,
    "retryOfId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "acceptedAt" DATETIME,
    "successSeenAt" DATETIME,
    "downloadedAt" DATETIME,
    "finishedAt" DATETIME,
    "resultUrl" TEXT,
    "coverUrl" TEXT,
    "bytes" INTEGER,
    "sha256" TEXT,
    "durationMs" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "fps" REAL,
    "deletedAt" DATETIME,
    CONSTRAINT "Generation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Generation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Generation" ("acceptedAt", "attempt", "bytes", "costFen", "coverUrl", "createdAt", "deletedAt", "downloadedAt", "durationMs", "errorCode", "errorMessage", "finishedAt", "fps", "height", "id", "idemKey", "mode", "model", "ownerId", "params", "paramsHash", "pollCount", "prompt", "promptSearch", "resultUrl", "retryOfId", "sha256", "status", "submittedAt", "successSeenAt", "teamId", "updatedAt", "upstreamRequestId", "upstreamTaskId", "width") SELECT "acceptedAt", "attempt", "bytes", "costFen", "coverUrl", "createdAt", "deletedAt", "downloadedAt", "durationMs", "errorCode", "errorMessage", "finishedAt", "fps", "height", "id", "idemKey", "mode", "model", "ownerId", "params", "paramsHash", "pollCount", "prompt", "promptSearch", "resultUrl", "retryOfId", "sha256", "status", "submittedAt", "successSeenAt", "teamId", "updatedAt", "upstreamRequestId", "upstreamTaskId", "width" FROM "Generation";
DROP TABLE "Generation";
ALTER TABLE "new_Generation" RENAME TO "Generation";
CREATE UNIQUE INDEX "Generation_upstreamRequestId_key" ON "Generation"("upstreamRequestId");
CREATE INDEX "Generation_model_status_idx" ON "Generation"("model", "status");
CREATE INDEX "Generation_ownerId_createdAt_id_idx" ON "Generation"("ownerId", "createdAt", "id");
CREATE INDEX "Generation_teamId_deletedAt_createdAt_id_idx" ON "Generation"("teamId", "deletedAt", "createdAt", "id");
CREATE INDEX "Generation_ownerId_deletedAt_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "createdAt", "id");
CREATE INDEX "Generation_ownerId_deletedAt_status_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "status", "createdAt", "id");
CREATE INDEX "Generation_ownerId_deletedAt_mode_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "mode", "createdAt", "id");
CREATE INDEX "Generation_model_status_successSeenAt_idx" ON "Generation"("model", "status", "successSeenAt");
CREATE UNIQUE INDEX "Generation_ownerId_idemKey_key" ON "Generation"("ownerId", "idemKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Job_status_lane_runAt_idx" ON "Job"("status", "lane", "runAt");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_lane_inLane_idx" ON "Job"("lane", "inLane");

-- CreateIndex
CREATE UNIQUE INDEX "Job_kind_subjectId_key" ON "Job"("kind", "subjectId");

-- CreateIndex
CREATE INDEX "JobDependency_dependsOnId_idx" ON "JobDependency"("dependsOnId");
