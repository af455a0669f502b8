import type { Metadata } from "next";
import Link from "next/link";
import { PracticeSession } from "@/components/quiz/practice-session";
import { requirePageUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { findPracticeQuestions } from "@/lib/data/questions";
import { countDue, findDueQuestionIds, findNextDue } from "@/lib/data/review-cards";
import { toSessionItems } from "@/lib/practice/session-items";
import { shownParamSchema } from "@/lib/schemas/attempt";

export const metadata: Metadata = { title: "Review" };

/** A review session holds this many cards; the rest wait for the next one. */
const REVIEW_BATCH = 50;

export default async function ReviewPage({ searchParams }: PageProps<"/review">) {
  const user = await requirePageUser("/review");
  const now = await requestNow();
  const [dueCount, dueIds] = await Promise.all([
    countDue(db, user.id, now),
    findDueQuestionIds(db, user.id, now, REVIEW_BATCH),
  ]);
  if (dueCount === 0) {
    const nextDue = await findNextDue(db, user.id, now);
    return (
      <>
        <h1>Review: nothing due</h1>
        <p>
          {nextDue
            ? `You are up to date. The next question comes back on ${nextDue.toUTCString()}.`
            : "Answer some questions first: each one you answer is scheduled here just before you would forget it."}
        </p>
        <Link className="button button--primary" href="/decks">
          Practise a deck
        </Link>
      </>
    );
  }
  const questions = await findPracticeQuestions(db, { id: { in: dueIds } });
  return (
    <>
      <h1>
        Review: <span data-testid="due-count">{dueCount}</span> due
      </h1>
      <p className="muted">
        Most overdue first, across all decks
        {dueCount > REVIEW_BATCH ? `; this session takes the first ${REVIEW_BATCH}` : ""}.
      </p>
      <PracticeSession
        items={toSessionItems(questions, dueIds, shownParamSchema.parse((await searchParams).shown))}
        mode="review"
        signedIn
      />
    </>
  );
}
