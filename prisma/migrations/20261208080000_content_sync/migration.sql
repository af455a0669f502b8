-- CreateTable
CREATE TABLE "ContentSync" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "syncedAt" DATETIME NOT NULL
);
