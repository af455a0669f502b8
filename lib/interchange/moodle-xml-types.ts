import type { ParamRange } from "@/lib/domain/calculated";
import type { Choice, Question, Tolerance } from "@/lib/domain/question";
import { roundNumber, type DistributiveOmit } from "./imported-question";
import {
  attribute,
  child,
  children,
  flag,
  markdownField,
  MoodleProblem,
  number,
  value,
  type XmlNode,
} from "./moodle-xml-nodes";

/**
 * The type-specific part of each Moodle question type mlprep has (moodle-xml.ts reads the rest):
 * - multichoice: `<single>true</single>` is single-choice, the one 100% answer right; otherwise
 *   multiple-answer, every positive fraction right. The domain grades all or nothing, so a pattern it
 *   cannot express is a problem, not a guess: a partial-credit answer in a single-choice question, or
 *   positive fractions not adding up to 100% (what selecting every right answer scores). Negative
 *   fractions are wrong answers whatever their size. `shuffleanswers` false keeps the authored order.
 * - truefalse, shortanswer, numerical: the domain has no per-answer feedback there, so the feedback of
 *   the answers is folded into the explanation after the general feedback. Short answers are compared
 *   case-insensitively by mlprep's grading, so `usecase` is read and cannot be honoured; Moodle's `*`
 *   wildcard is kept as a literal character.
 * - numerical: the first 100% answer with its (absolute) tolerance, and the unit with multiplier 1;
 *   other units (conversions such as s = 1000 ms) have no place in the domain and are left out.
 * - essay: the grader information is the rubric, a point per list item or paragraph, and the general
 *   feedback the explanation. Moodle has no model answer, which mlprep needs: the import's checker asks
 *   for one (prepare-import.ts says where); mlprep's own export writes `### Model answer` and `### Rubric`
 *   sections in the grader information, read back as such.
 * - calculated / calculatedsimple: each dataset definition is a parameter with Moodle's minimum, maximum
 *   and decimals (step 10^-decimals), the 100% answer's formula with `{x}` read as the name x and pi() as
 *   pi, relative (type 1) or nominal (absolute, type 2) tolerance; geometric tolerance (3) is a problem.
 *   pow(a, b) is read as (a)^(b). A dataset name that is not lower_snake_case is a problem (renaming
 *   would mean rewriting the text); a Moodle function mlprep lacks (fmod, sin…) is left for the
 *   checker's formula check to report.
 * Elements named `mlprep_…` are what mlprep's export adds for what Moodle cannot say (a relative
 * tolerance on a numerical question, a step that is not a power of ten, the formula in mlprep's own
 * syntax); Moodle ignores elements it does not know, and its own exports never have them.
 */

export type AnswerFields = DistributiveOmit<
  Question,
  "id" | "difficulty" | "terms" | "tags" | "prompt" | "explanation"
>;
export type TypeRead = { fields: AnswerFields; feedback: string[] };

/** Thirds are written 33.33333: positive fractions within this of 100 add up to 100. */
const FRACTION_SLACK = 1;
const PARAMETER_NAME = /^[a-z_][a-z0-9_]*$/;

type Answer = { text: string; fraction: number; feedback: string; node: XmlNode };

/** `formatted`: the answer text is a text in a format (choices); otherwise it is a literal value, whatever format Moodle wrote. */
function answers(question: XmlNode, formatted: boolean): Answer[] {
  return children(question, "answer").map((node, index) => {
    const raw = ownText(node);
    const fraction = number(attribute(node, "fraction") ?? "0");
    if (Number.isNaN(fraction))
      throw new MoodleProblem(
        `answer ${index + 1} has the fraction "${attribute(node, "fraction")!.slice(0, 40)}", not a number`,
      );
    return {
      text: formatted ? markdownOf(raw, attribute(node, "format") ?? "html") : raw,
      fraction,
      feedback: markdownField(node, "feedback"),
      node,
    };
  });
}

/** `<answer><text>…</text>…</answer>`: the answer's own text element. */
function ownText(node: XmlNode): string {
  const text = child(node, "text")?.["#text"];
  return typeof text === "string" ? text.trim() : "";
}

function markdownOf(text: string, format: string): string {
  return markdownField({ field: { "@_format": format, text } }, "field");
}

function feedbackOf(list: Answer[]): string[] {
  return list.map((answer) => answer.feedback).filter((text) => text !== "");
}

