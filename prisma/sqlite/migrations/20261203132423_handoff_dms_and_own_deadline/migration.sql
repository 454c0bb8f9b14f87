-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN "assigneeDueAt" DATETIME;
ALTER TABLE "Handoff" ADD COLUMN "dmRefs" TEXT;

