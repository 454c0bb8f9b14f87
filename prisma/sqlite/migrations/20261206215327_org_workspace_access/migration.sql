-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrgWorkspace" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "enterpriseId" TEXT NOT NULL,
    "name" TEXT,
    "served" BOOLEAN NOT NULL DEFAULT false,
    "chosenById" TEXT,
    "accessRevokedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OrgWorkspace" ("chosenById", "enterpriseId", "name", "served", "teamId", "updatedAt") SELECT "chosenById", "enterpriseId", "name", "served", "teamId", "updatedAt" FROM "OrgWorkspace";
DROP TABLE "OrgWorkspace";
ALTER TABLE "new_OrgWorkspace" RENAME TO "OrgWorkspace";
CREATE INDEX "OrgWorkspace_enterpriseId_idx" ON "OrgWorkspace"("enterpriseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

