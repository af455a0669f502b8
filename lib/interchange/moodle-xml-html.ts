import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Moodle's text formats as mlprep Markdown. Markdown is kept as it is (mlprep's own exports write it);
 * HTML is converted where Markdown says the same thing (paragraphs, line breaks, bold, italics, code,
 * lists, links, headings) and read as plain text otherwise; scripts and styles are dropped with their
 * content, and attributes (event handlers, styles) are never read but for a link's http(s) or mailto
 * address. Whatever comes out is Markdown, which the content checker and the sanitising renderer then
 * treat like any author's text.
 *
 * The HTML is read with fast-xml-parser, which is an XML parser: a fragment it validates (XHTML, which
 * Moodle's editors write, plus unclosed void elements such as <br>) is converted; any other fragment
 * loses text in it (`a < b` reads as a tag), so it becomes plain text by dropping what looks like tags.
 */

type HtmlNode = { [tag: string]: HtmlNode[] | string | Record<string, string> | undefined } & {
  "#text"?: string;
  ":@"?: Record<string, string>;
};

const VOID_TAGS = ["br", "hr", "img", "input", "wbr", "col", "area", "source", "track", "embed", "param"];
const SETTINGS = { unpairedTags: VOID_TAGS, allowBooleanAttributes: true };
const htmlParser = new XMLParser({
  ...SETTINGS,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  stopNodes: ["*.script", "*.style"],
  htmlEntities: true,
  parseTagValue: false,
  trimValues: false,
  transformTagName: (tag) => tag.toLowerCase(),
});
/** Declarations would let the fragment define entities: such a fragment is only ever plain text. */
const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;
const DROPPED = new Set(["script", "style", "head", "title", "template"]);
const MARKDOWN_SPECIAL = /[\\*_`[\]<>~|#]/g;
const SAFE_HREF = /^(?:https?:|mailto:)/i;

/** A text field's content in the given Moodle format as Markdown. */
export function moodleTextToMarkdown(text: string, format: string): string {
  if (format === "markdown") return text.trim();
  if (format === "plain_text") return escapeMarkdown(text).trim();
  // Moodle's auto-format is HTML in which a line break is a line break.
  return htmlToMarkdown(format === "moodle_auto_format" ? text.replaceAll("\n", "<br>") : text);
}

export function htmlToMarkdown(html: string): string {
  const wrapped = `<root>${html}</root>`;
  if (DECLARATION.test(html) || XMLValidator.validate(wrapped, SETTINGS) !== true) return plainText(html);
  try {
    const blocks = convert(htmlParser.parse(wrapped) as HtmlNode[]);
    return tidy(blocks);
  } catch {
    return plainText(html);
  }
}

/**
 * Markdown syntax in text that meant it literally, escaped. Math stays math: MathJax's `\(…\)` and
 * `\[…\]` become mlprep's `$…$` and `$$…$$`, and `$…$` (Moodle's TeX filter) is kept as it is.
 */
function escapeMarkdown(text: string): string {
  let math: string | undefined; // the delimiter that opened the math span the text is in
  return text
    .replace(/\\[()]/g, "$")
    .replace(/\\[[\]]/g, "$$$$")
    .split(/(\$\$?)/)
    .map((part, index) => {
      if (index % 2 === 1) math = math === undefined ? part : math === part ? undefined : math;
      return index % 2 === 1 || math !== undefined ? part : part.replace(MARKDOWN_SPECIAL, "\\$&");
    })
    .join("");
}

function tidy(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function convert(nodes: HtmlNode[], inPre = false): string {
  return nodes.map((node) => convertNode(node, inPre)).join("");
}

function convertNode(node: HtmlNode, inPre: boolean): string {
  if (typeof node["#text"] === "string") {
    return inPre ? node["#text"] : escapeMarkdown(node["#text"].replace(/\s+/g, " "));
  }
  const tag = Object.keys(node).find((key) => key !== ":@");
  if (!tag || DROPPED.has(tag)) return "";
  const children = Array.isArray(node[tag]) ? (node[tag] as HtmlNode[]) : [];
  const inner = () => convert(children, inPre).trim();
  switch (tag) {
    case "br":
      return "\\\n";
    case "hr":
      return "\n\n---\n\n";
    case "p":
    case "div":
    case "blockquote":
    case "section":
    case "article":
    case "table":
    case "tr":
      return `\n\n${inner()}\n\n`;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      return `\n\n${"#".repeat(Number(tag[1]))} ${inner().replaceAll("\\\n", " ")}\n\n`;
    case "strong":
    case "b":
      return wrap(inner(), "**");
    case "em":
    case "i":
      return wrap(inner(), "*");
    case "code":
      return inPre ? convert(children, true) : codeSpan(rawText(children));
    case "pre":
      return `\n\n\`\`\`\n${rawText(children).replace(/^\n/, "").trimEnd()}\n\`\`\`\n\n`;
    case "ul":
    case "ol":
      return `\n\n${listItems(children, tag === "ol")}\n\n`;
    case "a": {
      const href = node[":@"]?.href?.trim() ?? "";
      const text = inner();
      return SAFE_HREF.test(href) && text ? `[${text}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : text;
    }
    case "img":
      return escapeMarkdown(node[":@"]?.alt ?? "");
    case "td":
    case "th":
      return ` ${inner()} `;
    default:
      // sub, sup, span, font and anything else: the text without the markup.
      return convert(children, inPre);
  }
}

function wrap(text: string, marks: string): string {
  return text ? `${marks}${text}${marks}` : "";
}

function listItems(items: HtmlNode[], ordered: boolean): string {
  let number = 0;
  return items
    .filter((item) => "li" in item)
    .map((item) => {
      const text = tidy(convert(Array.isArray(item.li) ? item.li : []))
        .split("\n")
        .join("\n   ");
      return `${ordered ? `${++number}.` : "-"} ${text}`;
    })
    .join("\n");
}

function codeSpan(text: string): string {
  const fence = text.includes("`") ? "`` " : "`";
  return text ? `${fence}${text}${fence.split("").reverse().join("")}` : "";
}

function rawText(nodes: HtmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node["#text"] === "string") return node["#text"];
      const tag = Object.keys(node).find((key) => key !== ":@");
      if (!tag || DROPPED.has(tag)) return "";
      if (tag === "br") return "\n";
      return Array.isArray(node[tag]) ? rawText(node[tag] as HtmlNode[]) : "";
    })
    .join("");
}

/**
 * Text with what looks like tags dropped (`<` then a letter, `/`, `!` or `?`, up to the next `>`),
 * scripts and styles with their content, and entities for `& < >` decoded: one pass of indexOf, so
 * that a file of unclosed `<` costs no more than any other.
 */
export function plainText(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let at = 0;
  for (let open = html.indexOf("<"); open >= 0; open = html.indexOf("<", at)) {
    if (!/[a-z/!?]/i.test(html[open + 1] ?? "")) {
      parts.push(html.slice(at, open + 1));
      at = open + 1;
      continue;
    }
    const close = html.indexOf(">", open);
    if (close < 0) break;
    parts.push(html.slice(at, open));
    at = close + 1;
    const element = /^<(script|style)\b/.exec(lower.slice(open, open + 8))?.[1];
    if (element) {
      const end = lower.indexOf(`</${element}`, at);
      const endClose = end < 0 ? -1 : html.indexOf(">", end);
      at = endClose < 0 ? html.length : endClose + 1;
    }
  }
  parts.push(html.slice(at));
  const text = parts
    .join("")
    .replace(/&(?:lt|gt|amp|nbsp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t]+/g, " ");
  return tidy(escapeMarkdown(text));
}

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&nbsp;": " ",
  "&quot;": '"',
  "&#39;": "'",
};
