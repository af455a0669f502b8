import "server-only";
import { deckReportsRefusal, type Actor } from "@/lib/auth/roles";
import { REPORT_LIMIT } from "@/lib/domain/rate-limit";
import type { ReportReason, ReportStatus } from "@/lib/domain/question-reports";
import type { QuestionReportView } from "@/lib/http/contracts";
import { fail, ok, refuse, type Outcome } from "@/lib/outcome";
import type { ReportInput, ResolveReportInput } from "@/lib/schemas/reports";
import type { PrismaClient } from "@/prisma/generated/client";
import { isUniqueViolation } from "./errors";
import { countAttempt } from "./rate-limits";

/**
 * Candidates' reports on questions: filing one, closing one, and the reporter's view of theirs. Who may
 * see a deck's reports is lib/auth/roles.ts's rule; the queue authors work from is lib/data/report-queue.ts.
 */

type ReportRow = {
  id: string;
  questionId: string;
  revision: number;
  reason: string;
  note: string;
  status: string;
  reply: string;
  fixedInRevision: number | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const REPORT_COLUMNS = {
  id: true,
  questionId: true,
  revision: true,
  reason: true,
  note: true,
  status: true,
  reply: true,
  fixedInRevision: true,
  resolvedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

const NOT_FOUND = "Question not found";
const TOO_MANY_REPORTS = "Too many reports for now: try again in a while.";

/** The columns hold what the schemas accepted (lib/schemas/reports.ts), so the casts only restore their types. */
export function reportView(row: ReportRow): QuestionReportView {
  return {
    ...row,
    reason: row.reason as ReportReason,
    status: row.status as ReportStatus,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The rate-limit row counting a user's reports (deleted with the user, lib/data/accounts.ts). */
export function reportLimitKey(userId: string): string {
  return `report:user:${userId}`;
}

/** While open, a report holds this key, unique in the table: one open report per user and question. */
function openKey(userId: string, questionId: string): string {
  return `${userId}:${questionId}`;
}

/**
 * The question's current revision, if the user may report it: a published question of a published deck
 * (a draft, another author's one included, is not found, as on every other route), and an archived one
 * only for someone who answered it, since nobody else can have seen it.
 */
export async function findReportable(client: PrismaClient, userId: string, questionId: string): Promise<Outcome<{ revision: number }>> {
  const question = await client.question.findUnique({
    where: { id: questionId },
    select: { revision: true, status: true, archived: true, deck: { select: { status: true } } },
  });
  if (!question || question.status !== "published" || question.deck.status !== "published") return refuse("not-found", NOT_FOUND);
  if (question.archived && (await client.attempt.count({ where: { userId, questionId } })) === 0) return refuse("not-found", NOT_FOUND);
  return ok({ revision: question.revision });
}

/**
 * Files a report against the question's current revision, or, when the user already has an open one on
 * the question, replaces its reason, note and revision (the same report, so the author's queue counts one
 * per person). Every call counts against the user's hourly limit, updates included.
 */
export async function fileReport(
  client: PrismaClient,
  input: { userId: string; questionId: string; revision: number; report: ReportInput },
  now: Date,
): Promise<Outcome<QuestionReportView>> {
  const { exceeded } = await countAttempt(client, [{ key: reportLimitKey(input.userId), limit: REPORT_LIMIT }], now);
  if (exceeded) return fail({ code: "rate-limited", message: TOO_MANY_REPORTS, retryAfterMs: exceeded.retryAfterMs });
  const key = openKey(input.userId, input.questionId);
  const written = { revision: input.revision, reason: input.report.reason, note: input.report.note };
  const upsert = () =>
    client.questionReport.upsert({
      where: { openKey: key },
      create: { ...written, openKey: key, questionId: input.questionId, userId: input.userId },
      update: written,
      select: REPORT_COLUMNS,
    });
  // The unique key keeps two reports at once from both opening one. Where Prisma runs the upsert as a read
  // then a write, the later of two racing inserts fails on the key: by then the row is there to update.
  const row = await upsert().catch((error: unknown) => {
    if (isUniqueViolation(error)) return upsert();
    throw error;
  });
  return ok(reportView(row));
}

/**
 * Whether the actor may close the report: only the deck's author or an admin; to anyone else a report on
 * a deck they cannot see is not found. The route asks before reading the body; resolveReport asks again.
 */
export async function checkReportAccess(client: PrismaClient, actor: Actor, reportId: string): Promise<Outcome<void>> {
  const report = await client.questionReport.findUnique({
    where: { id: reportId },
    select: { question: { select: { deck: { select: { source: true, ownerId: true, status: true } } } } },
  });
  const refused = report ? deckReportsRefusal(actor, report.question.deck) : "not-found";
  if (refused === "not-found") return refuse("not-found", "Report not found");
  return refused ? refuse("forbidden", "Only the deck's author or an admin may close its reports") : ok(undefined);
}

/**
 * Closes an open report: "fixed" (resolved, optionally naming the revision with the fix) or "dismissed",
 * with a reply the reporter reads on the question's page. A report already closed is a conflict.
 */
export async function resolveReport(
  client: PrismaClient,
  actor: Actor,
  reportId: string,
  input: ResolveReportInput,
  now: Date,
): Promise<Outcome<QuestionReportView>> {
  const access = await checkReportAccess(client, actor, reportId);
  if (!access.ok) return access;
  const closed = await client.questionReport.updateMany({
    // Only while still open: of two authors closing it at once, one wins and the other hears so.
    where: { id: reportId, status: "open" },
    data: {
      status: input.outcome === "fixed" ? "resolved" : "dismissed",
      openKey: null,
      reply: input.reply,
      fixedInRevision: input.outcome === "fixed" ? (input.fixedInRevision ?? null) : null,
      resolvedAt: now,
      resolvedById: actor.id,
    },
  });
  if (closed.count === 0) return refuse("conflict", "This report is already closed");
  return ok(reportView(await client.questionReport.findUniqueOrThrow({ where: { id: reportId }, select: REPORT_COLUMNS })));
}

/** The user's reports on the question, newest first: what they see on the question's page. */
export async function findOwnReports(client: PrismaClient, userId: string, questionId: string): Promise<QuestionReportView[]> {
  const rows = await client.questionReport.findMany({ where: { userId, questionId }, orderBy: { createdAt: "desc" }, select: REPORT_COLUMNS });
  return rows.map(reportView);
}
