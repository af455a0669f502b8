import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { QuestionEditor } from "@/components/author/question-editor";
import { termOptions, toEditorInput } from "@/lib/authoring/editor-data";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { loadEditableQuestion } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";

export const metadata: Metadata = { title: "Edit question" };

export default async function EditQuestionPage({ params }: PageProps<"/author/questions/[questionId]">) {
  const { questionId } = await params;
  const user = await requirePageRole(`/author/questions/${questionId}`, canAuthor);
  const loaded = await loadEditableQuestion(db, user, questionId);
  if (!loaded.ok) return loaded.status === 404 ? notFound() : forbidden();
  const { deck, status, revision, question } = loaded.value;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / <Link href={`/author/decks/${deck.id}`}>{deck.title}</Link> / Edit question
      </p>
      <h1>
        Edit question <span className="status-pill">{status === "published" ? `published, revision ${revision}` : "draft"}</span>
      </h1>
      <QuestionEditor key={revision} deckId={deck.id} questionId={questionId} status={status} initial={toEditorInput(question)} termOptions={termOptions()} />
    </>
  );
}
