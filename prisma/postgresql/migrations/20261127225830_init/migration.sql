-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Workspace" (
    "teamId" TEXT NOT NULL,
    "name" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "salesChannelId" TEXT,
    "marketingChannelId" TEXT,
    "salesUserGroupId" TEXT,
    "salesUserIds" JSONB,
    "adminUserIds" JSONB,
    "workStartMinute" INTEGER NOT NULL DEFAULT 540,
    "workEndMinute" INTEGER NOT NULL DEFAULT 1020,
    "workDays" JSONB,
    "rotationEnabled" BOOLEAN NOT NULL DEFAULT false,
    "rotationVersion" INTEGER NOT NULL DEFAULT 0,
    "reassignOnBreach" BOOLEAN NOT NULL DEFAULT false,
    "webhookSecret" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL,
    "installKey" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "botUserId" TEXT,
    "botId" TEXT,
    "payload" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "product" TEXT,
    "offer" TEXT,
    "place" TEXT,
    "promotion" TEXT,
    "keyMessage" TEXT,
    "segmentId" TEXT,
    "budgetCents" INTEGER,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "startsOn" TIMESTAMP(3),
    "endsOn" TIMESTAMP(3),
    "ownerId" TEXT,
    "assetsUrl" TEXT,
    "trackingCode" TEXT,
    "endedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "phone" TEXT,
    "notes" TEXT,
    "emailKey" TEXT,
    "searchKey" TEXT,
    "company" TEXT,
    "title" TEXT,
    "industry" TEXT,
    "companySize" TEXT,
    "region" TEXT,
    "campaignId" TEXT,
    "fitGrade" TEXT,
    "fitSegmentId" TEXT,
    "stage" TEXT NOT NULL DEFAULT 'new',
    "source" TEXT NOT NULL DEFAULT 'slack',
    "ownerId" TEXT,
    "createdById" TEXT NOT NULL,
    "qualifiedById" TEXT,
    "dealValueCents" INTEGER,
    "dealCurrency" TEXT,
    "lostReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "mqlAt" TIMESTAMP(3),
    "sqlAt" TIMESTAMP(3),
    "opportunityAt" TIMESTAMP(3),
    "wonAt" TIMESTAMP(3),
    "lostAt" TIMESTAMP(3),
    "nurtureAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),
    "erasedById" TEXT,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadEvent" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT,
    "reason" TEXT,
    "valueCents" INTEGER,
    "currency" TEXT,
    "campaignId" TEXT,
    "fitGrade" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "openKey" TEXT,
    "handedOffById" TEXT NOT NULL,
    "handedOffAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channelId" TEXT,
    "messageTs" TEXT,
    "assigneeId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "rejectNote" TEXT,
    "slaDueAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "noticeRefs" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Handoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaStep" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "handoffId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "claimedBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "SlaStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationMember" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "dailyCap" INTEGER,
    "away" BOOLEAN NOT NULL DEFAULT false,
    "timezone" TEXT,
    "currentWeight" INTEGER NOT NULL DEFAULT 0,
    "assignedOn" TEXT,
    "assignedCount" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RotationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IcpSegment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industries" JSONB,
    "companySizes" JSONB,
    "regions" JSONB,
    "titles" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IcpSegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandGuide" (
    "teamId" TEXT NOT NULL,
    "positioning" TEXT,
    "tone" TEXT,
    "keyMessages" JSONB,
    "wordsToAvoid" JSONB,
    "logoUrl" TEXT,
    "templatesUrl" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandGuide_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "teamId" TEXT NOT NULL,
    "mqlMonthlyTarget" INTEGER NOT NULL DEFAULT 100,
    "responseSlaMinutes" INTEGER NOT NULL DEFAULT 240,
    "acceptanceRateTarget" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "PlaybookChange" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaybookChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestSchedule" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "view" TEXT NOT NULL DEFAULT 'shared',
    "sections" JSONB,
    "skipEmpty" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "campaignId" TEXT,
    "period" TEXT NOT NULL DEFAULT 'weekly',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "scheduleId" TEXT,
    "kind" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claimedBy" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sending',
    "error" TEXT,
    "messageTs" TEXT,
    "postedAt" TIMESTAMP(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnceMarker" (
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnceMarker_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RateWindow" (
    "key" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateWindow_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Installation_installKey_key" ON "Installation"("installKey");

-- CreateIndex
CREATE INDEX "Installation_teamId_idx" ON "Installation"("teamId");

-- CreateIndex
CREATE INDEX "Campaign_teamId_endedAt_idx" ON "Campaign"("teamId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_teamId_nameKey_key" ON "Campaign"("teamId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_teamId_trackingCode_key" ON "Campaign"("teamId", "trackingCode");

-- CreateIndex
CREATE INDEX "Lead_teamId_stage_idx" ON "Lead"("teamId", "stage");

-- CreateIndex
CREATE INDEX "Lead_teamId_createdAt_idx" ON "Lead"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_teamId_campaignId_idx" ON "Lead"("teamId", "campaignId");

-- CreateIndex
CREATE INDEX "Lead_teamId_ownerId_stage_idx" ON "Lead"("teamId", "ownerId", "stage");

-- CreateIndex
CREATE INDEX "Lead_teamId_fitGrade_idx" ON "Lead"("teamId", "fitGrade");

-- CreateIndex
CREATE INDEX "Lead_teamId_updatedAt_idx" ON "Lead"("teamId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_teamId_emailKey_key" ON "Lead"("teamId", "emailKey");

-- CreateIndex
CREATE INDEX "LeadEvent_teamId_leadId_at_idx" ON "LeadEvent"("teamId", "leadId", "at");

-- CreateIndex
CREATE INDEX "LeadEvent_funnel_idx" ON "LeadEvent"("teamId", "type", "toStage", "at", "leadId", "campaignId", "fitGrade", "valueCents", "currency");

-- CreateIndex
CREATE INDEX "LeadEvent_teamId_at_idx" ON "LeadEvent"("teamId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_openKey_key" ON "Handoff"("openKey");

-- CreateIndex
CREATE INDEX "Handoff_funnel_idx" ON "Handoff"("teamId", "status", "decidedAt", "handedOffAt", "slaDueAt", "breachedAt", "rejectReason");

-- CreateIndex
CREATE INDEX "Handoff_teamId_handedOffAt_idx" ON "Handoff"("teamId", "handedOffAt");

-- CreateIndex
CREATE INDEX "Handoff_teamId_decidedAt_idx" ON "Handoff"("teamId", "decidedAt");

-- CreateIndex
CREATE INDEX "Handoff_teamId_assigneeId_status_idx" ON "Handoff"("teamId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "Handoff_teamId_leadId_idx" ON "Handoff"("teamId", "leadId");

-- CreateIndex
CREATE INDEX "Handoff_teamId_breachedAt_idx" ON "Handoff"("teamId", "breachedAt");

-- CreateIndex
CREATE INDEX "Handoff_teamId_updatedAt_idx" ON "Handoff"("teamId", "updatedAt");

-- CreateIndex
CREATE INDEX "SlaStep_doneAt_dueAt_idx" ON "SlaStep"("doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "SlaStep_teamId_dueAt_idx" ON "SlaStep"("teamId", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaStep_handoffId_step_key" ON "SlaStep"("handoffId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "RotationMember_teamId_userId_key" ON "RotationMember"("teamId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "IcpSegment_teamId_name_key" ON "IcpSegment"("teamId", "name");

-- CreateIndex
CREATE INDEX "PlaybookChange_teamId_kind_at_idx" ON "PlaybookChange"("teamId", "kind", "at");

-- CreateIndex
CREATE INDEX "DigestSchedule_teamId_idx" ON "DigestSchedule"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_teamId_userId_kind_campaignId_key" ON "Subscription"("teamId", "userId", "kind", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_key_key" ON "JobRun"("key");

-- CreateIndex
CREATE INDEX "JobRun_status_leaseUntil_idx" ON "JobRun"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "JobRun_scheduleId_scheduledFor_idx" ON "JobRun"("scheduleId", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_runId_target_key" ON "Delivery"("runId", "target");

-- CreateIndex
CREATE INDEX "OnceMarker_createdAt_idx" ON "OnceMarker"("createdAt");

-- CreateIndex
CREATE INDEX "RateWindow_expiresAt_idx" ON "RateWindow"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookReceipt_teamId_idempotencyKey_key" ON "WebhookReceipt"("teamId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "IcpSegment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadEvent" ADD CONSTRAINT "LeadEvent_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaStep" ADD CONSTRAINT "SlaStep_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationMember" ADD CONSTRAINT "RotationMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IcpSegment" ADD CONSTRAINT "IcpSegment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandGuide" ADD CONSTRAINT "BrandGuide_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookChange" ADD CONSTRAINT "PlaybookChange_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestSchedule" ADD CONSTRAINT "DigestSchedule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace"("teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "DigestSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

