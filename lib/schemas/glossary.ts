import { z } from "zod";
import { TOPICS } from "@/lib/content/topics";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().regex(SLUG_PATTERN, "must be lower-case words joined by hyphens, e.g. kv-cache");

/** Word limits of a term's definition: long enough to teach, short enough to read in one go. */
export const DEFINITION_WORDS = { min: 60, max: 250 } as const;

export const glossaryFrontMatterSchema = z
  .object({
    term: z.string().trim().min(1, "must not be empty").max(120),
    aliases: z.array(z.string().trim().min(1, "must not be empty").max(80)).default([]),
    topics: z.array(z.enum(TOPICS)).min(1, "needs at least one topic"),
    related: z.array(slugSchema).min(2, "needs at least two related terms"),
    contrast: z.array(slugSchema).default([]),
    sources: z.array(z.string().trim().min(1)).default([]),
    reviewed: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM")
      .optional(),
  })
  .strict();

/** Topics that move fast enough that a term's text needs a `reviewed: YYYY-MM` date. */
export const FAST_MOVING_TOPICS = ["llm-inference", "generative-ai"] as const;

export type GlossaryFrontMatter = z.infer<typeof glossaryFrontMatterSchema>;
