-- AlterTable
ALTER TABLE "Lead" ADD COLUMN "unmatchedCampaignCode" TEXT;
ALTER TABLE "Lead" ADD COLUMN "utmCampaign" TEXT;
ALTER TABLE "Lead" ADD COLUMN "utmMedium" TEXT;
ALTER TABLE "Lead" ADD COLUMN "utmSource" TEXT;

-- AlterTable
ALTER TABLE "WebhookReceipt" ADD COLUMN "bodyHash" TEXT;

-- CreateTable
CREATE TABLE "LeadSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sourceId" TEXT,
    "fields" JSONB NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeadSubmission_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LeadSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "fieldMap" JSONB,
    "defaultCampaignId" TEXT,
    "lastReceivedAt" DATETIME,
    "receivedCount" INTEGER NOT NULL DEFAULT 0,
    "badSignatureCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LeadSource_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace" ("teamId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackingCodeAlias" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "mappedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackingCodeAlias_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Workspace" ("teamId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrackingCodeAlias_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LeadSubmission_teamId_leadId_at_idx" ON "LeadSubmission"("teamId", "leadId", "at");

-- CreateIndex
CREATE INDEX "LeadSource_teamId_createdAt_idx" ON "LeadSource"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeadSource_teamId_nameKey_key" ON "LeadSource"("teamId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingCodeAlias_teamId_code_key" ON "TrackingCodeAlias"("teamId", "code");

-- CreateIndex
CREATE INDEX "Lead_teamId_unmatchedCampaignCode_idx" ON "Lead"("teamId", "unmatchedCampaignCode");

