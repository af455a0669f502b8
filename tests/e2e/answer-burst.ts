/**
 * The crash tests' load: a fixed number of answers sent with a fixed concurrency, each with its own
 * attemptId as a browser sends it, and what the database holds afterwards.
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { shippedQuestionsOfType } from "./practice-helpers";

export type Answer = { attemptId: string; questionId: string; revision: number; response: object; elapsedMs: number };

/** Right answers to the shipped true/false questions, in turn, each a new attempt. */
export function answers(count: number): Answer[] {
  const questions = shippedQuestionsOfType("true-false");
  return Array.from({ length: count }, (_, index) => {
    const question = questions[index % questions.length]!;
    return {
      attemptId: randomUUID(),
      questionId: question.id,
      revision: 1,
      response: { type: "true-false", value: question.answer },
      elapsedMs: 5_000,
    };
  });
}

/**
 * A request's own limit: an answer that has not come back by then counts as not acknowledged, as a
 * browser's would that gave up (it retries with the same attemptId, as afterwards here).
 */
const ANSWER_BUDGET_MS = 60_000;

/**
 * Posts every answer through `request` (which carries the session cookie), `concurrency` at a time.
 * `acknowledged` holds the attemptIds that got a 2xx: the ones a candidate was told were recorded.
 * `onAcknowledged` sees the running count, so a test can crash a server partway.
 */
export async function sendAnswers(
  request: APIRequestContext,
  batch: Answer[],
  { concurrency, onAcknowledged = () => undefined }: { concurrency: number; onAcknowledged?: (count: number) => void },
): Promise<{ acknowledged: Set<string>; refused: Answer[] }> {
  const acknowledged = new Set<string>();
  const refused: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < batch.length) {
      const answer = batch[next++]!;
      try {
        const response = await request.post("/api/attempts", { data: answer, timeout: ANSWER_BUDGET_MS });
        if (response.ok()) {
          acknowledged.add(answer.attemptId);
          onAcknowledged(acknowledged.size);
        } else refused.push(answer);
      } catch {
        refused.push(answer); // the connection closed or the budget ran out: not acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acknowledged, refused };
}

// Double-quoted names read the same on SQLite and PostgreSQL; only the placeholder differs.
const countsSql = (placeholder: string) => `
  SELECT a."attemptId" AS "attemptId", COUNT(*) AS "rows"
  FROM "Attempt" a JOIN "User" u ON u."id" = a."userId"
  WHERE u."email" = ${placeholder}
  GROUP BY a."attemptId"`;

/** How many Attempt rows each of the user's attemptIds has, read straight from the database. */
export async function recordedAttempts(databaseUrl: string, email: string): Promise<Map<string, number>> {
  type Row = { attemptId: string; rows: number | string };
  let rows: Row[];
  if (databaseUrl.startsWith("file:")) {
    const database = new Database(databaseUrl.slice("file:".length), { readonly: true });
    rows = database.prepare(countsSql("?")).all(email) as Row[];
    database.close();
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    rows = (await client.query<Row>(countsSql("$1"), [email])).rows;
    await client.end();
  }
  return new Map(rows.map((row) => [row.attemptId, Number(row.rows)]));
}
