import katex from "katex";
import { drawVariables, fillPlaceholders, rangeProblem, type ParamRange } from "@/lib/domain/calculated";
import { parseTolerance, type Question } from "@/lib/domain/question";
import { SLUG_PATTERN } from "@/lib/schemas/glossary";
import { questionMetaSchema, type DeckFrontMatter } from "@/lib/schemas/deck";
import type { ContentProblem } from "./content-problem";
import { parseDeckFile, type QuestionBlock, type Report } from "./deck-parse";
import { checkCalculated, checkNumericFormula } from "./formula-check";
import { slugFromPath, type SourceFile } from "./glossary-check";
import { markdownSizeProblem } from "./markdown-budget";
import { findMathErrors, findTermLinks } from "./markdown-check";
import { parseMarkdown } from "./markdown-parse";

/**
 * The rules of the deck format (docs/deck-format.md) over what deck-parse.ts reads. Pure like the
 * glossary checker: file contents and the set of glossary slugs in, decks and problems out, each problem
 * of a question with the field it is about (content-problem.ts).
 */

export type ParsedDeck = DeckFrontMatter & { slug: string; path: string; questions: (Question & { line: number })[] };
export type DeckCheck = { decks: ParsedDeck[]; problems: ContentProblem[] };

const KNOWN_SECTIONS = new Set(["explanation", "model answer", "rubric"]);

