import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PracticeSession } from "@/components/quiz/practice-session";
import { isTopic, TOPIC_LABELS } from "@/lib/content/topics";
import { getSessionUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { findPracticeQuestions } from "@/lib/data/questions";
import { findDueDates } from "@/lib/data/review-cards";
import { orderForPractice } from "@/lib/domain/session-order";
import { toSessionItems } from "@/lib/practice/session-items";
import { shownParamSchema } from "@/lib/schemas/attempt";

export const metadata: Metadata = { title: "Practise a topic" };

const TOPIC_SESSION = 15;

/** A session on one topic across its decks: the dashboard's "practise your weakest topics" lands here. */
export default async function TopicPracticePage({ params, searchParams }: PageProps<"/practice/[topic]">) {
  const { topic } = await params;
  if (!isTopic(topic)) notFound();
  const [questions, user] = await Promise.all([findPracticeQuestions(db, { deck: { topic } }), getSessionUser()]);
  if (!questions.length) notFound();
  const ids = questions.map((entry) => entry.question.id);
  const order = user ? orderForPractice(ids, await findDueDates(db, user.id, ids), await requestNow()) : ids;
  return (
    <>
      <h1>Practise: {TOPIC_LABELS[topic]}</h1>
      <p className="muted">Due questions first, then ones you have not seen.</p>
      <PracticeSession
        items={toSessionItems(
          questions,
          order.slice(0, TOPIC_SESSION),
          shownParamSchema.parse((await searchParams).shown),
        )}
        mode="practice"
        signedIn={Boolean(user)}
      />
    </>
  );
}
