import { mulberry32 } from "@/lib/seeded-random";
import { evaluateFormula, parseFormula, type Formula } from "./formula";

/**
 * Calculated questions: each parameter has a range, each attempt draws values from it with a seed, and
 * the answer is the formula evaluated on the drawn values. The seed travels with the question view and
 * comes back with the response, so grading needs no server-side state and the same seed always means the
 * same numbers.
 */

/** Values min, min + step, ..., up to max. */
export type ParamRange = { min: number; max: number; step: number };
export type Variables = Record<string, number>;
/** The numbers drawn for one attempt and the answer they give. */
export type Drawn = { variables: Variables; answer: number };

/** The largest seed a view carries: an unsigned 32-bit integer, what mulberry32 takes. */
export const MAX_SEED = 4_294_967_295;

/** How many decimals a step has (0.05 -> 2), so drawn values print as the author meant them. */
function decimalsOf(step: number): number {
  const text = String(step);
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  return text.includes(".") ? text.split(".")[1]!.length : 0;
}

export function valueCount(range: ParamRange): number {
  return Math.floor((range.max - range.min) / range.step + 1e-9) + 1;
}

/** Drawn values are printed with the step's decimals, and toFixed keeps at most 100 of them. */
const MIN_STEP = 1e-100;

/** Why a range is unusable, or undefined when it is fine. */
export function rangeProblem(range: ParamRange): string | undefined {
  if (!(range.step > 0)) return "step must be greater than 0";
  if (range.step < MIN_STEP) return "step must be at least 1e-100";
  if (range.max < range.min) return "max must not be less than min";
  if (valueCount(range) > 1_000_000) return "the range has more than 1,000,000 values: use a larger step";
  return undefined;
}

function valueAt(range: ParamRange, index: number): number {
  return Number((range.min + index * range.step).toFixed(decimalsOf(range.step)));
}

/** The values drawn for one seed, parameters in name order so that adding none changes the others. */
export function drawVariables(params: Readonly<Record<string, ParamRange>>, seed: number): Variables {
  const random = mulberry32(seed);
  const variables: Variables = {};
  for (const name of Object.keys(params).sort()) {
    const range = params[name]!;
    variables[name] = valueAt(range, Math.floor(random() * valueCount(range)));
  }
  return variables;
}

/** Every combination of each parameter's smallest and largest value (2^n corners, n capped by the caller). */
export function rangeCorners(params: Readonly<Record<string, ParamRange>>): Variables[] {
  return Object.keys(params)
    .sort()
    .reduce<Variables[]>(
      (partial, name) => {
        const range = params[name]!;
        const ends = [range.min, valueAt(range, valueCount(range) - 1)];
        return partial.flatMap((variables) => [...new Set(ends)].map((value) => ({ ...variables, [name]: value })));
      },
      [{}],
    );
}

const formulas = new Map<string, Formula>();

/** Parsed once per formula text: grading a calculated answer parses nothing. */
export function compiledFormula(source: string): Formula {
  let formula = formulas.get(source);
  if (!formula) {
    formula = parseFormula(source);
    formulas.set(source, formula);
  }
  return formula;
}

export function calculatedAnswer(formula: string, params: Readonly<Record<string, ParamRange>>, seed: number): Drawn {
  const variables = drawVariables(params, seed);
  return { variables, answer: evaluateFormula(compiledFormula(formula), variables) };
}

/** A number as a reader wants it: drawn values exactly, results to four significant digits. */
export function formatQuantity(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/**
 * Replaces `{name}` with the drawn value and `{answer}` with the answer in a prompt or explanation.
 * Only names of parameters (and `answer`) are replaced, so TeX groups such as `\frac{TP}{TP + FP}` stay.
 */
export function fillPlaceholders(text: string, variables: Readonly<Variables>, answer?: number): string {
  return text.replace(/\{([a-z_][a-z0-9_]*)\}/g, (whole, name: string) => {
    if (name === "answer" && answer !== undefined) return formatQuantity(answer);
    return Object.hasOwn(variables, name) ? String(variables[name]) : whole;
  });
}
