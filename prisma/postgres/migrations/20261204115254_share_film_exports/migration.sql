-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "filmExportId" TEXT,
ALTER COLUMN "generationId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "ShareLink_filmExportId_idx" ON "ShareLink"("filmExportId");

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_filmExportId_fkey" FOREIGN KEY ("filmExportId") REFERENCES "FilmExport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
