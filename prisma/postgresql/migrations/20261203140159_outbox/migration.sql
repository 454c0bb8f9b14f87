-- CreateTable
CREATE TABLE "OutboxEffect" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "messageTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEffect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEffect_status_dueAt_idx" ON "OutboxEffect"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEffect_teamId_kind_subjectId_channelId_key" ON "OutboxEffect"("teamId", "kind", "subjectId", "channelId");

