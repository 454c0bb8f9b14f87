-- CreateIndex
CREATE INDEX "Handoff_teamId_handedOffById_status_idx" ON "Handoff"("teamId", "handedOffById", "status");

-- CreateIndex
CREATE INDEX "Handoff_teamId_handedOffById_handedOffAt_idx" ON "Handoff"("teamId", "handedOffById", "handedOffAt");

-- CreateIndex
CREATE INDEX "Lead_teamId_createdById_createdAt_idx" ON "Lead"("teamId", "createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_teamId_qualifiedById_stage_nurtureAt_idx" ON "Lead"("teamId", "qualifiedById", "stage", "nurtureAt");

