-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "messageRefs" JSONB;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "exportUserGroupId" TEXT,
ADD COLUMN     "exportUserIds" JSONB,
ADD COLUMN     "marketingUserGroupId" TEXT,
ADD COLUMN     "marketingUserIds" JSONB;

-- CreateTable
CREATE TABLE "LeadExport" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "fileId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeadExport_teamId_createdAt_idx" ON "LeadExport"("teamId", "createdAt");

