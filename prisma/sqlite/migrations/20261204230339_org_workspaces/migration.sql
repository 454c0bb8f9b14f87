-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "enterpriseId" TEXT;

-- CreateTable
CREATE TABLE "OrgWorkspace" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "enterpriseId" TEXT NOT NULL,
    "name" TEXT,
    "served" BOOLEAN NOT NULL DEFAULT false,
    "chosenById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "OrgWorkspace_enterpriseId_idx" ON "OrgWorkspace"("enterpriseId");

-- CreateIndex
CREATE INDEX "Workspace_enterpriseId_idx" ON "Workspace"("enterpriseId");

