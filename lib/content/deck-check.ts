import matter from "gray-matter";
import katex from "katex";
import { drawVariables, fillPlaceholders, rangeCorners, rangeProblem, type ParamRange } from "@/lib/domain/calculated";
import { evaluateFormula, FormulaError, parseFormula, RESERVED_NAMES, type Formula } from "@/lib/domain/formula";
import { isWithinTolerance } from "@/lib/domain/grading";
import { parseTolerance, type Choice, type Question } from "@/lib/domain/question";
import { SLUG_PATTERN } from "@/lib/schemas/glossary";
import { deckFrontMatterSchema, questionMetaSchema, type DeckFrontMatter } from "@/lib/schemas/deck";
import type { ContentProblem, SourceFile } from "./glossary-check";
import { slugFromPath } from "./glossary-check";
import { findMathErrors, findTermLinks } from "./markdown-check";
import { parseMarkdown } from "./markdown-parse";
import { markdownSizeProblem } from "./markdown-budget";

/**
 * Parses and validates decks (docs/deck-format.md). Pure like the glossary checker: file contents and
 * the set of glossary slugs in, decks and `file:line` problems out.
 */

export type ParsedDeck = DeckFrontMatter & { slug: string; path: string; questions: (Question & { line: number })[] };
export type DeckCheck = { decks: ParsedDeck[]; problems: ContentProblem[] };

const CHOICE_LINE = /^- \[( |x|X)\] (.+)$/;
/** `key:` at the start of a metadata line. */
const META_KEY = /^(\w+):/;

/**
 * The text of a `## id` or `### Section` line (`marker` is "## " or "### "), without trailing spaces;
 * undefined for any other line. Trimmed rather than matched with /^## (.+?)\s*$/, which retries the
 * trailing-space test from every character and takes quadratic time on a long line of spaces.
 */
function headingText(line: string, marker: "## " | "### "): string | undefined {
  if (!line.startsWith(marker)) return undefined;
  const text = line.slice(marker.length).trimEnd();
  return text === "" ? undefined : text;
}

