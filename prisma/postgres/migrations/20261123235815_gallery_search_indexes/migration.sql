-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "promptSearch" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Generation_ownerId_deletedAt_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Generation_ownerId_deletedAt_status_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Generation_ownerId_deletedAt_mode_createdAt_id_idx" ON "Generation"("ownerId", "deletedAt", "mode", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Generation_model_status_successSeenAt_idx" ON "Generation"("model", "status", "successSeenAt");

-- Backfill the search copy of existing prompts like lib/server/gallery/prompt-search.ts does:
-- lower() folds ASCII on SQLite (CJK has no case) and LIKE metacharacters become private-use ones
UPDATE "Generation" SET "promptSearch" = lower(replace(replace(replace("prompt", '\', ''), '%', ''), '_', ''));
