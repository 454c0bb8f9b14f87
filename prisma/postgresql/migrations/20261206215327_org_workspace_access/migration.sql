-- AlterTable
ALTER TABLE "OrgWorkspace" ADD COLUMN     "accessRevokedAt" TIMESTAMP(3),
ALTER COLUMN "chosenById" DROP NOT NULL;

