-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "enterpriseId" TEXT;

-- CreateTable
CREATE TABLE "OrgWorkspace" (
    "teamId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "name" TEXT,
    "served" BOOLEAN NOT NULL DEFAULT false,
    "chosenById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgWorkspace_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE INDEX "OrgWorkspace_enterpriseId_idx" ON "OrgWorkspace"("enterpriseId");

-- CreateIndex
CREATE INDEX "Workspace_enterpriseId_idx" ON "Workspace"("enterpriseId");

