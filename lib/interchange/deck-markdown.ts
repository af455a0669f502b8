import type { Choice, Question } from "@/lib/domain/question";
import { questionMeta, type DeckFrontMatter } from "@/lib/schemas/deck";
import { rubricLines } from "./imported-question";

/**
 * Writes a deck in the project's own Markdown format (docs/deck-format.md), the way
 * lib/content/deck-check.ts reads it, so an exported deck can be edited and checked like a shipped one.
 */

/** YAML 1.1 reads these unquoted words as booleans or null. */
const YAML_KEYWORDS = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

export function toDeckMarkdown(deck: DeckFrontMatter, questions: Question[]): string {
  const frontMatter = [
    "---",
    `title: ${yamlString(deck.title)}`,
    `topic: ${yamlString(deck.topic)}`,
    `description: ${yamlString(deck.description)}`,
    `level: ${yamlString(deck.level)}`,
    "---",
  ].join("\n");
  return `${[frontMatter, ...questions.map(writeQuestion)].join("\n\n")}\n`;
}

function writeQuestion(question: Question): string {
  const meta = Object.entries(questionMeta(question)).flatMap(([key, value]) => metaLines(key, value));
  const parts = [`## ${question.id}\n${meta.join("\n")}`, question.prompt];
  if (question.type === "single" || question.type === "multiple")
    parts.push(question.choices.map(writeChoice).join("\n"));
  if (question.type === "open") {
    parts.push(`### Model answer\n${question.modelAnswer}`, `### Rubric\n${rubricLines(question.rubric)}`);
  }
  parts.push(`### Explanation\n${question.explanation}`);
  return parts.join("\n\n");
}

/** One key of questionMeta as YAML the deck checker reads back as the same value. */
function metaLines(key: string, value: unknown): string[] {
  if (key === "params") {
    return [
      "params:",
      ...Object.entries(value as Record<string, number[]>).map(([name, range]) => `  ${name}: [${range.join(", ")}]`),
    ];
  }
  if (key === "formula") return [`formula: ${JSON.stringify(value)}`];
  if (Array.isArray(value)) return [`${key}: ${yamlList(value as string[])}`];
  // A percentage ("2%") is a plain YAML string, written as the shipped decks write it.
  if (typeof value === "string" && key !== "tolerance") return [`${key}: ${yamlString(value)}`];
  return [`${key}: ${String(value)}`];
}

/** `- [x] text` with any further lines indented (read back joined by spaces) and `  > feedback`. */
function writeChoice(choice: Choice): string {
  const [first, ...more] = choice.text.split("\n");
  return [
    `- [${choice.correct ? "x" : " "}] ${first}`,
    ...more.map((line) => `  ${line.trim()}`),
    ...(choice.feedback ? choice.feedback.split("\n").map((line) => `  > ${line}`) : []),
  ].join("\n");
}

function yamlList(values: string[]): string {
  return `[${values.map((value) => yamlString(value, true)).join(", ")}]`;
}

/**
 * A plain scalar when it can only be read back as this string (as the shipped decks are written),
 * otherwise a JSON string, which YAML reads as a double-quoted scalar. Inside `[…]` commas end an item.
 */
function yamlString(value: string, inFlowList = false): string {
  const plain = inFlowList ? /^\p{L}[\p{L}\p{N} _.'()/+-]*$/u : /^\p{L}[\p{L}\p{N} _.,'()/+?-]*$/u;
  return plain.test(value) && !value.endsWith(" ") && !YAML_KEYWORDS.test(value) ? value : JSON.stringify(value);
}