export function readMultichoice(question: XmlNode): TypeRead {
  const list = answers(question, true);
  if (list.length < 2) throw new MoodleProblem("a multiple-choice question needs at least two answers");
  const single = flag(value(question, "single"));
  const keepOrder = value(question, "shuffleanswers") !== "" && !flag(value(question, "shuffleanswers"));
  if (single) {
    const partial = list.findIndex((answer) => answer.fraction > 0 && answer.fraction < 100);
    if (partial >= 0) {
      throw new MoodleProblem(
        `answer ${partial + 1} gives partial credit (${list[partial]!.fraction}%), which mlprep cannot express: make it 100 or 0`,
      );
    }
    const right = list.filter((answer) => answer.fraction === 100).length;
    if (right !== 1)
      throw new MoodleProblem(`${right} answers are worth 100%: a single-choice question has exactly one`);
  } else {
    const positive = list.filter((answer) => answer.fraction > 0).reduce((sum, answer) => sum + answer.fraction, 0);
    if (positive === 0) throw new MoodleProblem("no answer has a positive fraction: mark the right answers");
    if (Math.abs(positive - 100) > FRACTION_SLACK) {
      throw new MoodleProblem(
        `the positive fractions add up to ${roundNumber(positive)}%, not 100%: mlprep grades all or nothing`,
      );
    }
  }
  const choices = list.map((answer): Choice => ({
    text: answer.text,
    correct: single ? answer.fraction === 100 : answer.fraction > 0,
    ...(answer.feedback ? { feedback: answer.feedback } : {}),
  }));
  return {
    fields: { type: single ? "single" : "multiple", choices, ...(keepOrder ? { shuffle: false as const } : {}) },
    feedback: [],
  };
}

export function readTrueFalse(question: XmlNode): TypeRead {
  const list = answers(question, false);
  const right = list.find((answer) => answer.fraction === 100);
  const truth = right?.text.toLowerCase();
  if (truth !== "true" && truth !== "false")
    throw new MoodleProblem("a true/false question needs its 100% answer to be true or false");
  return { fields: { type: "true-false", answer: truth === "true" }, feedback: feedbackOf(list) };
}

export function readShortAnswer(question: XmlNode): TypeRead {
  const list = answers(question, false);
  const partial = list.find((answer) => answer.fraction > 0 && answer.fraction < 100);
  if (partial) {
    throw new MoodleProblem(
      `the answer "${partial.text.slice(0, 40)}" gives partial credit (${partial.fraction}%), which mlprep cannot express`,
    );
  }
  const accepted = list.filter((answer) => answer.fraction === 100 && answer.text !== "");
  if (accepted.length === 0) throw new MoodleProblem("no short answer is worth 100%");
  return { fields: { type: "short", accept: accepted.map((answer) => answer.text) }, feedback: feedbackOf(accepted) };
}

export function readNumerical(question: XmlNode): TypeRead {
  const list = answers(question, false);
  const right = list.find((answer) => answer.fraction === 100);
  if (!right) throw new MoodleProblem("no numerical answer is worth 100%");
  const answer = number(right.text);
  if (Number.isNaN(answer))
    throw new MoodleProblem(`the numerical answer "${right.text.slice(0, 40)}" is not a number`);
  const margin = value(right.node, "tolerance");
  const absolute = margin === "" ? 0 : number(margin);
  if (!(absolute >= 0)) throw new MoodleProblem(`the tolerance "${margin.slice(0, 40)}" is not a number of at least 0`);
  const relative = value(question, "mlprep_tolerance");
  const tolerance: Tolerance = relative.endsWith("%")
    ? { kind: "relative", value: number(relative.slice(0, -1)) / 100 }
    : { kind: "absolute", value: absolute };
  if (Number.isNaN(tolerance.value))
    throw new MoodleProblem(`the tolerance "${relative.slice(0, 40)}" is not a number`);
  const unit = unitOf(question);
  return {
    fields: { type: "numeric", answer, tolerance, ...(unit ? { unit } : {}) },
    feedback: feedbackOf([right]),
  };
}

function unitOf(question: XmlNode): string | undefined {
  const base = children(child(question, "units"), "unit").find((unit) => number(value(unit, "multiplier")) === 1);
  return value(base, "unit_name") || undefined;
}

