-- CreateEnum
CREATE TYPE "FrameSourceKind" AS ENUM ('UPLOAD', 'STILL', 'REFERENCE', 'PREVIOUS');

-- CreateEnum
CREATE TYPE "ShotTransition" AS ENUM ('CUT', 'CROSSFADE', 'FADE_BLACK');

-- CreateEnum
CREATE TYPE "ShotReviewState" AS ENUM ('NONE', 'APPROVED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "ReferenceKind" AS ENUM ('CHARACTER', 'PRODUCT');

-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "shotId" TEXT;

-- CreateTable
CREATE TABLE "Film" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "title" TEXT NOT NULL,
    "aspect" TEXT NOT NULL,
    "style" TEXT NOT NULL DEFAULT 'general',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Film_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shot" (
    "id" TEXT NOT NULL,
    "filmId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sceneHeading" TEXT,
    "prompt" TEXT NOT NULL DEFAULT '',
    "mode" "GenerationMode" NOT NULL,
    "startKind" "FrameSourceKind",
    "startUploadId" TEXT,
    "startReferenceId" TEXT,
    "endKind" "FrameSourceKind",
    "endUploadId" TEXT,
    "endReferenceId" TEXT,
    "caption" TEXT,
    "trimIn" INTEGER NOT NULL DEFAULT 0,
    "trimOut" INTEGER,
    "transition" "ShotTransition" NOT NULL DEFAULT 'CUT',
    "transitionFrames" INTEGER NOT NULL DEFAULT 0,
    "chosenTakeId" TEXT,
    "reviewState" "ShotReviewState" NOT NULL DEFAULT 'NONE',
    "reviewedTakeId" TEXT,
    "reviewReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "kind" "ReferenceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Reference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShotReview" (
    "id" TEXT NOT NULL,
    "shotId" TEXT NOT NULL,
    "takeId" TEXT NOT NULL,
    "decision" "ShotReviewState" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShotReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "filmId" TEXT NOT NULL,
    "takeId" TEXT,
    "exportId" TEXT,
    "timeMs" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Generation_shotId_createdAt_idx" ON "Generation"("shotId", "createdAt");

-- AddForeignKey
ALTER TABLE "Generation" ADD CONSTRAINT "Generation_shotId_fkey" FOREIGN KEY ("shotId") REFERENCES "Shot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Film" ADD CONSTRAINT "Film_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Film" ADD CONSTRAINT "Film_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shot" ADD CONSTRAINT "Shot_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shot" ADD CONSTRAINT "Shot_startUploadId_fkey" FOREIGN KEY ("startUploadId") REFERENCES "Upload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shot" ADD CONSTRAINT "Shot_endUploadId_fkey" FOREIGN KEY ("endUploadId") REFERENCES "Upload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shot" ADD CONSTRAINT "Shot_startReferenceId_fkey" FOREIGN KEY ("startReferenceId") REFERENCES "Reference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shot" ADD CONSTRAINT "Shot_endReferenceId_fkey" FOREIGN KEY ("endReferenceId") REFERENCES "Reference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShotReview" ADD CONSTRAINT "ShotReview_shotId_fkey" FOREIGN KEY ("shotId") REFERENCES "Shot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShotReview" ADD CONSTRAINT "ShotReview_takeId_fkey" FOREIGN KEY ("takeId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShotReview" ADD CONSTRAINT "ShotReview_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_takeId_fkey" FOREIGN KEY ("takeId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
