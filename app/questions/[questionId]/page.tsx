import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OwnReports } from "@/components/quiz/own-reports";
import { PracticeSession } from "@/components/quiz/practice-session";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { findOwnReports } from "@/lib/data/question-reports";
import { findPracticeQuestions } from "@/lib/data/questions";
import { toSessionItems } from "@/lib/practice/session-items";
import { shownParamSchema } from "@/lib/schemas/attempt";

export const metadata: Metadata = { title: "Question" };

/**
 * One question on its own: where summaries, mock reports and (later) term pages link to, and where a
 * reporter finds how their reports on it were closed.
 */
export default async function QuestionPage({ params, searchParams }: PageProps<"/questions/[questionId]">) {
  const { questionId } = await params;
  const [questions, user] = await Promise.all([findPracticeQuestions(db, { id: questionId }), getSessionUser()]);
  if (!questions.length) notFound();
  const reports = user ? await findOwnReports(db, user.id, questionId) : [];
  return (
    <>
      <h1>Practise one question</h1>
      <PracticeSession
        items={toSessionItems(questions, undefined, shownParamSchema.parse((await searchParams).shown))}
        mode="practice"
        signedIn={Boolean(user)}
      />
      <OwnReports reports={reports} />
    </>
  );
}
