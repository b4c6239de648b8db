-- AlterTable
ALTER TABLE "AiCall" ADD COLUMN     "filmId" TEXT;

-- CreateIndex
CREATE INDEX "AiCall_filmId_idx" ON "AiCall"("filmId");

-- AddForeignKey
ALTER TABLE "AiCall" ADD CONSTRAINT "AiCall_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: the calls of a shot's current voice line and of its stills belong to the shot's film
-- (older script breakdowns and replaced voice lines are not attributable and stay without a film).
UPDATE "AiCall" SET "filmId" = (SELECT "Shot"."filmId" FROM "Shot" WHERE "Shot"."voiceCallId" = "AiCall"."id") WHERE "filmId" IS NULL AND EXISTS (SELECT 1 FROM "Shot" WHERE "Shot"."voiceCallId" = "AiCall"."id");
UPDATE "AiCall" SET "filmId" = (SELECT "Shot"."filmId" FROM "ShotStill" JOIN "Shot" ON "Shot"."id" = "ShotStill"."shotId" WHERE "ShotStill"."callId" = "AiCall"."id") WHERE "filmId" IS NULL AND EXISTS (SELECT 1 FROM "ShotStill" WHERE "ShotStill"."callId" = "AiCall"."id");
