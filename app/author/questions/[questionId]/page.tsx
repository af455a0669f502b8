import type { Metadata } from "next";
import Link from "next/link";
import { QuestionEditor } from "@/components/author/question-editor";
import { termOptions, toEditorInput } from "@/lib/authoring/editor-data";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { loadEditableQuestion } from "@/lib/data/authoring/readers";
import { db } from "@/lib/data/db";
import { pageValue } from "@/lib/http/page-value";

export const metadata: Metadata = { title: "Edit question" };

export default async function EditQuestionPage({ params }: PageProps<"/author/questions/[questionId]">) {
  const { questionId } = await params;
  const user = await requirePageRole(`/author/questions/${questionId}`, canAuthor);
  const { deck, status, revision, question } = pageValue(await loadEditableQuestion(db, user, questionId));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / <Link href={`/author/decks/${deck.id}`}>{deck.title}</Link> / Edit
        question
      </p>
      <h1>
        Edit question{" "}
        <span className="status-pill">{status === "published" ? `published, revision ${revision}` : "draft"}</span>
      </h1>
      <QuestionEditor
        key={revision}
        deckId={deck.id}
        questionId={questionId}
        status={status}
        initial={toEditorInput(question)}
        termOptions={termOptions()}
      />
    </>
  );
}
