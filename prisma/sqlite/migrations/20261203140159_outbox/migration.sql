-- CreateTable
CREATE TABLE "OutboxEffect" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "messageTs" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" DATETIME
);

-- CreateIndex
CREATE INDEX "OutboxEffect_status_dueAt_idx" ON "OutboxEffect"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEffect_teamId_kind_subjectId_channelId_key" ON "OutboxEffect"("teamId", "kind", "subjectId", "channelId");

