import { beforeAll, describe, expect, it } from "vitest";
import { shippedContent, WHOLE_CONTENT_TEST_TIMEOUT } from "@/tests/support/shipped-content";
import { parseTolerance, toleranceValue, type Tolerance } from "@/lib/domain/question";
import { questionMeta, questionMetaSchema } from "@/lib/schemas/deck";

beforeAll(() => void shippedContent());

const relative = (value: number): Tolerance => ({ kind: "relative", value });
/** The tolerance the deck schema reads from metadata, as parseTolerance gives it to the checker. */
const toleranceRead = (meta: unknown) => {
  const read = questionMetaSchema.parse(meta);
  return read.type === "numeric" || read.type === "calculated" ? parseTolerance(read.tolerance) : undefined;
};
const readBack = (tolerance: Tolerance) =>
  toleranceRead({ type: "numeric", difficulty: 1, terms: ["x"], answer: 1, tolerance: toleranceValue(tolerance) });

describe("questionMeta", () => {
  it(
    "gives every shipped question metadata the deck schema reads back as the same tolerance",
    () => {
      const { questions } = shippedContent();
      let withTolerance = 0;
      for (const question of questions) {
        const tolerance = toleranceRead(questionMeta(question));
        if (question.type !== "numeric" && question.type !== "calculated") continue;
        withTolerance++;
        expect(tolerance, question.id).toEqual(question.tolerance);
      }
      expect(withTolerance).toBeGreaterThan(0);
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );

  it("writes a relative tolerance as the shortest exact percentage, without float noise or an exponent", () => {
    expect(toleranceValue(relative(0.07))).toBe("7%");
    expect(toleranceValue(relative(0.005))).toBe("0.5%");
    expect(toleranceValue({ kind: "absolute", value: 0.25 })).toBe(0.25);
    // 13 significant digits, which a fixed 12 cut short.
    expect(toleranceValue(relative(0.01234567890123))).toBe("1.234567890123%");
    expect(toleranceValue(relative(1e-9))).toMatch(/^0\.0000001\d*%$/);
    for (const value of [0.07, 0.01234567890123, 1e-9, 0.3, 2.5, 0])
      expect(readBack(relative(value)), String(value)).toEqual(relative(value));
  });
});
