-- AlterTable (written by hand, as in 20261128180000_roles: Prisma's diff rebuilds the whole User table, which a
-- plain ADD COLUMN with a default does not need)
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "RateLimit_windowStartedAt_idx" ON "RateLimit"("windowStartedAt");
