-- CreateTable
CREATE TABLE "ExchangeRate" (
    "teamId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "rate" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,
    "setById" TEXT NOT NULL,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("teamId","currency")
);