export function checkDecks(files: SourceFile[], glossarySlugs: ReadonlySet<string>): DeckCheck {
  const problems: ContentProblem[] = [];
  const decks = files.flatMap((file): ParsedDeck[] => {
    const report: Report = (problem) => problems.push({ path: file.path, ...problem });
    const parsed = parseDeckFile(file, report);
    if (!parsed) return [];
    const questions = parsed.blocks.flatMap((block) => checkQuestion(block, glossarySlugs, report) ?? []);
    return [{ ...parsed.frontMatter, slug: slugFromPath(file.path), path: file.path, questions }];
  });
  const firstSeen = new Map<string, string>();
  for (const deck of decks) {
    if (firstSeen.has(`deck:${deck.slug}`)) problems.push({ path: deck.path, line: 1, message: `duplicate deck slug "${deck.slug}"` });
    firstSeen.set(`deck:${deck.slug}`, deck.path);
    for (const question of deck.questions) {
      const other = firstSeen.get(question.id);
      if (other) problems.push({ path: deck.path, line: question.line, questionId: question.id, field: "id", message: `is also the id of a question in ${other}` });
      else firstSeen.set(question.id, deck.path);
    }
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  return { decks: decks.sort((a, b) => a.slug.localeCompare(b.slug)), problems };
}

/** The question a block holds, or undefined when its metadata does not say what it is. */
function checkQuestion(block: QuestionBlock, glossarySlugs: ReadonlySet<string>, reportAt: Report): (Question & { line: number }) | undefined {
  const { id, line, lineOfKey, prompt, choices, choiceLine, sections } = block;
  const report = (at: number, field: string, message: string) => reportAt({ line: at, questionId: id, field, message });
  if (!SLUG_PATTERN.test(id)) report(line, "id", "must be lower-case words joined by hyphens");
  const meta = questionMetaSchema.safeParse(block.meta);
  if (!meta.success) {
    for (const issue of meta.error.issues) report(lineOfKey(String(issue.path[0] ?? "type")), issue.path.join(".") || "type", issue.message);
    return undefined;
  }
  for (const [name, section] of sections) {
    if (!KNOWN_SECTIONS.has(name)) report(section.line, "", `unknown section "### ${name}" (use Explanation, Model answer or Rubric)`);
  }

  // Text past the Markdown budget is reported and never parsed (see markdown-budget.ts).
  const oversized = (field: string, text: string, at: number) => {
    const problem = markdownSizeProblem(text);
    if (problem) report(at, field, problem);
    return problem !== undefined;
  };
  choices.forEach((choice, index) => {
    oversized(`choices.${index}.text`, choice.text, choiceLine);
    if (choice.feedback) oversized(`choices.${index}.feedback`, choice.feedback, choiceLine);
  });
  const explanation = sections.get("explanation") ?? { text: "", line };
  if (prompt.text === "") report(line, "prompt", "must not be empty");
  if (explanation.text === "") report(line, "explanation", 'needs a "### Explanation" section that says why');

  const m = meta.data;
  const params = m.type === "calculated" ? toParamRanges(m.params) : {};
  // Links and math are checked on what a candidate reads: a calculated question with numbers drawn, once
  // its ranges can be drawn from (checkCalculated reports those that cannot).
  const rangesUsable = Object.values(params).every((range) => rangeProblem(range) === undefined);
  const sample = rangesUsable ? drawVariables(params, 0) : {};
  for (const term of m.terms) {
    if (!glossarySlugs.has(term)) report(lineOfKey("terms"), "terms", `no glossary term "${term}" exists`);
  }
  for (const [field, text, startLine] of [["prompt", prompt.text, prompt.line], ["explanation", explanation.text, explanation.line]] as const) {
    const filled = fillPlaceholders(text, sample, 1);
    if (oversized(field, filled, startLine)) continue;
    const tree = parseMarkdown(filled);
    for (const link of findTermLinks(tree)) {
      if (!glossarySlugs.has(link.slug)) report(startLine, field, `links to unknown term "${link.slug}"`);
    }
    const renderFormula = (tex: string, displayMode: boolean) => katex.renderToString(tex, { displayMode, throwOnError: true, strict: "ignore" });
    for (const error of findMathErrors(tree, renderFormula)) report(startLine, field, `invalid math: ${error.message}`);
  }

  const base = { id, difficulty: m.difficulty, terms: m.terms, tags: m.tags, prompt: prompt.text, explanation: explanation.text, line };
  const isChoiceType = m.type === "single" || m.type === "multiple";
  // The list stands where the prompt is written, in a deck file as in the editor.
  if (!isChoiceType && choices.length > 0) report(choiceLine, "prompt", `a ${m.type} question has no "- [ ]" choices`);
  const reportKey = (key: string, message: string) => report(lineOfKey(key), key, message);
  switch (m.type) {
    case "single":
    case "multiple": {
      const correct = choices.filter((choice) => choice.correct).length;
      if (choices.length < 2) report(line, "choices", 'needs at least two "- [ ]" choices');
      else if (m.type === "single" && correct !== 1) report(choiceLine, "choices", `a single-choice question needs exactly one [x], found ${correct}`);
      else if (m.type === "multiple" && correct === 0) report(choiceLine, "choices", "a multiple-select question needs at least one [x]");
      else if (m.type === "multiple" && m.correct !== undefined && correct !== m.correct) {
        report(choiceLine, "correct", `${m.correct} is declared but ${correct} choices are marked [x]`);
      }
      return { ...base, type: m.type, choices, ...(m.shuffle ? {} : { shuffle: false as const }) };
    }
    case "true-false":
      return { ...base, type: m.type, answer: m.answer };
    case "numeric": {
      const tolerance = parseTolerance(m.tolerance);
      if (m.formula !== undefined) checkNumericFormula(m.formula, m.answer, tolerance, reportKey);
      return { ...base, type: m.type, answer: m.answer, tolerance, ...(m.unit ? { unit: m.unit } : {}) };
    }
    case "calculated": {
      checkCalculated(m.formula, params, rangesUsable, prompt.text, reportKey);
      return { ...base, type: m.type, params, formula: m.formula, tolerance: parseTolerance(m.tolerance), ...(m.unit ? { unit: m.unit } : {}) };
    }
    case "short":
      return { ...base, type: m.type, accept: m.accept };
    case "open": {
      const modelAnswer = sections.get("model answer") ?? { text: "", line };
      const rubricSection = sections.get("rubric") ?? { text: "", line };
      const rubric = rubricSection.text
        .split("\n")
        .filter((text) => text.startsWith("- "))
        .map((text) => text.slice(2).trim());
      if (modelAnswer.text === "") report(line, "modelAnswer", 'an open question needs a "### Model answer" section');
      if (rubric.length === 0) report(line, "rubric", 'an open question needs a "### Rubric" list of points');
      oversized("modelAnswer", modelAnswer.text, modelAnswer.line);
      rubric.forEach((point, index) => oversized(`rubric.${index}`, point, rubricSection.line));
      return { ...base, type: m.type, modelAnswer: modelAnswer.text, rubric };
    }
  }
}

function toParamRanges(params: Record<string, [number, number, number]>): Record<string, ParamRange> {
  return Object.fromEntries(Object.entries(params).map(([name, [min, max, step]]) => [name, { min, max, step }]));
}
