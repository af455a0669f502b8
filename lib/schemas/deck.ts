import { z } from "zod";
import { TOPICS } from "@/lib/content/topics";
import { toleranceValue, type Question } from "@/lib/domain/question";
import type { DistributiveOmit } from "@/lib/interchange/imported-question";
import { slugSchema } from "./glossary";

export const DECK_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export const QUESTION_TYPES = ["single", "multiple", "true-false", "numeric", "calculated", "short", "open"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const deckFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(120),
    topic: z.enum(TOPICS),
    description: z.string().trim().min(1, "must not be empty").max(300),
    level: z.enum(DECK_LEVELS),
  })
  .strict();

export type DeckFrontMatter = z.infer<typeof deckFrontMatterSchema>;

/** `2%` (relative) or `0.05` (absolute). */
const toleranceSchema = z.union([
  z.number().nonnegative("must not be negative"),
  z.string().regex(/^\d+(\.\d+)?%$/, "must be a number or a percentage such as 2%"),
]);

/** YAML reads `formula: 1e9` as a number: a formula is text either way. */
const formulaSchema = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z.string({ error: "must be a formula such as 2 * layers * 128" }).trim().min(1, "must not be empty").max(500),
);

const commonKeys = {
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "must be 1, 2 or 3" }),
  terms: z.array(slugSchema).min(1, "needs at least one glossary term"),
  tags: z.array(z.string().trim().min(1)).default([]),
};

/** `shuffle: false` keeps a choice question's authored order, for options whose order carries meaning (ordered ranges). */
const shuffleKey = z.boolean({ error: "must be true or false" }).default(true);

/** The `key: value` lines under a question's heading, by type. */
export const questionMetaSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("single"), shuffle: shuffleKey, ...commonKeys }).strict(),
    z
      .object({
        type: z.literal("multiple"),
        /** How many choices are right; content:check holds the [x] marks to it. */
        correct: z.number().int().min(1).optional(),
        shuffle: shuffleKey,
        ...commonKeys,
      })
      .strict(),
    z
      .object({ type: z.literal("true-false"), answer: z.boolean({ error: "must be true or false" }), ...commonKeys })
      .strict(),
    z
      .object({
        type: z.literal("numeric"),
        answer: z.number({ error: "must be a plain number (put units in unit:)" }).finite(),
        tolerance: toleranceSchema.default("1%"),
        unit: z.string().trim().min(1).max(20).optional(),
        /** The arithmetic behind the answer; content:check recomputes it and compares. */
        formula: formulaSchema.optional(),
        ...commonKeys,
      })
      .strict(),
    z
      .object({
        type: z.literal("calculated"),
        params: z.record(
          z.string().regex(/^[a-z_][a-z0-9_]*$/, "parameter names are lower_snake_case"),
          z.tuple([z.number().finite(), z.number().finite(), z.number().finite()], {
            error: "must be [min, max, step]",
          }),
          { error: "must map each parameter name to [min, max, step]" },
        ),
        formula: formulaSchema,
        tolerance: toleranceSchema.default("1%"),
        unit: z.string().trim().min(1).max(20).optional(),
        ...commonKeys,
      })
      .strict(),
    z
      .object({
        type: z.literal("short"),
        accept: z.array(z.string().trim().min(1)).min(1, "needs at least one accepted answer"),
        ...commonKeys,
      })
      .strict(),
    z.object({ type: z.literal("open"), ...commonKeys }).strict(),
  ],
  { error: `type must be one of ${QUESTION_TYPES.join(", ")}` },
);

export type QuestionMeta = z.infer<typeof questionMetaSchema>;

/**
 * A question's `key: value` lines, as questionMetaSchema reads them back (in the order the deck format
 * writes them): the export writes these, and the editor checks them with the schema at each keystroke.
 */
export function questionMeta(question: DistributiveOmit<Question, "id">): z.input<typeof questionMetaSchema> {
  const { difficulty, terms, tags } = question;
  const common = { difficulty, terms, ...(tags.length > 0 ? { tags } : {}) };
  switch (question.type) {
    case "single":
    case "multiple":
      return { type: question.type, ...common, ...(question.shuffle === false ? { shuffle: false } : {}) };
    case "true-false":
      return { type: question.type, ...common, answer: question.answer };
    case "numeric": {
      const { answer, tolerance, unit } = question;
      return {
        type: question.type,
        ...common,
        answer,
        tolerance: toleranceValue(tolerance),
        ...(unit ? { unit } : {}),
      };
    }
    case "calculated": {
      const { formula, tolerance, unit } = question;
      const params = Object.fromEntries(
        Object.entries(question.params).map(([name, { min, max, step }]) => [
          name,
          [min, max, step] as [number, number, number],
        ]),
      );
      return {
        type: question.type,
        ...common,
        params,
        formula,
        tolerance: toleranceValue(tolerance),
        ...(unit ? { unit } : {}),
      };
    }
    case "short":
      return { type: question.type, ...common, accept: question.accept };
    case "open":
      return { type: question.type, ...common };
  }
}
