-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "assigneeDueAt" TIMESTAMP(3),
ADD COLUMN     "dmRefs" TEXT;

