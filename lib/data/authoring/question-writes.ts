import "server-only";
import { contentHash } from "@/lib/content/content-hash";
import type { Actor } from "@/lib/auth/roles";
import type { Question } from "@/lib/domain/question";
import { describeMissing, missingParts } from "@/lib/domain/teaching-parts";
import { invalid, ok, refuse, type Outcome } from "@/lib/outcome";
import type { Prisma, PrismaClient } from "@/prisma/generated/client";
import { raiseCacheVersion } from "../cache-versions";
import { forgetQuestion } from "../questions";
import { checkDeckAccess, checkQuestionAccess } from "./access";

/**
 * Writes of single questions. Each checks, inside its transaction and against the row it is about to
 * touch, that the actor may edit the question's deck (access.ts).
 *
 * Lifecycle: a draft question's single revision is edited in place (nobody can have answered it: drafts
 * are invisible and unanswerable). Publishing freezes it; every later edit of a published question adds a
 * revision, so attempts keep pointing at what was answered. A question with attempts is archived instead
 * of deleted.
 */

function questionData(question: Question) {
  return { type: question.type, difficulty: question.difficulty };
}

const termRows = (question: Question) => question.terms.map((termSlug) => ({ termSlug }));

/** Adds a question at the end of the deck, as a draft until its author publishes it (or the deck). */
export async function createQuestion(client: PrismaClient, actor: Actor, deckId: string, question: Question): Promise<Outcome<{ id: string; status: string }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkDeckAccess(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const last = await tx.question.aggregate({ where: { deckId }, _max: { position: true } });
    await tx.question.create({
      data: {
        id: question.id,
        deckId,
        position: (last._max.position ?? -1) + 1,
        ...questionData(question),
        status: "draft",
        revision: 1,
        revisions: { create: { revision: 1, contentHash: contentHash(question), body: JSON.stringify(question) } },
        terms: { create: termRows(question) },
      },
    });
    return ok({ id: question.id, status: "draft" });
  });
}

/** Inserts new draft questions from `firstPosition` on, in a few statements whatever their number (copies, imports). */
export async function insertDrafts(tx: Prisma.TransactionClient, deckId: string, questions: Question[], firstPosition: number) {
  const revisions = questions.map((question) => ({ questionId: question.id, revision: 1, contentHash: contentHash(question), body: JSON.stringify(question) }));
  await tx.question.createMany({
    data: questions.map((question, index) => ({ id: question.id, deckId, position: firstPosition + index, ...questionData(question), status: "draft", revision: 1 })),
  });
  await tx.questionRevision.createMany({ data: revisions });
  await tx.questionTerm.createMany({ data: questions.flatMap((question) => termRows(question).map((row) => ({ questionId: question.id, ...row }))) });
}

/**
 * Saves an edit. A draft is rewritten in place; a published question gets a new revision (unless nothing
 * changed), and its old revisions stay for the attempts that point at them.
 */
export async function updateQuestion(client: PrismaClient, actor: Actor, question: Question): Promise<Outcome<{ id: string; revision: number; status: string }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkQuestionAccess(tx, actor, question.id);
    if (!allowed.ok) return allowed;
    const current = allowed.value;
    const missing = missingParts(question);
    if (current.status !== "draft" && missing.length > 0) {
      return invalid(`question.${missing[0]}`, `A published question ${describeMissing(missing)}: write it before saving`);
    }
    const hash = contentHash(question);
    const body = JSON.stringify(question);
    let revision = current.revision;
    if (current.status === "draft") {
      await tx.questionRevision.update({ where: { questionId_revision: { questionId: question.id, revision } }, data: { contentHash: hash, body } });
    } else {
      const latest = await tx.questionRevision.findUniqueOrThrow({ where: { questionId_revision: { questionId: question.id, revision } }, select: { contentHash: true } });
      if (latest.contentHash === hash) return ok({ id: question.id, revision, status: current.status });
      revision += 1;
      await tx.questionRevision.create({ data: { questionId: question.id, revision, contentHash: hash, body } });
    }
    await tx.questionTerm.deleteMany({ where: { questionId: question.id } });
    await tx.question.update({ where: { id: question.id }, data: { ...questionData(question), revision, terms: { create: termRows(question) } } });
    return ok({ id: question.id, revision, status: current.status });
  });
}

/** Publishes one draft question; its deck goes live with it if it was still a draft. */
export async function publishQuestion(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<{ id: string }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkQuestionAccess(tx, actor, questionId);
    if (!allowed.ok) return allowed;
    if (allowed.value.archived) return refuse("conflict", "Restore the question before publishing it");
    const missing = missingParts(await currentBody(tx, questionId, allowed.value.revision));
    if (missing.length > 0) return refuse("conflict", `This question ${describeMissing(missing)} before it can be published`);
    await tx.question.update({ where: { id: questionId }, data: { status: "published" } });
    if (allowed.value.deck.status !== "published") await tx.deck.update({ where: { id: allowed.value.deckId }, data: { status: "published" } });
    return ok({ id: questionId });
  });
}

/** The question as its current revision stores it. */
async function currentBody(tx: Prisma.TransactionClient, questionId: string, revision: number): Promise<Question> {
  const { body } = await tx.questionRevision.findUniqueOrThrow({ where: { questionId_revision: { questionId, revision } }, select: { body: true } });
  return JSON.parse(body) as Question;
}

/** Swaps a question with its neighbour above or below. */
export async function moveQuestion(client: PrismaClient, actor: Actor, questionId: string, direction: "up" | "down"): Promise<Outcome<{ moved: boolean }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkQuestionAccess(tx, actor, questionId);
    if (!allowed.ok) return allowed;
    const { deckId, position } = allowed.value;
    const neighbour = await tx.question.findFirst({
      where: { deckId, position: direction === "up" ? { lt: position } : { gt: position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return ok({ moved: false });
    await tx.question.update({ where: { id: questionId }, data: { position: neighbour.position } });
    await tx.question.update({ where: { id: neighbour.id }, data: { position } });
    return ok({ moved: true });
  });
}

/** Deletes a question nobody has answered; one with attempts is archived, so their history stays whole. */
export async function removeQuestion(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<{ outcome: "deleted" | "archived" }>> {
  const removed = await client.$transaction(async (tx): Promise<Outcome<{ outcome: "deleted" | "archived" }>> => {
    const allowed = await checkQuestionAccess(tx, actor, questionId);
    if (!allowed.ok) return allowed;
    const attempts = await tx.attempt.count({ where: { questionId } });
    if (attempts > 0) {
      await tx.question.update({ where: { id: questionId }, data: { archived: true } });
      return ok({ outcome: "archived" });
    }
    await tx.reviewCard.deleteMany({ where: { questionId } });
    await tx.questionTerm.deleteMany({ where: { questionId } });
    await tx.questionRevision.deleteMany({ where: { questionId } });
    await tx.question.delete({ where: { id: questionId } });
    await raiseCacheVersion(tx, "questions");
    return ok({ outcome: "deleted" });
  });
  if (removed.ok && removed.value.outcome === "deleted") forgetQuestion(questionId);
  return removed;
}

export async function restoreQuestion(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<{ id: string }>> {
  const allowed = await checkQuestionAccess(client, actor, questionId);
  if (!allowed.ok) return allowed;
  await client.question.update({ where: { id: questionId }, data: { archived: false } });
  return ok({ id: questionId });
}
