import type { Metadata } from "next";
import Link from "next/link";
import { NEW_QUESTION } from "@/components/author/question-defaults";
import { QuestionEditor } from "@/components/author/question-editor";
import { termOptions } from "@/lib/authoring/editor-data";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { checkDeckAccess } from "@/lib/data/authoring/access";
import { db } from "@/lib/data/db";
import { pageValue } from "@/lib/http/page-value";

export const metadata: Metadata = { title: "New question" };

export default async function NewQuestionPage({ params }: PageProps<"/author/decks/[deckId]/questions/new">) {
  const { deckId } = await params;
  const user = await requirePageRole(`/author/decks/${deckId}/questions/new`, canAuthor);
  const deck = pageValue(await checkDeckAccess(db, user, deckId));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / <Link href={`/author/decks/${deckId}`}>{deck.title}</Link> / New
        question
      </p>
      <h1>New question</h1>
      <QuestionEditor deckId={deckId} initial={NEW_QUESTION} termOptions={termOptions()} />
    </>
  );
}
