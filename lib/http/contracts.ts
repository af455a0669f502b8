import type { Role } from "@/lib/auth/roles";
import type { ClassProgressTable, MyAssignment } from "@/lib/domain/class-progress";
import type { ItemStatistics } from "@/lib/domain/item-statistics";
import type { ReportReason, ReportStatus, SuspectReason } from "@/lib/domain/question-reports";
import type { AnswerKey, AnswerOutcome, QuestionView } from "@/lib/domain/question-view";
import type { MissingPart } from "@/lib/domain/teaching-parts";
import type { FieldProblem } from "@/lib/outcome";

/**
 * What the JSON API answers, route by route: the one description both a route and the browser code that
 * calls it use, so neither side restates a shape. Types only, safe to import anywhere. The data layer's
 * own return types are held to these by tests/unit/api-contracts.test.ts.
 */

/** A field the content checker refused: its path inside the question ("choices.2.text", "terms") and why (lib/outcome.ts). */
export type { FieldProblem };

/**
 * Every error body: what went wrong, the field it concerns when the input was bad ("response.text"), and,
 * for a question the content checker refused, every problem.
 */
export type ErrorBody = { error: string; field?: string; problems?: FieldProblem[] };

/** POST /api/attempts (signed in, recorded) and POST /api/grade (a guest's, not recorded). */
export type AnswerReply = AnswerOutcome;

/** GET /api/me/summary: who is signed in, for the header. */
export type MeSummary =
  { signedIn: false } | { signedIn: true; name: string | null; email: string | null; dueNow: number; role: Role };

/** POST /api/me/guest-merge: the browser-kept answers moved into the account, and those refused for good. */
export type GuestMergeReply = {
  merged: number;
  skipped: number;
  rejected: { attemptId: string; field: string; message: string }[];
};

/** POST /api/author/preview: the checker's problems (an answer, not an error) and, once it renders, the question. */
export type PreviewReply = { problems: FieldProblem[]; view?: QuestionView; key?: AnswerKey };

/**
 * POST /api/author/decks, PATCH /api/author/decks/:deckId, POST /api/author/questions/:questionId/publish
 * and /restore: what was saved.
 */
export type Saved = { id: string };

/** POST /api/author/decks/:deckId/duplicate: the editable copy. */
export type DeckDuplicated = { id: string; questions: number };

/** POST /api/author/decks/:deckId/publish: how many draft questions went live with the deck, and how many stay drafts for want of an explanation or rubric. */
export type DeckPublished = { published: number; needsWork: number };

/** POST /api/author/decks/:deckId/questions: a new draft. */
export type QuestionCreated = { id: string; status: string };

/** PUT /api/author/questions/:questionId: a draft edited in place, or a published question's new revision. */
export type QuestionUpdated = { id: string; revision: number; status: string };

/** POST /api/author/questions/:questionId/move */
export type QuestionMoved = { moved: boolean };

/** DELETE /api/author/questions/:questionId: deleted if never answered, archived otherwise. */
export type QuestionRemoved = { outcome: "deleted" | "archived" };

type ImportListed = { line: number; type: string; difficulty: number; terms: string[]; summary: string };

/**
 * POST /api/author/decks/:deckId/import without commit: what would be imported, ready or needing work
 * (valid but for a missing explanation or rubric: saved as drafts to finish), and every problem of the
 * questions that cannot be imported, with its line.
 */
export type ImportPreview = {
  read: number;
  problems: { line: number; message: string }[];
  questions: ImportListed[];
  needsWork: (ImportListed & { missing: MissingPart[]; reason: string })[];
};

/**
 * The same with commit: how many questions were saved as drafts, how many of those need work before
 * they can be published, and how many were read but skipped, with their problems.
 */
export type ImportCommitted = {
  imported: number;
  needsWork: number;
  skipped: number;
  problems: { line: number; message: string }[];
};

/** The same with commit while problems remain (400): the preview comes with the error, to fix the file. */
export type ImportRefused = ErrorBody & ImportPreview;

/**
 * POST /api/questions/:questionId/reports (201, a new report or the caller's open one updated: same id) and
 * the reporter's view of their reports on the question's page. Dates are ISO strings.
 */
export type QuestionReportView = {
  id: string;
  questionId: string;
  /** The question's revision the report was made against. */
  revision: number;
  reason: ReportReason;
  note: string;
  status: ReportStatus;
  reply: string;
  fixedInRevision: number | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** PATCH /api/author/reports/:reportId: the report, closed. */
export type ReportResolved = QuestionReportView;

/** One open report in an author's queue: no reporter named, the reply goes to them through the question's page. */
export type QueuedReport = Pick<QuestionReportView, "id" | "revision" | "reason" | "note" | "createdAt">;

/** A question in the queue: its open reports, its item statistics and what makes it suspect. */
export type ReportQueueEntry = {
  questionId: string;
  prompt: string;
  /** The question's current revision, to compare with each report's. */
  revision: number;
  archived: boolean;
  reports: QueuedReport[];
  statistics: ItemStatistics | null;
  suspect: SuspectReason[];
};

/** GET /api/author/reports[?deckId=]: per deck, its counts and the questions to review. */
export type ReportQueue = {
  decks: {
    deckId: string;
    title: string;
    source: string;
    openReports: number;
    suspectQuestions: number;
    questions: ReportQueueEntry[];
  }[];
};

/** POST /api/classes (201): the new class and the code its members join with (the link is /join/<code>). */
export type ClassCreated = { id: string; joinCode: string };

/** GET /api/classes: the classes the caller owns, with their codes and sizes, and the ones they are a member of. */
export type ClassList = {
  owned: (ClassSettings & { members: number; assignments: number })[];
  joined: { id: string; name: string; ownerName: string | null }[];
};

/** POST /api/classes/join: the class joined, also when the caller was a member already. */
export type ClassJoined = { id: string; name: string };

/** PATCH /api/classes/:classId: the class's settings after the change. */
export type ClassSettings = { id: string; name: string; joinCode: string; joinOpen: boolean };

/** POST /api/classes/:classId/assignments (201): the assignment as saved; dueDate an ISO string or null. */
export type AssignmentSaved = { classId: string; deckId: string; dueDate: string | null };

/** DELETE /api/classes/:classId, /assignments/:deckId, /members/:userId and POST /leave: what went. */
export type ClassRemoved = { removed: true };

/**
 * GET /api/classes/:classId/progress (owner and admins): the class's settings, its assigned decks, and every
 * member's attempts (`answered`, `correct`), questions answered at least once (`seen`) and mastery on each
 * assigned deck, whether they are behind its due date, and the class's weakest topics. Nothing else of a
 * member's history.
 */
export type ClassProgress = { class: ClassSettings } & ClassProgressTable;

/** GET /api/me/assignments: the decks assigned in the caller's classes; `answered` of `total` questions done. */
export type MyAssignments = { assignments: MyAssignment[] };
