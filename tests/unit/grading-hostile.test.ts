import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade, MAX_OPEN_ANSWER, MAX_SHORT_ANSWER, normalizeShortAnswer } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { invalidInput } from "@/lib/http/responses";
import { submitAnswerSchema } from "@/lib/schemas/attempt";
import { everyHostileText, hostileText, syntaxSoup } from "@/tests/fixtures/hostile-text";
import { expectAllComparable, expectComparableTime, repeatTo } from "@/tests/support/comparable-time";

/**
 * Grading on what an anonymous caller may send: any text up to the answer caps. Grading must not throw
 * and must cost what ordinary text of the same length costs (POST /api/grade needs no account).
 */

const short: Question = {
  id: "q-short",
  type: "short",
  accept: ["F1 score", "the F-measure"],
  difficulty: 2,
  terms: [],
  tags: [],
  prompt: "?",
  explanation: "!",
};
const ordinary = (length: number) => repeatTo("harmonic mean of precision and recall, ", length);
const gradeText = (text: string) => grade(short, { type: "short", text });

/** What normalising trims, folds or collapses, and a little that it keeps. */
const hostility = {
  openings: ["", "x", "F1 ", "(", "F1 score"],
  pieces: [".", ",", ";", ":", "!", "?", '"', "'", "`", "(", ")", " ", "\t", "\n", "\u00a0", "\u0301", "É", "x", "1"],
  endings: ["", "x", "é", " y", "."],
};

/** The trim the two-pointer loop replaced: right on short text, quadratic on a long run of dots. */
function regexNormalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s.,;:!?"'`()]+|[\s.,;:!?"'`()]+$/g, "");
}

describe("short-answer grading of hostile text", () => {
  it("normalises exactly as the regex it replaced did", () => {
    const text = fc.oneof(
      syntaxSoup(["", " ", "(", "F1"]),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, (answer) => {
        expect(normalizeShortAnswer(answer)).toBe(regexNormalize(answer));
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws, whatever the text up to the open-answer cap", () => {
    const text = fc.oneof(
      syntaxSoup(["", "f1", "F1 score"]),
      fc.string({ maxLength: MAX_OPEN_ANSWER }),
      fc.string({ unit: "binary", maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (answer) => {
        expect(typeof gradeText(answer).correct).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("costs at most ten times ordinary text of the same length, for every opening, piece and ending at the open-answer cap", () => {
    expectAllComparable(gradeText, ordinary(MAX_OPEN_ANSWER), everyHostileText(hostility, MAX_OPEN_ANSWER));
  });

  it("costs at most ten times ordinary text of the same length, up to the open-answer cap", () => {
    fc.assert(
      fc.property(hostileText(hostility, MAX_OPEN_ANSWER), (answer) => {
        const plain = ordinary(answer.length);
        expectComparableTime(
          () => gradeText(plain),
          () => gradeText(answer),
        );
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('grades "x" + 9,997 dots + "x" as fast as ordinary text (it took 121 ms against 7 ms)', () => {
    const dots = `x${".".repeat(9_997)}x`;
    expect(gradeText(dots).correct).toBe(false);
    expectComparableTime(
      () => gradeText(ordinary(dots.length)),
      () => gradeText(dots),
    );
  });
});

describe("answer caps", () => {
  const submit = (response: unknown) =>
    submitAnswerSchema.safeParse({ questionId: "q", revision: 1, response, attemptId: "attempt-0001", elapsedMs: 1 });

  it("caps a short answer at 500 characters and names the field; an open answer keeps 10,000", async () => {
    expect(submit({ type: "short", text: "a".repeat(MAX_SHORT_ANSWER) }).success).toBe(true);
    const tooLong = submit({ type: "short", text: "a".repeat(MAX_SHORT_ANSWER + 1) });
    expect(tooLong.success).toBe(false);
    expect(await invalidInput(tooLong.error!).json()).toEqual({
      field: "response.text",
      error: "must be at most 500 characters",
    });
    expect(submit({ type: "open", text: "a".repeat(MAX_OPEN_ANSWER), selfGrade: "good" }).success).toBe(true);
    expect(submit({ type: "open", text: "a".repeat(MAX_OPEN_ANSWER + 1), selfGrade: "good" }).success).toBe(false);
  });
});
