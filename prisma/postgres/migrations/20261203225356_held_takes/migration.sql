-- AlterEnum
ALTER TYPE "GenerationStatus" ADD VALUE 'HELD';
