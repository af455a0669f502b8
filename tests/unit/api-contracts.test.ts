import { describe, expectTypeOf, it } from "vitest";
import type { importIntoDeck } from "@/lib/authoring/import-deck";
import type * as decks from "@/lib/data/authoring/deck-writes";
import type * as questions from "@/lib/data/authoring/question-writes";
import type * as classProgress from "@/lib/data/class-progress";
import type * as classes from "@/lib/data/classes";
import type * as reports from "@/lib/data/question-reports";
import type { loadReportQueue } from "@/lib/data/report-queue";
import type * as contracts from "@/lib/http/contracts";
import type { gradeGuestAnswer, recordAnswer } from "@/lib/practice/answer";
import type { mergeGuestAttempts } from "@/lib/practice/merge-guest";

/**
 * The routes answer with what these functions return; the browser reads it as lib/http/contracts.ts says.
 * (Routes that build their answer themselves check it there, with `satisfies`.)
 * Checked by the type checker (these are type assertions, erased at run time), so a change to either side
 * that breaks the other fails `npm run typecheck`.
 */
type Resolved<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
/** The value of an Outcome, which route() sends as the body. */
type Sent<F extends (...args: never[]) => unknown> = Extract<Resolved<F>, { ok: true; value: unknown }>["value"];

describe("API contracts", () => {
  it("the practice routes answer as the contracts say", () => {
    expectTypeOf<Sent<typeof recordAnswer>>().toEqualTypeOf<contracts.AnswerReply>();
    expectTypeOf<Sent<typeof gradeGuestAnswer>>().toEqualTypeOf<contracts.AnswerReply>();
    expectTypeOf<Sent<typeof mergeGuestAttempts>>().toEqualTypeOf<contracts.GuestMergeReply>();
  });

  it("the authoring routes answer as the contracts say", () => {
    expectTypeOf<Sent<typeof decks.createDeck>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof decks.updateDeck>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof questions.publishQuestion>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof questions.restoreQuestion>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof decks.duplicateDeck>>().toEqualTypeOf<contracts.DeckDuplicated>();
    expectTypeOf<Sent<typeof decks.publishDeck>>().toEqualTypeOf<contracts.DeckPublished>();
    expectTypeOf<Sent<typeof questions.createQuestion>>().toEqualTypeOf<contracts.QuestionCreated>();
    expectTypeOf<Sent<typeof questions.updateQuestion>>().toEqualTypeOf<contracts.QuestionUpdated>();
    expectTypeOf<Sent<typeof questions.moveQuestion>>().toEqualTypeOf<contracts.QuestionMoved>();
    expectTypeOf<Sent<typeof questions.removeQuestion>>().toEqualTypeOf<contracts.QuestionRemoved>();
    expectTypeOf<Sent<typeof importIntoDeck>>().toEqualTypeOf<contracts.ImportPreview | contracts.ImportCommitted>();
  });

  it("the reports routes answer as the contracts say", () => {
    expectTypeOf<Sent<typeof reports.fileReport>>().toEqualTypeOf<contracts.QuestionReportView>();
    expectTypeOf<Sent<typeof reports.resolveReport>>().toEqualTypeOf<contracts.ReportResolved>();
    expectTypeOf<Sent<typeof loadReportQueue>>().toEqualTypeOf<contracts.ReportQueue>();
  });

  it("the classes routes answer as the contracts say", () => {
    expectTypeOf<Sent<typeof classes.createClass>>().toEqualTypeOf<contracts.ClassCreated>();
    expectTypeOf<Sent<typeof classes.joinClass>>().toEqualTypeOf<contracts.ClassJoined>();
    expectTypeOf<Sent<typeof classes.updateClass>>().toEqualTypeOf<contracts.ClassSettings>();
    expectTypeOf<Sent<typeof classes.assignDeck>>().toEqualTypeOf<contracts.AssignmentSaved>();
    expectTypeOf<Sent<typeof classes.deleteClass>>().toEqualTypeOf<contracts.ClassRemoved>();
    expectTypeOf<Sent<typeof classes.leaveClass>>().toEqualTypeOf<contracts.ClassRemoved>();
    expectTypeOf<Sent<typeof classProgress.loadClassProgress>>().toEqualTypeOf<contracts.ClassProgress>();
    expectTypeOf<Resolved<typeof classProgress.loadMyAssignments>>().toEqualTypeOf<contracts.MyAssignments>();
    expectTypeOf<Resolved<typeof classes.listClasses>>().toEqualTypeOf<contracts.ClassList>();
  });
});
