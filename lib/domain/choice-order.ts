import { mulberry32 } from "@/lib/seeded-random";
import { ResponseMismatchError, type AnswerResponse } from "./grading";
import type { Question } from "./question";

/**
 * The order a choice question's options are shown in. Each presentation draws a seed; the seed travels
 * with the view and comes back with the response, so the same seed always shows the same order (a reload,
 * a retried request) and the server maps what was picked back to the authored options. Everything that
 * is stored or counted (attempts, item statistics, exports) speaks of authored indices. Pure.
 */

export type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" }>;

/** Whether a question's choices are shuffled: on unless the author turned it off (ordered ranges). */
export function shufflesChoices(question: Question): question is ChoiceQuestion {
  return (question.type === "single" || question.type === "multiple") && question.shuffle !== false;
}

/**
 * `order[shown] = authored`: a Fisher-Yates shuffle of `count` options driven by `seed`. The same seed
 * and count give the same order; every permutation is reachable for the option counts questions have.
 */
export function choiceOrder(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  const random = mulberry32(seed);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/** The order a question is shown in for `seed`; without a seed, or with shuffling off, the authored one. */
export function displayOrder(question: Question, seed: number | undefined): number[] | undefined {
  if (!shufflesChoices(question) || seed === undefined) return undefined;
  return choiceOrder(question.choices.length, seed);
}

/** Items in the order shown: `arrange(authoredItems, order)[shown] = authoredItems[order[shown]]`. */
export function arrange<T>(items: readonly T[], order: readonly number[] | undefined): T[] {
  return order ? order.map((authored) => items[authored]!) : [...items];
}

/** Authored indices as positions on screen (the key the client marks its choices with). */
export function toShownIndices(authored: readonly number[], order: readonly number[] | undefined): number[] {
  if (!order) return [...authored];
  return authored.map((index) => order.indexOf(index)).sort((a, b) => a - b);
}

/**
 * The response as the server grades and stores it: the shown positions the candidate picked, mapped back
 * to authored indices. The seed stays in the stored response, so the order they saw can be rebuilt.
 * Positions out of range are a ResponseMismatchError (400), like any response that does not fit.
 */
export function toAuthoredResponse(question: Question, response: AnswerResponse): AnswerResponse {
  if (response.type !== "single" && response.type !== "multiple") return response;
  if (response.type !== question.type) return response; // grade() reports the mismatch
  const order = displayOrder(question, response.seed);
  if (!order) return response;
  const toAuthored = (shown: number) => {
    if (!Number.isInteger(shown) || shown < 0 || shown >= order.length) {
      throw new ResponseMismatchError(`choice out of range: ${question.id} has ${order.length} choices`);
    }
    return order[shown]!;
  };
  return response.type === "single"
    ? { ...response, choice: toAuthored(response.choice) }
    : { ...response, choices: response.choices.map(toAuthored).sort((a, b) => a - b) };
}
