import { compiledFormula, drawVariables, type ParamRange } from "@/lib/domain/calculated";
import type { Formula } from "@/lib/domain/formula";
import { toleranceValue, type Choice, type Tolerance } from "@/lib/domain/question";
import { roundNumber, rubricLines, type ExportableQuestion } from "./imported-question";

/**
 * Questions written as Moodle XML, the inverse of parseMoodleXml (moodle-xml-types.ts says how each type
 * maps). Every Markdown text is written with format="markdown", which Moodle renders and which reads
 * back unchanged. Calculated questions become `calculatedsimple` with a dataset definition per
 * parameter and the formula in Moodle's syntax (`{x}`, pow() for ^); the `mlprep_…` elements keep what
 * Moodle cannot say, so the file reads back as the same questions. Tags are written as `<tags>`, not as
 * categories, so that each question keeps exactly its own. The id is the name and idnumber.
 */

type Numeric = Extract<ExportableQuestion, { type: "numeric" }>;
type Calculated = Extract<ExportableQuestion, { type: "calculated" }>;

export function exportMoodleXml(questions: ExportableQuestion[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.map(writeQuestion).join("")}</quiz>\n`;
}

function writeQuestion(question: ExportableQuestion): string {
  const name = "id" in question ? question.id : (question.title ?? "");
  const [type, body] = typeBody(question);
  const tags = question.tags.map((tag) => `<tag><text>${escapeXml(tag)}</text></tag>`).join("");
  return `  <question type="${type}">
    <name><text>${escapeXml(name)}</text></name>
    ${markdown("questiontext", question.prompt)}
    ${markdown("generalfeedback", question.explanation)}
    <defaultgrade>1</defaultgrade>
    <penalty>0</penalty>
    <hidden>0</hidden>
    <idnumber>${"id" in question ? escapeXml(question.id) : ""}</idnumber>
${body}
    ${tags ? `<tags>${tags}</tags>` : ""}
  </question>
`;
}

function typeBody(question: ExportableQuestion): [string, string] {
  switch (question.type) {
    case "single":
    case "multiple":
      return ["multichoice", choices(question.type === "single", question.choices, question.shuffle !== false)];
    case "true-false":
      return [
        "truefalse",
        [true, false]
          .map((truth) =>
            answer(truth === question.answer ? 100 : 0, String(truth), "<feedback><text></text></feedback>"),
          )
          .join("\n"),
      ];
    case "numeric":
      return ["numerical", numerical(question)];
    case "calculated":
      return ["calculatedsimple", calculated(question)];
    case "short":
      return [
        "shortanswer",
        `    <usecase>0</usecase>\n${question.accept.map((text) => answer(100, text, "")).join("\n")}`,
      ];
    case "open":
      return [
        "essay",
        `    <responseformat>editor</responseformat>
    <responserequired>1</responserequired>
    <responsefieldlines>15</responsefieldlines>
    <attachments>0</attachments>
    ${markdown("graderinfo", graderInfo(question.modelAnswer, question.rubric))}
    <responsetemplate format="html"><text></text></responsetemplate>`,
      ];
  }
}

function choices(single: boolean, list: Choice[], shuffle: boolean): string {
  // Right answers share 100% with five decimals, as Moodle writes 33.33333; wrong ones take -100%.
  const share = Number((100 / Math.max(1, list.filter((choice) => choice.correct).length)).toFixed(5));
  const fraction = (choice: Choice) => (single ? (choice.correct ? 100 : 0) : choice.correct ? share : -100);
  return [
    `    <single>${single}</single>`,
    `    <shuffleanswers>${shuffle}</shuffleanswers>`,
    "    <answernumbering>abc</answernumbering>",
    ...list.map(
      (choice) =>
        `    <answer fraction="${fraction(choice)}" format="markdown">
      <text>${cdata(choice.text)}</text>
      ${markdown("feedback", choice.feedback ?? "")}
    </answer>`,
    ),
  ].join("\n");
}

/** An answer whose text is a value (short answer, number, formula), not Markdown. */
function answer(fraction: number, text: string, extra: string): string {
  return `    <answer fraction="${fraction}" format="moodle_auto_format">
      <text>${escapeXml(text)}</text>
      ${extra}
    </answer>`;
}

function numerical(question: Numeric): string {
  const { answer: value, tolerance } = question;
  const margin = tolerance.kind === "absolute" ? tolerance.value : roundNumber(tolerance.value * Math.abs(value));
  return [
    answer(100, String(value), `<tolerance>${margin}</tolerance>`),
    ...(tolerance.kind === "relative" ? [`    <mlprep_tolerance>${toleranceValue(tolerance)}</mlprep_tolerance>`] : []),
    units(question.unit),
  ].join("\n");
}

function units(unit: string | undefined): string {
  if (!unit) return "";
  return `    <units><unit><multiplier>1</multiplier><unit_name>${escapeXml(unit)}</unit_name></unit></units>
    <unitgradingtype>0</unitgradingtype>
    <showunits>3</showunits>
    <unitsleft>0</unitsleft>`;
}

function calculated(question: Calculated): string {
  const { params, formula, tolerance } = question;
  const moodleFormula = toMoodleFormula(compiledFormula(formula).root);
  // Moodle draws from dataset items it stores: ten draws of mlprep's own, one per seed.
  const draws = Array.from({ length: ITEMS }, (_, seed) => drawVariables(params, seed));
  return [
    answer(100, moodleFormula, calculatedTolerance(tolerance)),
    `    <mlprep_formula>${escapeXml(formula)}</mlprep_formula>`,
    units(question.unit),
    "    <dataset_definitions>",
    ...Object.entries(params).map(([name, range]) =>
      datasetDefinition(
        name,
        range,
        draws.map((drawn) => drawn[name]!),
      ),
    ),
    "    </dataset_definitions>",
  ].join("\n");
}

/** Moodle's tolerance types: 1 relative, 2 nominal (absolute). Answers are shown to 4 significant figures, as mlprep shows them. */
function calculatedTolerance(tolerance: Tolerance): string {
  return `<tolerance>${tolerance.value}</tolerance>
      <tolerancetype>${tolerance.kind === "relative" ? 1 : 2}</tolerancetype>
      <correctanswerformat>2</correctanswerformat>
      <correctanswerlength>4</correctanswerlength>`;
}

const ITEMS = 10;

function datasetDefinition(name: string, range: ParamRange, items: number[]): string {
  const decimals = decimalsOf(range.step);
  const exactStep = 10 ** -decimals === range.step;
  return `      <dataset_definition>
        <status><text>private</text></status>
        <name><text>${name}</text></name>
        <type>calculatedsimple</type>
        <distribution><text>uniform</text></distribution>
        <minimum><text>${range.min}</text></minimum>
        <maximum><text>${range.max}</text></maximum>
        <decimals><text>${decimals}</text></decimals>${exactStep ? "" : `\n        <mlprep_step>${range.step}</mlprep_step>`}
        <itemcount>${items.length}</itemcount>
        <dataset_items>${items.map((item, index) => `<dataset_item><number>${index + 1}</number><value>${item}</value></dataset_item>`).join("")}</dataset_items>
        <number_of_items>${items.length}</number_of_items>
      </dataset_definition>`;
}

/** Decimals Moodle draws with: those of the step (0.05 -> 2, 5 -> 0). */
function decimalsOf(step: number): number {
  const text = String(step);
  if (text.includes("e-")) return Number(text.split("e-")[1]) + (text.split("e-")[0]!.split(".")[1]?.length ?? 0);
  return text.includes(".") ? text.split(".")[1]!.length : 0;
}

/** mlprep's formula in Moodle's syntax: `{x}` for parameters, pow() for ^, log() for ln, pi() for pi. */
export function toMoodleFormula(node: Formula["root"]): string {
  switch (node.kind) {
    case "number":
      return node.value === Math.PI ? "pi()" : String(node.value);
    case "variable":
      return `{${node.name}}`;
    case "unary":
      return `-(${toMoodleFormula(node.operand)})`;
    case "binary": {
      const [left, right] = [toMoodleFormula(node.left), toMoodleFormula(node.right)];
      return node.operator === "^" ? `pow(${left}, ${right})` : `(${left} ${node.operator} ${right})`;
    }
    case "call": {
      const args = node.args.map(toMoodleFormula);
      if (node.name === "ln") return `log(${args[0]})`;
      if (node.name === "log2") return `(log(${args[0]}) / log(2))`;
      return `${node.name}(${args.join(", ")})`;
    }
  }
}

function graderInfo(modelAnswer: string, rubric: string[]): string {
  // The heading is always written: without it, the reader takes every paragraph for a rubric point.
  return `${modelAnswer ? `### Model answer\n\n${modelAnswer}\n\n` : ""}### Rubric\n${rubricLines(rubric)}`.trim();
}

function markdown(element: string, text: string): string {
  return `<${element} format="markdown"><text>${text ? cdata(text) : ""}</text></${element}>`;
}

/** A CDATA section holds anything but its own end, which is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
