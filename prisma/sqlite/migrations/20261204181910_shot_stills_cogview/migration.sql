-- CreateTable
CREATE TABLE "ShotStill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shotId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "uploadId" TEXT,
    "prompt" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShotStill_shotId_fkey" FOREIGN KEY ("shotId") REFERENCES "Shot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShotStill_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AiCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShotStill_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ShotStill_callId_key" ON "ShotStill"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "ShotStill_uploadId_key" ON "ShotStill"("uploadId");

-- CreateIndex
CREATE INDEX "ShotStill_shotId_createdAt_idx" ON "ShotStill"("shotId", "createdAt");
