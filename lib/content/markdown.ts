import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from "mdast";

type HastParent = HastRoot | Element;
import rehypeKatex, { type Options as KatexOptions } from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";

/**
 * Markdown with math, as written in content/ (and later by instructors). One pipeline parses it for
 * rendering, for link checking and for the plain text that search indexes, so what is checked is
 * what is shown.
 */

/** A label holds no bracket: with `[` allowed, an unclosed `[[a|` would be rescanned from every later `[[`. */
const WIKI_LINK = /\[\[([a-z0-9-]+)(?:\|([^[\]]+))?\]\]/g;
const GLOSSARY_PATH = /^\/glossary\/([a-z0-9-]+)\/?(?:#.*)?$/;

export type TermLink = { slug: string; line: number };
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

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkWithoutLinkTokenizer).use(remarkMath);

export function parseMarkdown(markdown: string): Root {
  const tree = parser.parse(markdown);
  remarkDisplayMathParagraphs()(tree);
  return tree;
}

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

/**
 * `$$…$$` written on one line parses as inline math; standing alone in its paragraph it is meant as a
 * display formula, so it becomes one.
 */
function remarkDisplayMathParagraphs() {
  return (tree: Root) => {
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
  };
}

/** Replaces `[[slug]]` and `[[slug|label]]` with links to the term (label defaults to its name). */
function remarkWikiLinks(options: { termName: TermNames }) {
  return (tree: Root) => {
    walkParents(tree, (parent) => {
      const children: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        if (child.type !== "text" || !child.value.includes("[[")) {
          children.push(child);
          continue;
        }
        children.push(...splitWikiLinks(child, options.termName));
      }
      parent.children = children as Parent["children"];
    });
  };
}

function splitWikiLinks(node: Text, termName: TermNames): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let cursor = 0;
  for (const match of node.value.matchAll(WIKI_LINK)) {
    const [whole, slug, label] = match;
    if (match.index > cursor) pieces.push({ type: "text", value: node.value.slice(cursor, match.index) });
    // A qualifier in the display name ("Temperature (sampling)") is noise inside a sentence.
    const name = label ?? termName(slug!)?.replace(/\s*\([^)]*\)$/, "") ?? slug!;
    const link: Link = { type: "link", url: `/glossary/${slug}`, children: [{ type: "text", value: name }] };
    pieces.push(link);
    cursor = match.index + whole.length;
  }
  if (cursor < node.value.length) pieces.push({ type: "text", value: node.value.slice(cursor) });
  return pieces;
}

// Math arrives from remark-math as <code class="language-math math-inline|math-display">; sanitizing
// runs before KaTeX so only KaTeX's own output carries styles, and authors can never inject any.
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./, "math-inline", "math-display"]],
  },
};

// MathML only: browsers render it natively and screen readers read it, with no KaTeX stylesheet or fonts
// to load, at an eighth of the bytes of KaTeX's HTML output (which made term pages 3x heavier).
const katexOptions: KatexOptions = { output: "mathml", strict: "ignore" };

/**
 * Trims KaTeX's MathML to what browsers and screen readers use: the TeX source annotation, the xmlns
 * attribute (HTML parsing does not need it) and the wrapper span are dropped. Term pages are served as
 * fast as their bytes allow, and each formula appears twice in a page (HTML and React payload).
 */
function rehypeSlimMathml() {
  const slim = (node: HastParent) => {
    node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
      if (child.type !== "element") return [child];
      if (child.tagName === "annotation") return [];
      if (child.tagName === "math") delete child.properties.xmlns;
      slim(child);
      const classes = child.properties.className;
      return child.tagName === "span" && Array.isArray(classes) && classes.includes("katex") ? child.children : [child];
    });
  };
  return (tree: HastRoot) => slim(tree);
}

