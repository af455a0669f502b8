import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

/**
 * Markdown with math, as written in content/ and by instructors, parsed by one pipeline built once: the
 * checker (markdown-check.ts), the renderer (markdown-render.ts) and the plain text for search
 * (markdown-text.ts) all read the tree parseMarkdown returns, so what is checked is what is shown.
 * Callers keep markdown-budget.ts in front of it for text that may be hostile.
 */

/** A label holds no bracket: with `[` allowed, an unclosed `[[a|` would be rescanned from every later `[[`. */
export const WIKI_LINK = /\[\[([a-z0-9-]+)(?:\|([^[\]]+))?\]\]/g;

/** A glossary term's display name by slug, for wiki links rendered or read as text. */
export type TermNames = (slug: string) => string | undefined;

/**
 * GFM's tokenizer for bare links ("www.x", "https://x", "a@b.c") is switched off: while a `[` is open, it
 * walks back over the whole paragraph before every letter that could start one, quadratic in the text
 * (20 KB of words after one `[` took 1.7 s). Bare links are still linked, by remark-gfm's pass over the
 * parsed text; only a `*` inside one now reads as emphasis (`<https://…>` keeps it).
 */
function remarkWithoutLinkTokenizer(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ["wwwAutolink", "protocolAutolink", "emailAutolink"] } });
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkWithoutLinkTokenizer).use(remarkMath).freeze();

export function parseMarkdown(markdown: string): Root {
  const tree = parser.parse(markdown);
  displayMathParagraphs(tree);
  return tree;
}

/**
 * `$$…$$` written on one line parses as inline math; standing alone in its paragraph it is meant as a
 * display formula, so it becomes one.
 */
function displayMathParagraphs(tree: Root) {
  tree.children = tree.children.map((node): RootContent => {
    if (node.type !== "paragraph" || node.children.length !== 1) return node;
    const only = node.children[0]!;
    if (only.type !== "inlineMath") return node;
    // Same shape remark-math gives a fenced $$ block, so rehype-katex renders it in display mode.
    const code = { type: "element" as const, tagName: "code", properties: { className: ["language-math", "math-display"] } };
    return {
      type: "math",
      value: only.value,
      position: node.position,
      data: { hName: "pre", hChildren: [{ ...code, children: [{ type: "text", value: only.value }] }] },
    };
  });
}
