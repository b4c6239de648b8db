-- CreateEnum
CREATE TYPE "FilmExportStatus" AS ENUM ('QUEUED', 'RENDERING', 'READY', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "FilmExport" (
    "id" TEXT NOT NULL,
    "filmId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "FilmExportStatus" NOT NULL DEFAULT 'QUEUED',
    "captions" BOOLEAN NOT NULL DEFAULT false,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "etaMs" INTEGER,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "storageKey" TEXT,
    "posterKey" TEXT,
    "durationMs" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "FilmExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FilmExport_filmId_deletedAt_createdAt_idx" ON "FilmExport"("filmId", "deletedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "FilmExport" ADD CONSTRAINT "FilmExport_filmId_fkey" FOREIGN KEY ("filmId") REFERENCES "Film"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FilmExport" ADD CONSTRAINT "FilmExport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
