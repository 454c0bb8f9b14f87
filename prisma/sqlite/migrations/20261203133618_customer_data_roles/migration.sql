-- AlterTable
ALTER TABLE "Lead" ADD COLUMN "messageRefs" JSONB;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "exportUserGroupId" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "exportUserIds" JSONB;
ALTER TABLE "Workspace" ADD COLUMN "marketingUserGroupId" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "marketingUserIds" JSONB;

-- CreateTable
CREATE TABLE "LeadExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "fileId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "LeadExport_teamId_createdAt_idx" ON "LeadExport"("teamId", "createdAt");