/** Markdown -> sanitized HTML with KaTeX rendered at build time (no math JavaScript in the browser). */
export function renderMarkdown(markdown: string, termName: TermNames): string {
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkWithoutLinkTokenizer)
    .use(remarkMath)
    .use(remarkDisplayMathParagraphs)
    .use(remarkWikiLinks, { termName })
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeKatex, katexOptions)
    .use(rehypeSlimMathml)
    .use(rehypeStringify)
    .processSync(markdown);
  return String(html);
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

/**
 * The text a reader sees, for search and snippets: wiki links become term names, inline math keeps
 * its symbols without LaTeX commands, display math is left out.
 */
export function plainText(tree: Root, termName: TermNames): string {
  const blocks: string[] = [];
  const inline = (node: RootContent): string => {
    switch (node.type) {
      case "text":
        return node.value.replace(WIKI_LINK, (_, slug: string, label?: string) => label ?? termName(slug) ?? slug);
      case "inlineCode":
        return node.value;
      case "inlineMath":
        return texToText(node.value);
      case "break":
        return " ";
      default:
        return "children" in node ? (node.children as RootContent[]).map(inline).join("") : "";
    }
  };
  const block = (node: RootContent) => {
    if (node.type === "math" || node.type === "code" || node.type === "html") return;
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      blocks.push(inline(node).replace(/\s+/g, " ").trim());
    } else if ("children" in node) {
      for (const child of node.children as RootContent[]) block(child);
    }
  };
  for (const child of tree.children) block(child);
  return blocks.filter(Boolean).join(" ");
}

const TEX_SYMBOLS: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", eta: "η", theta: "θ",
  lambda: "λ", mu: "μ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", psi: "ψ", omega: "ω",
  Delta: "Δ", Sigma: "Σ", Theta: "Θ", Omega: "Ω", nabla: "∇", partial: "∂", sum: "Σ", prod: "Π",
  cdot: "·", times: "×", leftarrow: "←", rightarrow: "→", to: "→", approx: "≈", le: "≤", leq: "≤",
  ge: "≥", geq: "≥", ne: "≠", neq: "≠", infty: "∞", in: "∈", sim: "~", pm: "±", log: "log", exp: "exp",
  ll: "≪", gg: "≫", mid: "|", top: "ᵀ",
};

/** Inline TeX as readable text for snippets: `\eta \nabla L` -> "η ∇ L", `\text{AUC}` -> "AUC". */
function texToText(tex: string): string {
  return tex
    .replace(/\\(?:text|mathrm|mathbf|mathit|operatorname|mathcal|mathbb)\{([^{}]*)\}/g, "$1")
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => ` ${TEX_SYMBOLS[name] ?? ""} `)
    .replace(/\\./g, " ")
    .replace(/[{}_^]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\s([,.;:)])/g, "$1")
    .replace(/\(\s/g, "(")
    .trim();
}

/** First sentence of a plain text, for meta descriptions and summaries. */
export function firstSentence(text: string, maxLength = 200): string {
  const match = /^.+?[.!?](?=\s|$)/.exec(text);
  const sentence = match ? match[0] : text;
  return sentence.length <= maxLength ? sentence : `${sentence.slice(0, sentence.lastIndexOf(" ", maxLength - 1))}…`;
}

/** How long a prompt's summary in a list of questions may be. */
export const PROMPT_SUMMARY_CHARS = 140;

/** A Markdown prompt as one line of plain text for lists: its first sentence, term links as their names. */
export function markdownSummary(markdown: string, termName: TermNames, maxLength: number): string {
  return firstSentence(plainText(parseMarkdown(markdown), termName), maxLength);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

type AnyNode = Root | RootContent;

function walk(node: AnyNode, visit: (node: RootContent) => void) {
  if (node.type !== "root") visit(node);
  if ("children" in node) for (const child of node.children as RootContent[]) walk(child, visit);
}

function walkParents(node: AnyNode, visit: (parent: Parent) => void) {
  if (!("children" in node)) return;
  visit(node as Parent);
  for (const child of node.children as RootContent[]) walkParents(child, visit);
}
