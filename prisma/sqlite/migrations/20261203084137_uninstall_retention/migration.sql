-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "uninstalledAt" DATETIME;

-- CreateIndex
CREATE INDEX "Workspace_uninstalledAt_idx" ON "Workspace"("uninstalledAt");

