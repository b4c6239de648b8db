-- CreateTable
CREATE TABLE "Film" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "title" TEXT NOT NULL,
    "aspect" TEXT NOT NULL,
    "style" TEXT NOT NULL DEFAULT 'general',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Film_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Film_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Shot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "filmId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sceneHeading" TEXT,
    "prompt" TEXT NOT NULL DEFAULT '',
    "mode" TEXT NOT NULL,
    "startKind" TEXT,
    "startUploadId" TEXT,
    "startReferenceId" TEXT,
    "endKind" TEXT,
    "endUploadId" TEXT,
    "endReferenceId" TEXT,
    "caption" TEXT,
    "trimIn" INTEGER NOT NULL DEFAULT 0,
    "trimOut" INTEGER,
    "transition" TEXT NOT NULL DEFAULT 'CUT',
    "transitionFrames" INTEGER NOT NULL DEFAULT 0,
    "chosenTakeId" TEXT,
    "reviewState" TEXT NOT NULL DEFAULT 'NONE',
    "reviewedTakeId" TEXT,
    "reviewReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Shot_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Shot_startUploadId_fkey" FOREIGN KEY ("startUploadId") REFERENCES "Upload" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shot_endUploadId_fkey" FOREIGN KEY ("endUploadId") REFERENCES "Upload" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shot_startReferenceId_fkey" FOREIGN KEY ("startReferenceId") REFERENCES "Reference" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shot_endReferenceId_fkey" FOREIGN KEY ("endReferenceId") REFERENCES "Reference" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Reference_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reference_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reference_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShotReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shotId" TEXT NOT NULL,
    "takeId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShotReview_shotId_fkey" FOREIGN KEY ("shotId") REFERENCES "Shot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShotReview_takeId_fkey" FOREIGN KEY ("takeId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShotReview_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "filmId" TEXT NOT NULL,
    "takeId" TEXT,
    "exportId" TEXT,
    "timeMs" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Comment_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_takeId_fkey" FOREIGN KEY ("takeId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    "shotId" TEXT,
    CONSTRAINT "Generation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Generation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Generation_shotId_fkey" FOREIGN KEY ("shotId") REFERENCES "Shot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
CREATE INDEX "Generation_shotId_createdAt_idx" ON "Generation"("shotId", "createdAt");
CREATE UNIQUE INDEX "Generation_ownerId_idemKey_key" ON "Generation"("ownerId", "idemKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Film_teamId_deletedAt_updatedAt_idx" ON "Film"("teamId", "deletedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Film_ownerId_teamId_deletedAt_updatedAt_idx" ON "Film"("ownerId", "teamId", "deletedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Shot_filmId_position_idx" ON "Shot"("filmId", "position");

-- CreateIndex
CREATE INDEX "Shot_chosenTakeId_idx" ON "Shot"("chosenTakeId");

-- CreateIndex
CREATE INDEX "Reference_teamId_deletedAt_name_idx" ON "Reference"("teamId", "deletedAt", "name");

-- CreateIndex
CREATE INDEX "Reference_ownerId_teamId_deletedAt_name_idx" ON "Reference"("ownerId", "teamId", "deletedAt", "name");

-- CreateIndex
CREATE INDEX "Reference_uploadId_idx" ON "Reference"("uploadId");

-- CreateIndex
CREATE INDEX "ShotReview_shotId_createdAt_idx" ON "ShotReview"("shotId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_filmId_deletedAt_createdAt_idx" ON "Comment"("filmId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_takeId_createdAt_idx" ON "Comment"("takeId", "createdAt");