export function checkDecks(files: SourceFile[], glossarySlugs: ReadonlySet<string>): DeckCheck {
  const problems: ContentProblem[] = [];
  const decks = files.flatMap((file) => parseDeckFile(file, glossarySlugs, problems) ?? []);
  const firstSeen = new Map<string, string>();
  for (const deck of decks) {
    if (firstSeen.has(`deck:${deck.slug}`)) problems.push({ path: deck.path, line: 1, message: `duplicate deck slug "${deck.slug}"` });
    firstSeen.set(`deck:${deck.slug}`, deck.path);
    for (const question of deck.questions) {
      const other = firstSeen.get(question.id);
      if (other) problems.push({ path: deck.path, line: question.line, message: `duplicate question id "${question.id}" (also in ${other})` });
      else firstSeen.set(question.id, deck.path);
    }
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  return { decks: decks.sort((a, b) => a.slug.localeCompare(b.slug)), problems };
}

function parseDeckFile(file: SourceFile, glossarySlugs: ReadonlySet<string>, problems: ContentProblem[]): ParsedDeck | undefined {
  const report = (line: number, message: string) => problems.push({ path: file.path, line, message });
  const lines = file.source.split("\n");
  const closing = lines[0]?.trim() === "---" ? lines.findIndex((line, index) => index > 0 && line.trim() === "---") : -1;
  if (closing < 0) {
    report(1, "front matter missing: the file must start with a block between two '---' lines");
    return undefined;
  }
  const frontMatter = parseYaml(lines.slice(1, closing), 2, report);
  if (frontMatter === undefined) return undefined;
  const deckMeta = deckFrontMatterSchema.safeParse(frontMatter);
  if (!deckMeta.success) {
    for (const issue of deckMeta.error.issues) {
      const key = String(issue.path[0] ?? "");
      const index = lines.slice(1, closing).findIndex((line) => line.startsWith(`${key}:`));
      report(index >= 0 ? index + 2 : 1, `${issue.path.join(".") || "front matter"}: ${issue.message}`);
    }
    return undefined;
  }

  // Question blocks: from one `## id` line to the next, outside code fences.
  const starts: number[] = [];
  let inFence = false;
  for (let index = closing + 1; index < lines.length; index++) {
    if (lines[index]!.trimStart().startsWith("```")) inFence = !inFence;
    if (!inFence && headingText(lines[index]!, "## ") !== undefined) starts.push(index);
  }
  if (starts.length === 0) report(closing + 2, "the deck has no questions (each starts with a line '## question-id')");
  const questions = starts.flatMap((start, n) => {
    const block = lines.slice(start, starts[n + 1] ?? lines.length);
    return parseQuestion(block, start + 1, glossarySlugs, report) ?? [];
  });
  return { ...deckMeta.data, slug: slugFromPath(file.path), path: file.path, questions };
}

function parseYaml(yamlLines: string[], firstLine: number, report: (line: number, message: string) => void): unknown {
  try {
    return matter(`---\n${yamlLines.join("\n")}\n---\n`, {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    report(mark?.line !== undefined ? firstLine + mark.line : firstLine, `invalid YAML: ${reason}`);
    return undefined;
  }
}

/** One `## id` block; `line` is the 1-based file line of the heading. */
function parseQuestion(
  block: string[],
  line: number,
  glossarySlugs: ReadonlySet<string>,
  report: (line: number, message: string) => void,
): (Question & { line: number }) | undefined {
  const id = headingText(block[0]!, "## ")!;
  if (!SLUG_PATTERN.test(id)) report(line, `question id "${id}" must be lower-case words joined by hyphens`);

  let cursor = 1;
  while (cursor < block.length && block[cursor]!.trim() !== "") cursor++;
  const metaLines = block.slice(1, cursor);
  const metaData = parseYaml(metaLines, line + 1, report);
  if (metaData === undefined) return undefined;
  // Looked up once: a problem per unknown term would otherwise rescan every metadata line.
  const keyLines = new Map<string, number>();
  metaLines.forEach((text, index) => {
    const key = META_KEY.exec(text)?.[1];
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, line + 1 + index);
  });
  const lineOfKey = (key: string) => keyLines.get(key) ?? line;
  const meta = questionMetaSchema.safeParse(metaData);
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      report(lineOfKey(String(issue.path[0] ?? "type")), `${id}: ${issue.path.join(".") || "type"}: ${issue.message}`);
    }
    return undefined;
  }

  // Split the rest into the main part (prompt and choices) and `### Section` parts.
  const sections = new Map<string, { text: string[]; line: number }>();
  let current = { text: [] as string[], line: line + cursor };
  sections.set("main", current);
  for (let index = cursor; index < block.length; index++) {
    const heading = headingText(block[index]!, "### ");
    if (heading !== undefined) {
      current = { text: [], line: line + index };
      sections.set(heading.toLowerCase(), current);
    } else {
      current.text.push(block[index]!);
    }
  }
  const section = (name: string) => sections.get(name)?.text.join("\n").trim() ?? "";
  for (const name of sections.keys()) {
    if (!["main", "explanation", "model answer", "rubric"].includes(name)) {
      report(sections.get(name)!.line, `${id}: unknown section "### ${name}" (use Explanation, Model answer or Rubric)`);
    }
  }

  // Text past the Markdown budget is reported and never parsed (see markdown-budget.ts).
  const oversized = (name: string, text: string, at: number) => {
    const problem = markdownSizeProblem(text);
    if (problem) report(at, `${id}: the ${name} ${problem}`);
    return problem !== undefined;
  };
  const main = sections.get("main")!;
  const { prompt, choices, choiceLine } = splitChoices(main.text, main.line, id, report);
  choices.forEach((choice, index) => {
    oversized(`text of choice ${index + 1}`, choice.text, choiceLine);
    if (choice.feedback) oversized(`feedback of choice ${index + 1}`, choice.feedback, choiceLine);
  });
  const explanation = section("explanation");
  if (prompt === "") report(line, `${id}: the prompt is empty`);
  if (explanation === "") report(line, `${id}: needs a "### Explanation" section that says why`);

  const m = meta.data;
  const params = m.type === "calculated" ? toParamRanges(m.params) : {};
  // Links and math are checked on what a candidate reads: a calculated question with numbers drawn, once
  // its ranges can be drawn from (checkCalculated reports those that cannot).
  const rangesUsable = Object.values(params).every((range) => rangeProblem(range) === undefined);
  const sample = rangesUsable ? drawVariables(params, 0) : {};
  for (const term of m.terms) {
    if (!glossarySlugs.has(term)) report(lineOfKey("terms"), `${id}: terms: no glossary term "${term}" exists`);
  }
  for (const [name, text, startLine] of [
    ["prompt", prompt, main.line],
    ["explanation", explanation, sections.get("explanation")?.line ?? line],
  ] as const) {
    const filled = fillPlaceholders(text, sample, 1);
    if (oversized(name, filled, startLine)) continue;
    const tree = parseMarkdown(filled);
    for (const link of findTermLinks(tree)) {
      if (!glossarySlugs.has(link.slug)) report(startLine, `${id}: ${name} links to unknown term "${link.slug}"`);
    }
    const renderFormula = (tex: string, displayMode: boolean) => katex.renderToString(tex, { displayMode, throwOnError: true, strict: "ignore" });
    for (const error of findMathErrors(tree, renderFormula)) report(startLine, `${id}: invalid math in ${name}: ${error.message}`);
  }

  const base = { id, difficulty: m.difficulty, terms: m.terms, tags: m.tags, prompt, explanation, line };
  const isChoiceType = m.type === "single" || m.type === "multiple";
  if (!isChoiceType && choices.length > 0) report(choiceLine, `${id}: a ${m.type} question has no "- [ ]" choices`);
  switch (m.type) {
    case "single":
    case "multiple": {
      const correct = choices.filter((choice) => choice.correct).length;
      if (choices.length < 2) report(line, `${id}: needs at least two "- [ ]" choices`);
      else if (m.type === "single" && correct !== 1) report(choiceLine, `${id}: a single-choice question needs exactly one [x], found ${correct}`);
      else if (m.type === "multiple" && correct === 0) report(choiceLine, `${id}: a multiple-select question needs at least one [x]`);
      else if (m.type === "multiple" && m.correct !== undefined && correct !== m.correct) {
        report(choiceLine, `${id}: correct: ${m.correct} is declared but ${correct} choices are marked [x]`);
      }
      return { ...base, type: m.type, choices, ...(m.shuffle ? {} : { shuffle: false as const }) };
    }
    case "true-false":
      return { ...base, type: m.type, answer: m.answer };
    case "numeric": {
      const tolerance = parseTolerance(m.tolerance);
      if (m.formula !== undefined) {
        const reportFormula = (message: string) => report(lineOfKey("formula"), `${id}: formula: ${message}`);
        const formula = compileOrReport(m.formula, reportFormula);
        if (formula && formula.variables.length > 0) reportFormula(`uses ${formula.variables.join(", ")}: a numeric formula holds only numbers (use type: calculated for parameters)`);
        else if (formula) {
          const computed = evaluateOrReport(formula, {}, reportFormula);
          if (computed !== undefined && !isWithinTolerance(m.answer, computed, tolerance)) {
            report(lineOfKey("answer"), `${id}: answer ${m.answer} differs from the formula's ${Number(computed.toPrecision(6))} by more than the tolerance`);
          }
        }
      }
      return { ...base, type: m.type, answer: m.answer, tolerance, ...(m.unit ? { unit: m.unit } : {}) };
    }
    case "calculated": {
      checkCalculated(m.formula, params, rangesUsable, prompt, (key, message) => report(lineOfKey(key), `${id}: ${key}: ${message}`));
      return { ...base, type: m.type, params, formula: m.formula, tolerance: parseTolerance(m.tolerance), ...(m.unit ? { unit: m.unit } : {}) };
    }
    case "short":
      return { ...base, type: m.type, accept: m.accept };
    case "open": {
      const modelAnswer = section("model answer");
      const rubric = section("rubric")
        .split("\n")
        .filter((text) => text.startsWith("- "))
        .map((text) => text.slice(2).trim());
      if (modelAnswer === "") report(line, `${id}: an open question needs a "### Model answer" section`);
      if (rubric.length === 0) report(line, `${id}: an open question needs a "### Rubric" list of points`);
      oversized("model answer", modelAnswer, sections.get("model answer")?.line ?? line);
      rubric.forEach((point, index) => oversized(`rubric point ${index + 1}`, point, sections.get("rubric")!.line));
      return { ...base, type: m.type, modelAnswer, rubric };
    }
  }
}

