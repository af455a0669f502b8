import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from "mdast";
import rehypeKatex, { type Options as KatexOptions } from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parseMarkdown, WIKI_LINK, type TermNames } from "./markdown-parse";

/** Markdown -> sanitized HTML, with KaTeX rendered on the server (no math JavaScript in the browser). */

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

type HastParent = HastRoot | Element;

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

/** From the parsed tree on: built once, as the parser is, and run on each text's tree. */
const renderer = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeKatex, katexOptions)
  .use(rehypeSlimMathml)
  .use(rehypeStringify)
  .freeze();

export function renderMarkdown(markdown: string, termName: TermNames): string {
  const tree = parseMarkdown(markdown);
  linkWikiTerms(tree, termName);
  return renderer.stringify(renderer.runSync(tree));
}

/** Replaces `[[slug]]` and `[[slug|label]]` with links to the term (label defaults to its name). */
function linkWikiTerms(node: Root | RootContent, termName: TermNames) {
  if (!("children" in node)) return;
  const parent = node as Parent;
  parent.children = (parent.children as RootContent[]).flatMap((child) =>
    child.type === "text" && child.value.includes("[[") ? splitWikiLinks(child, termName) : [child],
  ) as Parent["children"];
  for (const child of parent.children as RootContent[]) linkWikiTerms(child, termName);
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
