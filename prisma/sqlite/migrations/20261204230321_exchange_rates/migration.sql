-- CreateTable
CREATE TABLE "ExchangeRate" (
    "teamId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "rate" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL,
    "setById" TEXT NOT NULL,

    PRIMARY KEY ("teamId", "currency")
);

