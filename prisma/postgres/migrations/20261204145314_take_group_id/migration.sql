-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "takeGroupId" TEXT;

-- CreateIndex
CREATE INDEX "Generation_takeGroupId_createdAt_idx" ON "Generation"("takeGroupId", "createdAt");
