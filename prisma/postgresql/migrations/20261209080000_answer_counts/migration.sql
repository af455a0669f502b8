-- Answer counts kept as answers are written (docs/decisions/021-answer-counts-kept-by-triggers.md): per user
-- and question, and per user and UTC quarter hour (900 s: ACTIVITY_SPAN_MS in lib/domain/progress.ts).
-- Triggers keep them, so every way an attempt is inserted or deleted counts, not only the answer writer.

-- CreateTable
CREATE TABLE "AnswerTally" (
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answered" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    CONSTRAINT "AnswerTally_pkey" PRIMARY KEY ("userId","questionId")
);

-- CreateTable
CREATE TABLE "AnswerSpan" (
    "userId" TEXT NOT NULL,
    "span" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    CONSTRAINT "AnswerSpan_pkey" PRIMARY KEY ("userId","span")
);

-- AddForeignKey
ALTER TABLE "AnswerTally" ADD CONSTRAINT "AnswerTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerSpan" ADD CONSTRAINT "AnswerSpan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The history so far. EXTRACT(EPOCH) of a timestamp without time zone reads it as UTC, which it holds.
INSERT INTO "AnswerTally" ("userId", "questionId", "answered", "correct")
SELECT "userId", "questionId", COUNT(*), SUM(CASE WHEN "correct" THEN 1 ELSE 0 END)
FROM "Attempt" GROUP BY "userId", "questionId";

INSERT INTO "AnswerSpan" ("userId", "span", "answered", "correct")
SELECT "userId", CAST(FLOOR(EXTRACT(EPOCH FROM "createdAt") / 900) AS INTEGER) AS "span", COUNT(*),
    SUM(CASE WHEN "correct" THEN 1 ELSE 0 END)
FROM "Attempt" GROUP BY "userId", "span";

-- From here on, triggers keep them.

-- CreateFunction: an attempt inserted counts once; an attempt deleted is taken off (by updates only: when a
-- user is deleted, their counts may already be gone, and an insert would name a deleted user), and rows that
-- count nothing go.
CREATE FUNCTION "Attempt_count"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    quarter_hour INTEGER;
BEGIN
    IF TG_OP = 'INSERT' THEN
        quarter_hour := CAST(FLOOR(EXTRACT(EPOCH FROM NEW."createdAt") / 900) AS INTEGER);
        INSERT INTO "AnswerTally" AS t ("userId", "questionId", "answered", "correct")
        VALUES (NEW."userId", NEW."questionId", 1, CASE WHEN NEW."correct" THEN 1 ELSE 0 END)
        ON CONFLICT ("userId", "questionId") DO UPDATE
        SET "answered" = t."answered" + 1, "correct" = t."correct" + excluded."correct";
        INSERT INTO "AnswerSpan" AS s ("userId", "span", "answered", "correct")
        VALUES (NEW."userId", quarter_hour, 1, CASE WHEN NEW."correct" THEN 1 ELSE 0 END)
        ON CONFLICT ("userId", "span") DO UPDATE
        SET "answered" = s."answered" + 1, "correct" = s."correct" + excluded."correct";
        RETURN NULL;
    END IF;
    quarter_hour := CAST(FLOOR(EXTRACT(EPOCH FROM OLD."createdAt") / 900) AS INTEGER);
    UPDATE "AnswerTally" AS t
    SET "answered" = t."answered" - 1, "correct" = t."correct" - (CASE WHEN OLD."correct" THEN 1 ELSE 0 END)
    WHERE t."userId" = OLD."userId" AND t."questionId" = OLD."questionId";
    DELETE FROM "AnswerTally" AS t
    WHERE t."userId" = OLD."userId" AND t."questionId" = OLD."questionId" AND t."answered" <= 0;
    UPDATE "AnswerSpan" AS s
    SET "answered" = s."answered" - 1, "correct" = s."correct" - (CASE WHEN OLD."correct" THEN 1 ELSE 0 END)
    WHERE s."userId" = OLD."userId" AND s."span" = quarter_hour;
    DELETE FROM "AnswerSpan" AS s WHERE s."userId" = OLD."userId" AND s."span" = quarter_hour AND s."answered" <= 0;
    RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Attempt_counted" AFTER INSERT OR DELETE ON "Attempt" FOR EACH ROW EXECUTE FUNCTION "Attempt_count"();

-- Attempts are a history: the app inserts and deletes them, never changes one. Changing what the counts read
-- is refused rather than left to make them wrong.
CREATE FUNCTION "Attempt_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an attempt''s user, question, correctness and time do not change (AnswerTally and AnswerSpan count them)';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Attempt_unchanged" BEFORE UPDATE OF "userId", "questionId", "correct", "createdAt" ON "Attempt"
FOR EACH ROW EXECUTE FUNCTION "Attempt_refuse_change"();
