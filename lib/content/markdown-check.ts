import type { Root, RootContent } from "mdast";
import { WIKI_LINK } from "./markdown-parse";

/** What the content checker looks for in a parsed text: its glossary links, and formulas KaTeX refuses. */

export type TermLink = { slug: string; line: number };

const GLOSSARY_PATH = /^\/glossary\/([a-z0-9-]+)\/?(?:#.*)?$/;

/** Every glossary link in the body, `[[slug]]` or a plain link to /glossary/slug, with its line. */
export function findTermLinks(tree: Root): TermLink[] {
  const links: TermLink[] = [];
  walk(tree, (node) => {
    if (node.type === "text") {
      // Line breaks are counted from the previous link on, not from the start of the text for each link.
      let line = node.position?.start.line ?? 1;
      let nextBreak = node.value.indexOf("\n");
      for (const match of node.value.matchAll(WIKI_LINK)) {
        for (; nextBreak >= 0 && nextBreak < match.index; nextBreak = node.value.indexOf("\n", nextBreak + 1)) line++;
        links.push({ slug: match[1]!, line });
      }
    } else if (node.type === "link") {
      const slug = GLOSSARY_PATH.exec(node.url)?.[1];
      if (slug) links.push({ slug, line: node.position?.start.line ?? 1 });
    }
  });
  return links;
}

/** Checks every formula with KaTeX, returning the first error message per formula with its line. */
export function findMathErrors(
  tree: Root,
  renderFormula: (tex: string, displayMode: boolean) => void,
): { line: number; message: string }[] {
  const errors: { line: number; message: string }[] = [];
  walk(tree, (node) => {
    if (node.type !== "math" && node.type !== "inlineMath") return;
    try {
      renderFormula(node.value, node.type === "math");
    } catch (error) {
      errors.push({ line: node.position?.start.line ?? 1, message: (error as Error).message });
    }
  });
  return errors;
}

function walk(node: Root | RootContent, visit: (node: RootContent) => void) {
  if (node.type !== "root") visit(node);
  if ("children" in node) for (const child of node.children as RootContent[]) walk(child, visit);
}