export function readEssay(question: XmlNode): TypeRead {
  const info = markdownField(question, "graderinfo");
  // mlprep's layout: `### Model answer` and `### Rubric` sections (the text before either is the model answer).
  const sections = new Map<string, string[]>([["model answer", []]]);
  let current = sections.get("model answer")!;
  for (const line of info.split("\n")) {
    const heading = /^###\s+(model answer|rubric)\s*$/i.exec(line);
    if (heading) sections.set(heading[1]!.toLowerCase(), (current = []));
    else current.push(line);
  }
  if (sections.size === 1)
    return { fields: { type: "open", modelAnswer: "", rubric: rubricPoints(info) }, feedback: [] };
  return {
    fields: {
      type: "open",
      modelAnswer: sections.get("model answer")!.join("\n").trim(),
      rubric: (sections.get("rubric") ?? []).filter((line) => /^[-*] /.test(line)).map((line) => line.slice(2).trim()),
    },
    feedback: [],
  };
}

/** A point per list item or paragraph, each on one line (a rubric point is one line). */
function rubricPoints(markdown: string): string[] {
  return markdown
    .split(/\n(?=\s*(?:[-*]|\d+\.) )|\n\s*\n/)
    .map((block) =>
      block
        .replace(/^\s*(?:[-*]|\d+\.) /, "")
        .split("\n")
        .map((line) => line.replace(/\\$/, "").trim())
        .filter(Boolean)
        .join(" "),
    )
    .filter((point) => point !== "");
}

export function readCalculated(question: XmlNode): TypeRead {
  const right = answers(question, false).find((answer) => answer.fraction === 100);
  if (!right) throw new MoodleProblem("no answer formula is worth 100%");
  const params: Record<string, ParamRange> = {};
  for (const definition of children(child(question, "dataset_definitions"), "dataset_definition")) {
    const name = value(definition, "name");
    if (!PARAMETER_NAME.test(name)) {
      throw new MoodleProblem(
        `the dataset {${name.slice(0, 40)}} cannot be a parameter: mlprep names are lower_snake_case, such as {rate}`,
      );
    }
    const decimals = number(value(definition, "decimals") || "0");
    const step = value(definition, "mlprep_step") ? number(value(definition, "mlprep_step")) : 10 ** -decimals;
    const range = { min: number(value(definition, "minimum")), max: number(value(definition, "maximum")), step };
    if (Object.values(range).some(Number.isNaN))
      throw new MoodleProblem(`the dataset {${name.slice(0, 40)}} needs a numeric minimum, maximum and decimals`);
    params[name] = range;
  }
  const formula = value(question, "mlprep_formula") || fromMoodleFormula(right.text);
  const margin = number(value(right.node, "tolerance") || "0");
  const type = value(right.node, "tolerancetype") || "1";
  if (type === "3") throw new MoodleProblem("geometric tolerance (type 3) has no equivalent in mlprep");
  if (Number.isNaN(margin) || margin < 0) throw new MoodleProblem("the tolerance is not a number of at least 0");
  const tolerance: Tolerance = { kind: type === "2" ? "absolute" : "relative", value: margin };
  const unit = unitOf(question);
  return {
    fields: { type: "calculated", params, formula, tolerance, ...(unit ? { unit } : {}) },
    feedback: feedbackOf([right]),
  };
}

/** Longer formulas are not rewritten (a nested pow costs a scan per level): the checker refuses them anyway. */
const MAX_FORMULA = 500;

/** A Moodle formula in mlprep's syntax: `{x}` -> x, pi() -> pi, pow(a, b) -> (a)^(b). */
export function fromMoodleFormula(text: string): string {
  const plain = text.replace(/\{([^{}]*)\}/g, "$1").replace(/\bpi\(\s*\)/g, "pi");
  return plain.length > MAX_FORMULA ? plain : rewritePow(plain);
}

function rewritePow(formula: string): string {
  const start = /\bpow\s*\(/.exec(formula);
  if (!start) return formula;
  const open = start.index + start[0].length - 1;
  let depth = 0;
  let comma = -1;
  for (let at = open; at < formula.length; at++) {
    const character = formula[at];
    if (character === "(") depth++;
    else if (character === ",") comma = depth === 1 && comma < 0 ? at : comma;
    else if (character === ")" && --depth === 0) {
      if (comma < 0) return formula; // not pow(a, b): the checker says what is wrong
      const [base, exponent] = [formula.slice(open + 1, comma), formula.slice(comma + 1, at)];
      const power = `(${rewritePow(base.trim())})^(${rewritePow(exponent.trim())})`;
      return `${formula.slice(0, start.index)}${power}${rewritePow(formula.slice(at + 1))}`;
    }
  }
  return formula;
}
