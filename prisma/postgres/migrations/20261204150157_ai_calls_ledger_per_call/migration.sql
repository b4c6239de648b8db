-- CreateEnum
CREATE TYPE "AiCallKind" AS ENUM ('CHAT', 'STILL', 'SPEECH');

-- CreateEnum
CREATE TYPE "AiCallStatus" AS ENUM ('QUEUED', 'SENDING', 'DONE', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "callId" TEXT,
ALTER COLUMN "generationId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AiCall" (
    "id" TEXT NOT NULL,
    "kind" "AiCallKind" NOT NULL,
    "purpose" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "model" TEXT NOT NULL,
    "status" "AiCallStatus" NOT NULL DEFAULT 'QUEUED',
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AiCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AiCall_ownerId_createdAt_idx" ON "AiCall"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "AiCall_teamId_createdAt_idx" ON "AiCall"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AiCall_ownerId_idemKey_key" ON "AiCall"("ownerId", "idemKey");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_callId_kind_key" ON "LedgerEntry"("callId", "kind");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_callId_fkey" FOREIGN KEY ("callId") REFERENCES "AiCall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiCall" ADD CONSTRAINT "AiCall_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiCall" ADD CONSTRAINT "AiCall_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
