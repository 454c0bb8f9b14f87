-- AlterTable
ALTER TABLE "DigestSchedule" ADD COLUMN "nextRunAt" DATETIME;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "nextRunAt" DATETIME;

-- CreateIndex
CREATE INDEX "DigestSchedule_nextRunAt_idx" ON "DigestSchedule"("nextRunAt");

-- CreateIndex
CREATE INDEX "Subscription_nextRunAt_idx" ON "Subscription"("nextRunAt");

