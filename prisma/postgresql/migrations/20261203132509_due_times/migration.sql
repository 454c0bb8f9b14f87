-- AlterTable
ALTER TABLE "DigestSchedule" ADD COLUMN     "nextRunAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "nextRunAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "DigestSchedule_nextRunAt_idx" ON "DigestSchedule"("nextRunAt");

-- CreateIndex
CREATE INDEX "Subscription_nextRunAt_idx" ON "Subscription"("nextRunAt");

