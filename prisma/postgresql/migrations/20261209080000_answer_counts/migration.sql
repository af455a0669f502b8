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

-- Statement-level triggers with transition tables: the answer writer inserts a batch of answers in one
-- statement, and each batch costs one grouped upsert per table instead of two upserts per answer.

-- CreateFunction: the attempts an INSERT added, counted.
CREATE FUNCTION "Attempt_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "AnswerTally" AS t ("userId", "questionId", "answered", "correct")
    SELECT "userId", "questionId", COUNT(*), SUM(CASE WHEN "correct" THEN 1 ELSE 0 END)
    FROM inserted GROUP BY "userId", "questionId"
    ON CONFLICT ("userId", "questionId") DO UPDATE
    SET "answered" = t."answered" + excluded."answered", "correct" = t."correct" + excluded."correct";
    INSERT INTO "AnswerSpan" AS s ("userId", "span", "answered", "correct")
    SELECT "userId", CAST(FLOOR(EXTRACT(EPOCH FROM "createdAt") / 900) AS INTEGER) AS "span", COUNT(*),
        SUM(CASE WHEN "correct" THEN 1 ELSE 0 END)
    FROM inserted GROUP BY "userId", "span"
    ON CONFLICT ("userId", "span") DO UPDATE
    SET "answered" = s."answered" + excluded."answered", "correct" = s."correct" + excluded."correct";
    RETURN NULL;
END;
$$;

-- CreateFunction: the attempts a DELETE removed, taken off by updates only (when a user is deleted, their
-- counts may already be gone, and an insert would name a deleted user); rows that count nothing go.
CREATE FUNCTION "Attempt_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "AnswerTally" AS t
    SET "answered" = t."answered" - d."answered", "correct" = t."correct" - d."correct"
    FROM (
        SELECT "userId", "questionId", COUNT(*) AS "answered", SUM(CASE WHEN "correct" THEN 1 ELSE 0 END) AS "correct"
        FROM deleted GROUP BY "userId", "questionId"
    ) AS d
    WHERE t."userId" = d."userId" AND t."questionId" = d."questionId";
    DELETE FROM "AnswerTally" AS t USING deleted AS d
    WHERE t."userId" = d."userId" AND t."questionId" = d."questionId" AND t."answered" <= 0;
    UPDATE "AnswerSpan" AS s
    SET "answered" = s."answered" - d."answered", "correct" = s."correct" - d."correct"
    FROM (
        SELECT "userId", CAST(FLOOR(EXTRACT(EPOCH FROM "createdAt") / 900) AS INTEGER) AS "span", COUNT(*) AS "answered",
            SUM(CASE WHEN "correct" THEN 1 ELSE 0 END) AS "correct"
        FROM deleted GROUP BY 1, 2
    ) AS d
    WHERE s."userId" = d."userId" AND s."span" = d."span";
    DELETE FROM "AnswerSpan" AS s USING deleted AS d
    WHERE s."userId" = d."userId" AND s."span" = CAST(FLOOR(EXTRACT(EPOCH FROM d."createdAt") / 900) AS INTEGER)
        AND s."answered" <= 0;
    RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Attempt_counted" AFTER INSERT ON "Attempt"
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "Attempt_count_inserted"();

-- CreateTrigger
CREATE TRIGGER "Attempt_uncounted" AFTER DELETE ON "Attempt"
REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "Attempt_count_deleted"();

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
