import { drawVariables, rangeCorners, rangeProblem, type ParamRange } from "@/lib/domain/calculated";
import { evaluateFormula, FormulaError, parseFormula, RESERVED_NAMES, type Formula } from "@/lib/domain/formula";
import { isWithinTolerance } from "@/lib/domain/grading";
import type { Tolerance } from "@/lib/domain/question";

/**
 * The deck checker's rules for formulas: a numeric question's `formula:` must give its answer, and a
 * calculated question's must evaluate everywhere its parameters can be drawn. `report` takes the metadata
 * key a problem is about and the message.
 */

type Report = (key: "answer" | "formula" | "params", message: string) => void;

/** Draws checked besides the corners of the ranges, from fixed seeds so a failure reproduces. */
const SAMPLE_DRAWS = 200;
const MAX_PARAMS = 10;

function compileOrReport(source: string, report: Report): Formula | undefined {
  try {
    return parseFormula(source);
  } catch (error) {
    if (error instanceof FormulaError) return void report("formula", error.message);
    throw error;
  }
}

function evaluateOrReport(formula: Formula, variables: Record<string, number>, report: Report): number | undefined {
  try {
    return evaluateFormula(formula, variables);
  } catch (error) {
    if (error instanceof FormulaError) return void report("formula", `${error.message} with ${JSON.stringify(variables)}`);
    throw error;
  }
}

/** A numeric question's formula holds only numbers, and its value must be the answer within the tolerance. */
export function checkNumericFormula(source: string, answer: number, tolerance: Tolerance, report: Report) {
  const formula = compileOrReport(source, report);
  if (!formula) return;
  if (formula.variables.length > 0) {
    return report("formula", `uses ${formula.variables.join(", ")}: a numeric formula holds only numbers (use type: calculated for parameters)`);
  }
  const computed = evaluateOrReport(formula, {}, report);
  if (computed !== undefined && !isWithinTolerance(answer, computed, tolerance)) {
    report("answer", `${answer} differs from the formula's ${Number(computed.toPrecision(6))} by more than the tolerance`);
  }
}

/**
 * A calculated question is checked by evaluating its formula at every corner of its parameter ranges and
 * at 200 seeded draws: a division by zero or a square root of a negative number anywhere in range fails
 * content:check instead of a candidate's attempt.
 */
export function checkCalculated(source: string, params: Record<string, ParamRange>, rangesUsable: boolean, prompt: string, report: Report) {
  const names = Object.keys(params);
  if (names.length === 0) return report("params", "needs at least one parameter");
  if (names.length > MAX_PARAMS) return report("params", `has ${names.length} parameters; at most ${MAX_PARAMS}`);
  for (const name of names) {
    const problem = rangeProblem(params[name]!);
    if (problem) report("params", `${name}: ${problem}`);
    if (RESERVED_NAMES.has(name)) report("params", `${name} is the name of a function or constant; choose another`);
    if (!prompt.includes(`{${name}}`)) report("params", `${name} never appears in the prompt as {${name}}: the candidate cannot see it`);
  }
  const formula = compileOrReport(source, report);
  // Values are drawn only from usable ranges: a step of 0 would draw nothing meaningful to evaluate.
  if (!formula || !rangesUsable) return;
  const unknown = formula.variables.filter((name) => !Object.hasOwn(params, name));
  if (unknown.length > 0) return report("formula", `uses ${unknown.join(", ")}, not declared in params`);
  const draws = [...rangeCorners(params), ...Array.from({ length: SAMPLE_DRAWS }, (_, seed) => drawVariables(params, seed))];
  for (const variables of draws) {
    if (evaluateOrReport(formula, variables, report) === undefined) return;
  }
}
