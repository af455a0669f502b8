import { fromHtml } from "hast-util-from-html";
import type { Element, Nodes } from "hast";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown";
import { XSS_PAYLOADS } from "@/tests/fixtures/xss-payloads";

/** Elements that run code, load other documents or restyle the page, whatever their attributes. */
const FORBIDDEN_ELEMENTS = new Set(["script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "input", "button", "frame", "frameset", "template", "svg", "video", "audio", "source", "marquee", "body", "noscript"]);
const URL_PROPERTIES = ["href", "src", "action", "formAction", "xLinkHref", "background", "poster", "srcDoc", "data"];

/** Every way the rendered HTML could still run script or take over the page, found by parsing it like a browser. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "element") {
      const element = node as Element;
      if (FORBIDDEN_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
      for (const [name, value] of Object.entries(element.properties)) {
        if (/^on/i.test(name)) found.push(`${element.tagName}[${name}]`);
        if (name === "style" || name === "srcDoc") found.push(`${element.tagName}[${name}]`);
        if (name === "id" || name === "name") found.push(`${element.tagName}[${name}] (DOM clobbering)`);
        if (URL_PROPERTIES.includes(name)) {
          const url = String(value).replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (/^(javascript|vbscript|data):/.test(url)) found.push(`${element.tagName}[${name}=${url.slice(0, 30)}]`);
        }
      }
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

const termName = (slug: string) => (slug === "kv-cache" ? "KV cache" : undefined);

describe("rendering authored Markdown neutralises script injection", () => {
  it("has a corpus of at least 50 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload]))("%s", (payload) => {
    const html = renderMarkdown(payload, termName);
    expect(dangers(html)).toEqual([]);
    // The same payload inside surrounding prose and a list must not escape either.
    expect(dangers(renderMarkdown(`Before\n\n- item ${payload}\n\nAfter ${payload}`, termName))).toEqual([]);
  });

  it("the checker itself catches what it claims to (so the test can fail)", () => {
    expect(dangers('<img src="x" onerror="alert(1)">')).toContain("img[onError]");
    expect(dangers('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(dangers("<script>alert(1)</script>")).toEqual(["<script>"]);
    expect(dangers('<p style="color:red">x</p>')).toEqual(["p[style]"]);
  });

  it("keeps what authors legitimately write: emphasis, code, safe links, tables and math", () => {
    const html = renderMarkdown("**Bold** `code` [docs](https://example.com) [[kv-cache]]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$x^2$", termName);
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="/glossary/kv-cache"');
    expect(html).toContain("<table>");
    expect(html).toContain("<math");
  });
});
