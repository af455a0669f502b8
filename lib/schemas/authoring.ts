import { z } from "zod";
import { MAX_IMPORT_BYTES } from "@/lib/interchange/imported-question";
import { deckFrontMatterSchema, questionMeta, questionMetaSchema } from "./deck";
import { slugSchema } from "./glossary";

/**
 * What the authoring API accepts. The shapes are checked here; the rules of the deck format (a single
 * choice has one [x], math renders, terms exist, formulas evaluate) are then checked by the content
 * checker itself (lib/content/question-check.ts), so an authored question meets the same bar as a
 * shipped one.
 */

/** A deck's title, topic, description and level: the deck format's own front-matter schema. */
export const deckInputSchema = deckFrontMatterSchema;

const markdown = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString("en")} characters`);
const tolerance = z
  .object({ kind: z.enum(["absolute", "relative"]), value: z.number().finite().nonnegative("must not be negative") })
  .strict();
const unit = z.string().trim().min(1).max(20).optional();

const common = {
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "must be 1, 2 or 3" }),
  terms: z.array(slugSchema).max(10, "at most 10 terms"),
  tags: z.array(z.string().trim().min(1).max(40)).max(20, "at most 20 tags"),
  prompt: markdown(20_000),
  explanation: markdown(20_000),
};

/** A rubric point is one line: the formats write a rubric as `- point` lines, and a line break would start another point or section. */
const rubricPoint = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((point) => !/[\r\n]/.test(point), "each rubric point is one line: put each point on its own line");

/** Choices are lettered A to Z where a format or the statistics name them. */
export const MAX_CHOICES = 26;

const choice = z.object({ text: markdown(2_000), correct: z.boolean(), feedback: markdown(2_000).optional() }).strict();

/** A question as the editor sends it: the domain question without its id. */
export const questionInputSchema = z.discriminatedUnion(
  "type",
  [
    z
      .object({
        type: z.enum(["single", "multiple"]),
        choices: z.array(choice).max(MAX_CHOICES, `at most ${MAX_CHOICES} choices`),
        /** Present (false) only when the author keeps the authored order on screen. */
        shuffle: z.literal(false).optional(),
        ...common,
      })
      .strict(),
    z
      .object({ type: z.literal("true-false"), answer: z.boolean({ error: "must be true or false" }), ...common })
      .strict(),
    z
      .object({
        type: z.literal("numeric"),
        answer: z.number({ error: "must be a number" }).finite(),
        tolerance,
        unit,
        ...common,
      })
      .strict(),
    z
      .object({
        type: z.literal("calculated"),
        params: z.record(
          z.string().regex(/^[a-z_][a-z0-9_]*$/, "parameter names are lower_snake_case"),
          z.object({ min: z.number().finite(), max: z.number().finite(), step: z.number().finite() }).strict(),
        ),
        formula: z.string().max(500),
        tolerance,
        unit,
        ...common,
      })
      .strict(),
    z
      .object({ type: z.literal("short"), accept: z.array(z.string().trim().min(1).max(200)).max(50), ...common })
      .strict(),
    z
      .object({
        type: z.literal("open"),
        modelAnswer: markdown(20_000),
        rubric: z.array(rubricPoint).max(30),
        ...common,
      })
      .strict(),
  ],
  { error: "type must be a question type" },
);
export type QuestionInput = z.infer<typeof questionInputSchema>;

export const saveQuestionSchema = z.object({ question: questionInputSchema }).strict();

/** The live preview: choices shuffled as a candidate sees them, or in the authored order on request. */
export const previewQuestionSchema = z
  .object({ question: questionInputSchema, authoredOrder: z.boolean().default(false) })
  .strict();

export const moveQuestionSchema = z
  .object({ direction: z.enum(["up", "down"], { error: "direction must be up or down" }) })
  .strict();

export const IMPORT_FORMATS = ["markdown", "gift", "moodle-xml", "aiken", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const importSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(", ")}` }),
    text: z
      .string()
      .min(1, "the file is empty")
      .max(MAX_IMPORT_BYTES, "the file is larger than 2 MB; split it into smaller files"),
    defaultTerms: z.array(slugSchema).max(5, "at most 5 terms").default([]),
    /** false: only check and list (the preview); true: save. */
    commit: z.boolean().default(false),
    /** Save the valid questions even though others have problems. */
    onlyValid: z.boolean().default(false),
  })
  .strict();

/**
 * The editor's instant check, in the browser: the deck format's own question schema (the one
 * content:check applies) on the question's metadata, as messages by field. The server then runs the
 * whole checker (terms exist, math renders, formulas evaluate) for the preview and on save.
 */
export function metaProblems(input: QuestionInput): Record<string, string> {
  const result = questionMetaSchema.safeParse(questionMeta(input));
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [String(issue.path[0] ?? "type"), issue.message]).reverse(),
  );
}
