-- CreateTable
CREATE TABLE "ContentSync" (
    "id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentSync_pkey" PRIMARY KEY ("id")
);
