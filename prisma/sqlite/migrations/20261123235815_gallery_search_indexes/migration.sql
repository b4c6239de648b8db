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
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "nextRunAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
INSERT INTO "new_Generation" ("acceptedAt", "attempt", "bytes", "costFen", "coverUrl", "createdAt", "deletedAt", "downloadedAt", "durationMs", "errorCode", "errorMessage", "finishedAt", "fps", "height", "id", "idemKey", "leaseOwner", "leaseUntil", "mode", "model", "nextRunAt", "ownerId", "params", "paramsHash", "pollCount", "prompt", "resultUrl", "retryOfId", "sha256", "status", "submittedAt", "successSeenAt", "teamId", "updatedAt", "upstreamRequestId", "upstreamTaskId", "version", "width") SELECT "acceptedAt", "attempt", "bytes", "costFen", "coverUrl", "createdAt", "deletedAt", "downloadedAt", "durationMs", "errorCode", "errorMessage", "finishedAt", "fps", "height", "id", "idemKey", "leaseOwner", "leaseUntil", "mode", "model", "nextRunAt", "ownerId", "params", "paramsHash", "pollCount", "prompt", "resultUrl", "retryOfId", "sha256", "status", "submittedAt", "successSeenAt", "teamId", "updatedAt", "upstreamRequestId", "upstreamTaskId", "version", "width" FROM "Generation";
DROP TABLE "Generation";
ALTER TABLE "new_Generation" RENAME TO "Generation";
CREATE UNIQUE INDEX "Generation_upstreamRequestId_key" ON "Generation"("upstreamRequestId");
CREATE INDEX "Generation_status_nextRunAt_idx" ON "Generation"("status", "nextRunAt");
CREATE INDEX "Generation_model_status_idx" ON "Generation"("model", "status");
CREATE INDEX "Generation_ownerId_createdAt_id_idx" ON "Generation"("ownerId", "createdAt", "id");
CREATE INDEX "Generation_teamId_createdAt_id_idx" ON "Generation"("teamId", "createdAt", "id");
CREATE INDEX "Generation_ownerId_deletedAt_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "createdAt", "id");
CREATE INDEX "Generation_ownerId_deletedAt_status_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "status", "createdAt", "id");
CREATE INDEX "Generation_ownerId_deletedAt_mode_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "mode", "createdAt", "id");
CREATE INDEX "Generation_model_status_successSeenAt_idx" ON "Generation"("model", "status", "successSeenAt");
CREATE UNIQUE INDEX "Generation_ownerId_idemKey_key" ON "Generation"("ownerId", "idemKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill the search copy of existing prompts like lib/server/gallery/prompt-search.ts does:
-- lower() folds ASCII on SQLite (CJK has no case) and LIKE metacharacters become private-use ones
UPDATE "Generation" SET "promptSearch" = lower(replace(replace(replace("prompt", '\', ''), '%', ''), '_', ''));