function toParamRanges(params: Record<string, [number, number, number]>): Record<string, ParamRange> {
  return Object.fromEntries(Object.entries(params).map(([name, [min, max, step]]) => [name, { min, max, step }]));
}

function compileOrReport(source: string, report: (message: string) => void): Formula | undefined {
  try {
    return parseFormula(source);
  } catch (error) {
    if (error instanceof FormulaError) return void report(error.message);
    throw error;
  }
}

function evaluateOrReport(formula: Formula, variables: Record<string, number>, report: (message: string) => void): number | undefined {
  try {
    return evaluateFormula(formula, variables);
  } catch (error) {
    if (error instanceof FormulaError) return void report(`${error.message} with ${JSON.stringify(variables)}`);
    throw error;
  }
}

/** Draws checked besides the corners of the ranges, from fixed seeds so a failure reproduces. */
const SAMPLE_DRAWS = 200;
const MAX_PARAMS = 10;

/**
 * A calculated question is checked by evaluating its formula at every corner of its parameter ranges and
 * at 200 seeded draws: a division by zero or a square root of a negative number anywhere in range fails
 * content:check instead of a candidate's attempt.
 */
function checkCalculated(
  source: string,
  params: Record<string, ParamRange>,
  rangesUsable: boolean,
  prompt: string,
  report: (key: string, message: string) => void,
) {
  const names = Object.keys(params);
  if (names.length === 0) return report("params", "needs at least one parameter");
  if (names.length > MAX_PARAMS) return report("params", `has ${names.length} parameters; at most ${MAX_PARAMS}`);
  for (const name of names) {
    const problem = rangeProblem(params[name]!);
    if (problem) report("params", `${name}: ${problem}`);
    if (RESERVED_NAMES.has(name)) report("params", `${name} is the name of a function or constant; choose another`);
    if (!prompt.includes(`{${name}}`)) report("params", `${name} never appears in the prompt as {${name}}: the candidate cannot see it`);
  }
  const formula = compileOrReport(source, (message) => report("formula", message));
  // Values are drawn only from usable ranges: a step of 0 would draw nothing meaningful to evaluate.
  if (!formula || !rangesUsable) return;
  const unknown = formula.variables.filter((name) => !Object.hasOwn(params, name));
  if (unknown.length > 0) return report("formula", `uses ${unknown.join(", ")}, not declared in params`);
  const draws = [...rangeCorners(params), ...Array.from({ length: SAMPLE_DRAWS }, (_, seed) => drawVariables(params, seed))];
  for (const variables of draws) {
    if (evaluateOrReport(formula, variables, (message) => report("formula", message)) === undefined) return;
  }
}

