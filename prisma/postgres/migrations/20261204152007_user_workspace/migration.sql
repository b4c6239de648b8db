-- AlterTable
ALTER TABLE "User" ADD COLUMN     "workspaceTeamId" TEXT;
