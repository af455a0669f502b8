import matter from "gray-matter";
import type { Choice } from "@/lib/domain/question";
import { deckFrontMatterSchema, type DeckFrontMatter } from "@/lib/schemas/deck";
import type { ContentProblem } from "./content-problem";
import type { SourceFile } from "./glossary-check";

/**
 * Reads a deck file (docs/deck-format.md) into its front matter and its question blocks, each part with
 * the file line it starts on. What the parts must hold is deck-check.ts's business; only a file that
 * cannot be read this far is reported here.
 */

export type Report = (problem: Omit<ContentProblem, "path">) => void;

/** A part of a question with the file line it starts on. */
export type Located = { text: string; line: number };

export type QuestionBlock = {
  id: string;
  /** 1-based file line of the `## id` heading. */
  line: number;
  /** The `key: value` lines as YAML reads them, not checked yet. */
  meta: unknown;
  /** The file line of a metadata key, or of the heading when the key is absent. */
  lineOfKey: (key: string) => number;
  prompt: Located;
  choices: Choice[];
  /** The line of the first choice, or where the prompt starts when there are none. */
  choiceLine: number;
  /** `### Section` parts by lower-cased name, known or not. */
  sections: Map<string, Located>;
};

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

export function parseDeckFile(file: SourceFile, report: Report): { frontMatter: DeckFrontMatter; blocks: QuestionBlock[] } | undefined {
  const lines = file.source.split("\n");
  const closing = lines[0]?.trim() === "---" ? lines.findIndex((line, index) => index > 0 && line.trim() === "---") : -1;
  if (closing < 0) {
    report({ line: 1, message: "front matter missing: the file must start with a block between two '---' lines" });
    return undefined;
  }
  const frontMatter = parseYaml(lines.slice(1, closing), 2, (line, message) => report({ line, message }));
  if (frontMatter === undefined) return undefined;
  const deckMeta = deckFrontMatterSchema.safeParse(frontMatter);
  if (!deckMeta.success) {
    for (const issue of deckMeta.error.issues) {
      const key = String(issue.path[0] ?? "");
      const index = lines.slice(1, closing).findIndex((line) => line.startsWith(`${key}:`));
      report({ line: index >= 0 ? index + 2 : 1, message: `${issue.path.join(".") || "front matter"}: ${issue.message}` });
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
  if (starts.length === 0) report({ line: closing + 2, message: "the deck has no questions (each starts with a line '## question-id')" });
  const blocks = starts.flatMap((start, n) => parseBlock(lines.slice(start, starts[n + 1] ?? lines.length), start + 1, report) ?? []);
  return { frontMatter: deckMeta.data, blocks };
}

/** YAML lines as data, or undefined after reporting where YAML stopped reading them. */
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
function parseBlock(block: string[], line: number, report: Report): QuestionBlock | undefined {
  const id = headingText(block[0]!, "## ")!;
  let cursor = 1;
  while (cursor < block.length && block[cursor]!.trim() !== "") cursor++;
  const metaLines = block.slice(1, cursor);
  // Looked up once: a problem per unknown term would otherwise rescan every metadata line.
  const keyLines = new Map<string, number>();
  metaLines.forEach((text, index) => {
    const key = META_KEY.exec(text)?.[1];
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, line + 1 + index);
  });
  // About the metadata as a whole (field ""): the line says where YAML stopped reading it.
  const meta = parseYaml(metaLines, line + 1, (at, message) => report({ line: at, questionId: id, field: "", message }));
  if (meta === undefined) return undefined;

  // Split the rest into the main part (prompt and choices) and `### Section` parts.
  const main: string[] = [];
  const mainLine = line + cursor;
  const sections = new Map<string, { text: string[]; line: number }>();
  let current = main;
  for (let index = cursor; index < block.length; index++) {
    const heading = headingText(block[index]!, "### ");
    if (heading === undefined) {
      current.push(block[index]!);
      continue;
    }
    current = [];
    sections.set(heading.toLowerCase(), { text: current, line: line + index });
  }
  const { prompt, choices, choiceLine } = splitChoices(main, mainLine, (at, message) => report({ line: at, questionId: id, field: "choices", message }));
  return {
    id,
    line,
    meta,
    lineOfKey: (key) => keyLines.get(key) ?? line,
    prompt: { text: prompt, line: mainLine },
    choices,
    choiceLine,
    sections: new Map([...sections].map(([name, section]) => [name, { text: section.text.join("\n").trim(), line: section.line }])),
  };
}

/** Separates the prompt from a trailing `- [ ]` / `- [x]` list with optional `  > feedback` lines. */
function splitChoices(text: string[], firstLine: number, report: (line: number, message: string) => void) {
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
      report(firstLine + index, "text after the choices; put it in the prompt or a ### section");
    }
  }
  return { prompt: text.slice(0, first).join("\n").trim(), choices, choiceLine: firstLine + first };
}
