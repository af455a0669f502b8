import type { Metadata } from "next";
import { PracticeSession } from "@/components/quiz/practice-session";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { findPracticePool, findPracticeQuestions } from "@/lib/data/questions";
import { selectMockQuestions } from "@/lib/domain/mock-interview";
import { toSessionItems } from "@/lib/practice/session-items";
import { shownParamSchema } from "@/lib/schemas/attempt";
import { mockSettingsSchema } from "@/lib/schemas/mock";

export const metadata: Metadata = { title: "Mock interview in progress" };

export default async function MockSessionPage({ searchParams }: PageProps<"/mock/session">) {
  const query = await searchParams;
  const settings = mockSettingsSchema.parse(query);
  const [pool, user] = await Promise.all([findPracticePool(db, { type: { not: "open" } }), getSessionUser()]);
  const ids = selectMockQuestions(pool, settings.questions, Math.random);
  const questions = await findPracticeQuestions(db, { id: { in: ids } });
  return (
    <>
      <h1>Mock interview</h1>
      <p className="muted">
        {settings.questions} questions, {settings.minutes} minutes. Answers are {user ? "recorded" : "graded"} as you
        go; verdicts wait for the report.
      </p>
      <PracticeSession
        items={toSessionItems(questions, ids, shownParamSchema.parse(query.shown))}
        mode="mock"
        signedIn={Boolean(user)}
        minutes={settings.minutes}
      />
    </>
  );
}
