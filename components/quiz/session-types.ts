import type { AnswerOutcome, SessionItem } from "@/lib/domain/question-view";

/**
 * What a practice session and the screens around it (summary, mock report, its hooks) share. Kept apart
 * from the session component so that those screens need not import the component that renders them.
 */

/** Practise a deck or topic, review what is due, or a timed mock interview that holds every verdict back. */
export type SessionMode = "practice" | "review" | "mock";

/** A question of the session and its outcome; null when it was never answered (a mock interview ended first). */
export type SessionResult = { item: SessionItem; outcome: AnswerOutcome | null };

/** Where the question on screen stands: being answered, being self-graded (open questions), being sent, answered. */
export type Phase = "answering" | "self-grading" | "submitting" | "answered";
