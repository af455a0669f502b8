import { describe, expectTypeOf, it } from "vitest";
import type * as authoring from "@/lib/data/authoring";
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
/** The value of a data-layer Outcome, which outcomeResponse sends as the body. */
type Sent<F extends (...args: never[]) => unknown> = Extract<Resolved<F>, { ok: true; value: unknown }>["value"];

describe("API contracts", () => {
  it("the practice routes answer as the contracts say", () => {
    expectTypeOf<Resolved<typeof recordAnswer>>().toEqualTypeOf<contracts.AnswerReply>();
    expectTypeOf<Resolved<typeof gradeGuestAnswer>>().toEqualTypeOf<contracts.AnswerReply>();
    expectTypeOf<Resolved<typeof mergeGuestAttempts>>().toEqualTypeOf<contracts.GuestMergeReply>();
  });

  it("the authoring routes answer as the contracts say", () => {
    expectTypeOf<Sent<typeof authoring.createDeck>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof authoring.updateDeck>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof authoring.publishQuestion>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof authoring.restoreQuestion>>().toEqualTypeOf<contracts.Saved>();
    expectTypeOf<Sent<typeof authoring.duplicateDeck>>().toEqualTypeOf<contracts.DeckDuplicated>();
    expectTypeOf<Sent<typeof authoring.publishDeck>>().toEqualTypeOf<contracts.DeckPublished>();
    expectTypeOf<Sent<typeof authoring.createQuestion>>().toEqualTypeOf<contracts.QuestionCreated>();
    expectTypeOf<Sent<typeof authoring.updateQuestion>>().toEqualTypeOf<contracts.QuestionUpdated>();
    expectTypeOf<Sent<typeof authoring.moveQuestion>>().toEqualTypeOf<contracts.QuestionMoved>();
    expectTypeOf<Sent<typeof authoring.removeQuestion>>().toEqualTypeOf<contracts.QuestionRemoved>();
    expectTypeOf<Sent<typeof authoring.commitImport>>().toEqualTypeOf<contracts.ImportCommitted>();
  });
});
