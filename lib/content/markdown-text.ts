import type { Root, RootContent } from "mdast";
import { parseMarkdown, WIKI_LINK, type TermNames } from "./markdown-parse";

/** Markdown as the words a reader sees: for search, snippets, summaries and the glossary's word count. */

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
