-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "storageKey" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'READY',
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frameOfId" TEXT,
    CONSTRAINT "Upload_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Existing rows: the grace period counts from their creation, and a take's last frame (a DONE
-- last-frame job's result names its upload) is linked to its take so the collector keeps it.
INSERT INTO "new_Upload" ("bytes", "createdAt", "height", "id", "mime", "ownerId", "sha256", "storageKey", "teamId", "width", "usedAt", "frameOfId") SELECT "bytes", "createdAt", "height", "id", "mime", "ownerId", "sha256", "storageKey", "teamId", "width", "createdAt", (SELECT "Job"."subjectId" FROM "Job" WHERE "Job"."kind" = 'last-frame' AND json_extract("Job"."result", '$.uploadId') = "Upload"."id" LIMIT 1) FROM "Upload";
DROP TABLE "Upload";
ALTER TABLE "new_Upload" RENAME TO "Upload";
CREATE UNIQUE INDEX "Upload_storageKey_key" ON "Upload"("storageKey");
CREATE INDEX "Upload_ownerId_createdAt_idx" ON "Upload"("ownerId", "createdAt");
CREATE INDEX "Upload_status_usedAt_idx" ON "Upload"("status", "usedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
