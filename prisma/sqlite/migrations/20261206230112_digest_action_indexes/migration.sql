-- DropIndex
DROP INDEX "Lead_teamId_stage_idx";

-- CreateIndex
CREATE INDEX "Handoff_teamId_status_slaDueAt_idx" ON "Handoff"("teamId", "status", "slaDueAt");

-- CreateIndex
CREATE INDEX "Lead_teamId_stage_nurtureAt_idx" ON "Lead"("teamId", "stage", "nurtureAt");

