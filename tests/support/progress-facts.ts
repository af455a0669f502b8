/**
 * The counts lib/data/progress.ts reads, computed from attempts in memory: what the progress tests compare
 * the database's counts and the quarter-hour folding against.
 */
import { ACTIVITY_SPAN_MS, type ActivityCount, type QuestionTally } from "@/lib/domain/progress";

export type AttemptFact = { questionId: string; correct: boolean; createdAt: Date };

export function talliesOf(attempts: AttemptFact[]): QuestionTally[] {
  const tallies = new Map<string, QuestionTally>();
  for (const attempt of attempts) {
    const tally = tallies.get(attempt.questionId) ?? { questionId: attempt.questionId, answered: 0, correct: 0 };
    tally.answered += 1;
    if (attempt.correct) tally.correct += 1;
    tallies.set(attempt.questionId, tally);
  }
  return [...tallies.values()];
}

/**
 * One span per attempt, at its own instant: the report computed from these is the one the dashboard
 * computed from every attempt before it read counts.
 */
export function perAttempt(attempts: AttemptFact[]): ActivityCount[] {
  return attempts.map((attempt) => ({ start: attempt.createdAt, answered: 1, correct: attempt.correct ? 1 : 0 }));
}

/** Counted per UTC quarter hour, as the data layer counts in SQL. */
export function perQuarterHour(attempts: AttemptFact[]): ActivityCount[] {
  const spans = new Map<number, ActivityCount>();
  for (const attempt of attempts) {
    const span = Math.floor(attempt.createdAt.getTime() / ACTIVITY_SPAN_MS);
    const counts = spans.get(span) ?? { start: new Date(span * ACTIVITY_SPAN_MS), answered: 0, correct: 0 };
    counts.answered += 1;
    if (attempt.correct) counts.correct += 1;
    spans.set(span, counts);
  }
  return [...spans.values()];
}
