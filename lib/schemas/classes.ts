import { z } from "zod";
import { CLASS_LIMITS, isJoinCode, normalizeJoinCode } from "@/lib/domain/classes";

/** What the classes API accepts (issue 15). */

const name = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(CLASS_LIMITS.nameLength, `must be at most ${CLASS_LIMITS.nameLength} characters`);

/** POST /api/classes */
export const createClassSchema = z.object({ name }).strict();
export type CreateClassInput = z.output<typeof createClassSchema>;

/**
 * POST /api/classes/join: a code as typed, or the join link pasted whole (lib/domain/classes.ts
 * normalizeJoinCode). Capped before it is normalised, so a huge string costs nothing.
 */
export const joinClassSchema = z
  .object({
    code: z
      .string()
      .max(200, "must be at most 200 characters")
      .transform(normalizeJoinCode)
      .refine(isJoinCode, "is not a class code: 10 letters and digits"),
  })
  .strict();

/** PATCH /api/classes/:classId: rename, open or close joining, and replace the code (the old one stops working). */
export const updateClassSchema = z
  .object({ name: name.optional(), joinOpen: z.boolean().optional(), rotateCode: z.literal(true).optional() })
  .strict()
  .refine((input) => Object.values(input).some((value) => value !== undefined), "say what to change");
export type UpdateClassInput = z.output<typeof updateClassSchema>;

/** A due date between these years is a plausible one; anything else is a typo. */
const DUE_YEARS = { min: 2000, max: 2200 } as const;

/**
 * POST /api/classes/:classId/assignments: the deck, and when it is due as an instant with its offset
 * (the page sends the end of the chosen day in the instructor's time zone); null or absent for none.
 * Assigning an assigned deck again sets its due date.
 */
export const assignDeckSchema = z
  .object({
    deckId: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters"),
    dueDate: z.iso
      .datetime({ offset: true, error: "must be an ISO date-time with its offset" })
      .transform((text) => new Date(text))
      .refine(
        (date) => date.getUTCFullYear() >= DUE_YEARS.min && date.getUTCFullYear() <= DUE_YEARS.max,
        `must be between the years ${DUE_YEARS.min} and ${DUE_YEARS.max}`,
      )
      .nullable()
      .default(null),
  })
  .strict();
export type AssignDeckInput = z.output<typeof assignDeckSchema>;

export const classParams = z.object({ classId: z.string() });
export const classDeckParams = z.object({ classId: z.string(), deckId: z.string() });
export const classMemberParams = z.object({ classId: z.string(), userId: z.string() });
