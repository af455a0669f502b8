import matter from "gray-matter";
import katex from "katex";
import type { Root } from "mdast";
import type { ContentProblem } from "./content-problem";
import { DEFINITION_WORDS, FAST_MOVING_TOPICS, SLUG_PATTERN, glossaryFrontMatterSchema, type GlossaryFrontMatter } from "@/lib/schemas/glossary";
import { findMathErrors, findTermLinks } from "./markdown-check";
import { parseMarkdown } from "./markdown-parse";
import { countWords, plainText } from "./markdown-text";

/**
 * Validates the glossary as a whole: each file on its own (front matter, body, math), then the
 * corpus (duplicate slugs, aliases claimed twice, links to terms that do not exist). Pure: it takes
 * file contents, so tests feed it strings and the CLI and the build feed it files.
 */

export type SourceFile = { path: string; source: string };

export type ParsedTerm = GlossaryFrontMatter & {
  slug: string;
  path: string;
  body: string;
  tree: Root;
  /** 1-based line of the file where the body starts, to turn body positions into file lines. */
  bodyLine: number;
  /** The front matter's lines (file line = index + 2), to point errors at the line concerned. */
  frontMatterLines: string[];
};

export type GlossaryCheck = { terms: ParsedTerm[]; problems: ContentProblem[] };

export function slugFromPath(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.md$/, "");
}

/** Normalized form under which two names or aliases count as the same ("KV-cache" = "kv cache"). */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]+/gu, " ")
    .trim();
}

export function checkGlossary(files: SourceFile[]): GlossaryCheck {
  const problems: ContentProblem[] = [];
  const terms: ParsedTerm[] = [];
  for (const file of files) {
    const parsed = parseTermFile(file, problems);
    if (parsed) terms.push(parsed);
  }
  checkCorpus(terms, problems);
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  return { terms: terms.sort((a, b) => a.slug.localeCompare(b.slug)), problems };
}

function parseTermFile(file: SourceFile, problems: ContentProblem[]): ParsedTerm | undefined {
  const report = (line: number, message: string) => problems.push({ path: file.path, line, message });
  const slug = slugFromPath(file.path);
  if (!SLUG_PATTERN.test(slug)) report(1, `file name "${slug}" is not a valid slug (lower-case words joined by hyphens)`);

  const lines = file.source.split("\n");
  if (lines[0]?.trim() !== "---") {
    report(1, "front matter missing: the file must start with a line '---'");
    return undefined;
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (closing < 0) {
    report(1, "front matter is not closed by a line '---'");
    return undefined;
  }
  const frontMatterLines = lines.slice(1, closing);
  const lineOfKey = (key: PropertyKey | undefined, value?: string) => {
    if (value !== undefined) {
      const valueLine = frontMatterLines.findIndex((line) => line.includes(value));
      if (valueLine >= 0) return valueLine + 2;
    }
    const keyLine = frontMatterLines.findIndex((line) => line.startsWith(`${String(key)}:`));
    return keyLine >= 0 ? keyLine + 2 : 1;
  };

  let data: unknown;
  try {
    // gray-matter caches by content; an empty options object turns the cache off so errors repeat.
    data = matter(file.source, {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    report(mark?.line !== undefined ? mark.line + 2 : 1, `invalid YAML in front matter: ${reason}`);
    return undefined;
  }

  const result = glossaryFrontMatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [key, index] = issue.path;
      const value =
        typeof index === "number" && data && typeof data === "object"
          ? String((data as Record<string, unknown[]>)[String(key)]?.[index] ?? "")
          : undefined;
      const field = issue.path.length > 0 ? issue.path.join(".") : "front matter";
      report(lineOfKey(key, value || undefined), `${field}: ${issue.message}`);
    }
    return undefined;
  }

  const bodyLine = closing + 2;
  const body = lines.slice(closing + 1).join("\n");
  const tree = parseMarkdown(body);
  const toFileLine = (bodyRelative: number) => bodyLine + bodyRelative - 1;
  if (body.trim() === "") {
    report(bodyLine, "the definition (body) is empty");
  } else {
    const words = countWords(plainText(tree, (s) => s));
    if (words < DEFINITION_WORDS.min || words > DEFINITION_WORDS.max) {
      report(bodyLine, `the definition has ${words} words; it must have ${DEFINITION_WORDS.min} to ${DEFINITION_WORDS.max}`);
    }
    const renderFormula = (tex: string, displayMode: boolean) =>
      katex.renderToString(tex, { displayMode, throwOnError: true, strict: "ignore" });
    for (const error of findMathErrors(tree, renderFormula)) report(toFileLine(error.line), `invalid math: ${error.message}`);
  }
  const frontMatter = result.data;
  const fastMoving = FAST_MOVING_TOPICS.filter((topic) => frontMatter.topics.includes(topic));
  if (fastMoving.length > 0 && !frontMatter.reviewed) {
    report(lineOfKey("topics"), `a term about ${fastMoving.join(" and ")} needs "reviewed: YYYY-MM", the month its facts were last checked`);
  }
  for (const [field, slugs] of [["related", frontMatter.related], ["contrast", frontMatter.contrast]] as const) {
    if (slugs.includes(slug)) report(lineOfKey(field), `${field} lists the term itself`);
  }
  return { ...frontMatter, slug, path: file.path, body, tree, bodyLine, frontMatterLines };
}

function checkCorpus(terms: ParsedTerm[], problems: ContentProblem[]) {
  const bySlug = new Map<string, ParsedTerm>();
  for (const term of terms) {
    const first = bySlug.get(term.slug);
    if (first) problems.push({ path: term.path, line: 1, message: `duplicate slug "${term.slug}" (also ${first.path})` });
    else bySlug.set(term.slug, term);
  }

  // A name or alias must lead to one term only: search and URLs rely on it.
  const claims = new Map<string, { term: ParsedTerm; name: string }[]>();
  for (const term of terms) {
    const names = new Map<string, string>();
    for (const name of [term.term, ...term.aliases]) names.set(nameKey(name), name);
    for (const [key, name] of names) {
      const list = claims.get(key) ?? [];
      list.push({ term, name });
      claims.set(key, list);
    }
  }
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    for (const { term, name } of list) {
      const others = list.filter((other) => other.term !== term).map((other) => other.term.slug);
      problems.push({
        path: term.path,
        line: lineContaining(term, name),
        message: `the name or alias "${name}" is also claimed by ${others.join(", ")}`,
      });
    }
  }

  for (const term of terms) {
    for (const field of ["related", "contrast"] as const) {
      for (const target of term[field]) {
        if (!bySlug.has(target)) {
          problems.push({ path: term.path, line: lineContaining(term, target), message: `${field}: no term "${target}" exists` });
        }
      }
    }
    for (const link of findTermLinks(term.tree)) {
      if (!bySlug.has(link.slug)) {
        problems.push({ path: term.path, line: term.bodyLine + link.line - 1, message: `link to unknown term "${link.slug}"` });
      }
    }
  }
}

/** Line of the front matter mentioning `text` (for errors about one alias or slug), else line 1. */
function lineContaining(term: ParsedTerm, text: string): number {
  const index = term.frontMatterLines.findIndex((line) => line.includes(text));
  return index >= 0 ? index + 2 : 1;
}