/** Separates the prompt from a trailing `- [ ]` / `- [x]` list with optional `  > feedback` lines. */
function splitChoices(text: string[], firstLine: number, id: string, report: (line: number, message: string) => void) {
  const first = text.findIndex((line) => CHOICE_LINE.test(line));
  if (first < 0) return { prompt: text.join("\n").trim(), choices: [] as Choice[], choiceLine: firstLine };
  const choices: Choice[] = [];
  for (let index = first; index < text.length; index++) {
    const line = text[index]!;
    const choice = CHOICE_LINE.exec(line);
    const last = choices[choices.length - 1];
    if (choice) {
      choices.push({ text: choice[2]!.trim(), correct: choice[1] !== " " });
    } else if (/^\s+>\s?/.test(line) && last) {
      const feedback = line.replace(/^\s+>\s?/, "");
      last.feedback = last.feedback ? `${last.feedback} ${feedback}` : feedback;
    } else if (/^\s+\S/.test(line) && last) {
      last.text = `${last.text} ${line.trim()}`;
    } else if (line.trim() !== "") {
      report(firstLine + index, `${id}: text after the choices; put it in the prompt or a ### section`);
    }
  }
  return { prompt: text.slice(0, first).join("\n").trim(), choices, choiceLine: firstLine + first };
}
