-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('BLOCKED', 'QUEUED', 'ACTIVE', 'DONE', 'FAILED', 'CANCELLED');

-- DropIndex
DROP INDEX "Generation_status_nextRunAt_idx";


-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "step" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "inLane" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB,
    "result" JSONB,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobDependency" (
    "jobId" TEXT NOT NULL,
    "dependsOnId" TEXT NOT NULL,

    CONSTRAINT "JobDependency_pkey" PRIMARY KEY ("jobId","dependsOnId")
);

-- Data: the background work of takes still running moves to the Job table (with its lease and
-- fencing version, so a worker of the old version that is still running is fenced out), and the
-- reasons of finished takes become codes of the closed set (lib/shared/generation-lifecycle.ts).
INSERT INTO "Job" ("id", "kind", "subjectId", "status", "step", "lane", "inLane", "leaseOwner", "leaseUntil", "version", "runAt", "createdAt", "updatedAt")
SELECT 'migrated-' || "id", 'video', "id",
       (CASE "status" WHEN 'QUEUED' THEN 'QUEUED' ELSE 'ACTIVE' END)::"JobStatus",
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

-- AlterTable
ALTER TABLE "Generation" DROP COLUMN "leaseOwner",
DROP COLUMN "leaseUntil",
DROP COLUMN "nextRunAt",
DROP COLUMN "version";

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

-- AddForeignKey
ALTER TABLE "JobDependency" ADD CONSTRAINT "JobDependency_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobDependency" ADD CONSTRAINT "JobDependency_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
