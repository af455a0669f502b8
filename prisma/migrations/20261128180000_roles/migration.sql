-- AlterTable (written by hand: Prisma's diff rebuilds the whole User table, which a plain ADD COLUMN with a default does not need)
ALTER TABLE "User" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'candidate';
