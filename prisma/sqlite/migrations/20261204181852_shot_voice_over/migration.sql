-- AlterTable
ALTER TABLE "Film" ADD COLUMN "voiceCast" JSONB;

-- AlterTable
ALTER TABLE "Shot" ADD COLUMN "speaker" TEXT;
ALTER TABLE "Shot" ADD COLUMN "voiceCallId" TEXT;
