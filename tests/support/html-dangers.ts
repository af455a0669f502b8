import type { Element, Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";

/** Elements that run code, load other documents or restyle the page, whatever their attributes. */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "style",
  "link",
  "meta",
  "base",
  "form",
  "input",
  "button",
  "frame",
  "frameset",
  "template",
  "svg",
  "video",
  "audio",
  "source",
  "marquee",
  "body",
  "noscript",
]);
const URL_PROPERTIES = ["href", "src", "action", "formAction", "xLinkHref", "background", "poster", "srcDoc", "data"];

/** Every way the rendered HTML could still run script or take over the page, found by parsing it like a browser. */
export function dangers(html: string): string[] {
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
          const url = String(value)
            .replace(/[\u0000-\u0020]/g, "")
            .toLowerCase();
          if (/^(javascript|vbscript|data):/.test(url)) found.push(`${element.tagName}[${name}=${url.slice(0, 30)}]`);
        }
      }
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}
