-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('STORING', 'READY', 'DELETING');

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "frameOfId" TEXT,
ADD COLUMN     "status" "UploadStatus" NOT NULL DEFAULT 'READY',
ADD COLUMN     "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Upload_status_usedAt_idx" ON "Upload"("status", "usedAt");

-- Existing rows: the grace period counts from their creation, and a take's last frame (a DONE
-- last-frame job's result names its upload) is linked to its take so the collector keeps it.
UPDATE "Upload" SET "usedAt" = "createdAt";
UPDATE "Upload" SET "frameOfId" = "Job"."subjectId" FROM "Job" WHERE "Job"."kind" = 'last-frame' AND "Job"."result"->>'uploadId' = "Upload"."id";
