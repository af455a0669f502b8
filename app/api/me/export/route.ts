import { db } from "@/lib/data/db";
import { listAttemptsForExport } from "@/lib/data/user-attempts";
import { toCsv } from "@/lib/domain/csv";
import { fileResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

/** GET /api/me/export: every attempt of the signed-in user as CSV, for their own records or a spreadsheet. */
export const GET = route({
  role: "signed-in",
  handler: async ({ caller }) => {
    const attempts = await listAttemptsForExport(db, caller.id);
    const csv = toCsv([
      [
        "answered_at",
        "attempt_id",
        "question_id",
        "revision",
        "deck",
        "topic",
        "correct",
        "self_grade",
        "elapsed_ms",
        "response",
      ],
      ...attempts.map((attempt) => [
        attempt.createdAt.toISOString(),
        attempt.attemptId,
        attempt.questionId,
        attempt.revision,
        attempt.question.deckId,
        attempt.question.deck.topic,
        attempt.correct,
        attempt.selfGrade,
        attempt.elapsedMs,
        attempt.response,
      ]),
    ]);
    return fileResponse({ body: csv, type: "text/csv; charset=utf-8", filename: "mlprep-attempts.csv" }, "no-store");
  },
});
