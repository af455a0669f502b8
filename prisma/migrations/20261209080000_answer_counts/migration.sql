-- Answer counts kept as answers are written (docs/decisions/021-answer-counts-kept-by-triggers.md): per user
-- and question, and per user and UTC quarter hour (900 s: ACTIVITY_SPAN_MS in lib/domain/progress.ts).
-- Triggers keep them, so every way an attempt is inserted or deleted counts, not only the answer writer.

-- CreateTable
CREATE TABLE "AnswerTally" (
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answered" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "questionId"),
    CONSTRAINT "AnswerTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerSpan" (
    "userId" TEXT NOT NULL,
    "span" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "span"),
    CONSTRAINT "AnswerSpan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The history so far. unixepoch() reads the stored text's offset and gives whole seconds.
INSERT INTO "AnswerTally" ("userId", "questionId", "answered", "correct")
SELECT "userId", "questionId", COUNT(*), SUM(CASE WHEN "correct" THEN 1 ELSE 0 END)
FROM "Attempt" GROUP BY "userId", "questionId";

INSERT INTO "AnswerSpan" ("userId", "span", "answered", "correct")
SELECT "userId", unixepoch("createdAt") / 900, COUNT(*), SUM(CASE WHEN "correct" THEN 1 ELSE 0 END)
FROM "Attempt" GROUP BY "userId", unixepoch("createdAt") / 900;

-- From here on, triggers keep them.

-- CreateTrigger
CREATE TRIGGER "Attempt_counted" AFTER INSERT ON "Attempt" BEGIN
    INSERT INTO "AnswerTally" ("userId", "questionId", "answered", "correct")
    VALUES (NEW."userId", NEW."questionId", 1, CASE WHEN NEW."correct" THEN 1 ELSE 0 END)
    ON CONFLICT ("userId", "questionId") DO UPDATE
    SET "answered" = "answered" + 1, "correct" = "correct" + excluded."correct";
    INSERT INTO "AnswerSpan" ("userId", "span", "answered", "correct")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 900, 1, CASE WHEN NEW."correct" THEN 1 ELSE 0 END)
    ON CONFLICT ("userId", "span") DO UPDATE
    SET "answered" = "answered" + 1, "correct" = "correct" + excluded."correct";
END;

-- CreateTrigger
CREATE TRIGGER "Attempt_uncounted" AFTER DELETE ON "Attempt" BEGIN
    UPDATE "AnswerTally"
    SET "answered" = "answered" - 1, "correct" = "correct" - (CASE WHEN OLD."correct" THEN 1 ELSE 0 END)
    WHERE "userId" = OLD."userId" AND "questionId" = OLD."questionId";
    DELETE FROM "AnswerTally" WHERE "userId" = OLD."userId" AND "questionId" = OLD."questionId" AND "answered" <= 0;
    UPDATE "AnswerSpan"
    SET "answered" = "answered" - 1, "correct" = "correct" - (CASE WHEN OLD."correct" THEN 1 ELSE 0 END)
    WHERE "userId" = OLD."userId" AND "span" = unixepoch(OLD."createdAt") / 900;
    DELETE FROM "AnswerSpan" WHERE "userId" = OLD."userId" AND "span" = unixepoch(OLD."createdAt") / 900 AND "answered" <= 0;
END;

-- Attempts are a history: the app inserts and deletes them, never changes one. Changing what the counts read
-- is refused rather than left to make them wrong.
CREATE TRIGGER "Attempt_unchanged" BEFORE UPDATE OF "userId", "questionId", "correct", "createdAt" ON "Attempt" BEGIN
    SELECT RAISE(ABORT, 'an attempt''s user, question, correctness and time do not change (AnswerTally and AnswerSpan count them)');
END;
