import { getRequestUser } from "@/lib/auth/request-session";
import { db } from "@/lib/data/db";
import { listAttemptsForExport } from "@/lib/data/user-attempts";
import { toCsv } from "@/lib/domain/csv";
import { unauthorized } from "@/lib/http/responses";

/** GET /api/me/export: every attempt of the signed-in user as CSV, for their own records or a spreadsheet. */
export async function GET(request: Request) {
  const user = await getRequestUser(request);
  if (!user) return unauthorized();
  const attempts = await listAttemptsForExport(db, user.id);
  const csv = toCsv([
    ["answered_at", "attempt_id", "question_id", "revision", "deck", "topic", "correct", "self_grade", "elapsed_ms", "response"],
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
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="mlprep-attempts.csv"',
      "cache-control": "no-store",
    },
  });
}
