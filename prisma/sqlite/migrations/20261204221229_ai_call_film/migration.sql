-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AiCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "model" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "costFen" INTEGER NOT NULL,
    "settledFen" INTEGER,
    "request" JSONB NOT NULL,
    "answer" JSONB,
    "usage" JSONB,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "idemKey" TEXT NOT NULL,
    "paramsHash" TEXT NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "filmId" TEXT,
    CONSTRAINT "AiCall_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AiCall_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AiCall_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AiCall" ("answer", "attempt", "costFen", "createdAt", "errorCode", "errorMessage", "finishedAt", "id", "idemKey", "kind", "model", "ownerId", "paramsHash", "purpose", "request", "settledFen", "status", "teamId", "updatedAt", "usage") SELECT "answer", "attempt", "costFen", "createdAt", "errorCode", "errorMessage", "finishedAt", "id", "idemKey", "kind", "model", "ownerId", "paramsHash", "purpose", "request", "settledFen", "status", "teamId", "updatedAt", "usage" FROM "AiCall";
DROP TABLE "AiCall";
ALTER TABLE "new_AiCall" RENAME TO "AiCall";
CREATE INDEX "AiCall_filmId_idx" ON "AiCall"("filmId");
CREATE INDEX "AiCall_ownerId_createdAt_idx" ON "AiCall"("ownerId", "createdAt");
CREATE INDEX "AiCall_teamId_createdAt_idx" ON "AiCall"("teamId", "createdAt");
CREATE UNIQUE INDEX "AiCall_ownerId_idemKey_key" ON "AiCall"("ownerId", "idemKey");
-- Backfill: the calls of a shot's current voice line and of its stills belong to the shot's film
-- (older script breakdowns and replaced voice lines are not attributable and stay without a film).
UPDATE "AiCall" SET "filmId" = (SELECT "Shot"."filmId" FROM "Shot" WHERE "Shot"."voiceCallId" = "AiCall"."id") WHERE "filmId" IS NULL AND EXISTS (SELECT 1 FROM "Shot" WHERE "Shot"."voiceCallId" = "AiCall"."id");
UPDATE "AiCall" SET "filmId" = (SELECT "Shot"."filmId" FROM "ShotStill" JOIN "Shot" ON "Shot"."id" = "ShotStill"."shotId" WHERE "ShotStill"."callId" = "AiCall"."id") WHERE "filmId" IS NULL AND EXISTS (SELECT 1 FROM "ShotStill" WHERE "ShotStill"."callId" = "AiCall"."id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
