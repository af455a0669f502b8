import { moodleTextToMarkdown } from "./moodle-xml-html";

/**
 * Reading the object fast-xml-parser makes of a Moodle XML question: elements are properties,
 * attributes are `@_name` properties, a leaf element is its string (`parseTagValue: false` keeps
 * numbers as written), and an element both with attributes and text keeps the text as `#text`. A file
 * may repeat any element or leave any out, so every accessor takes the first and copes with none.
 */

export type XmlNode = { [key: string]: unknown };

/** A problem in one question; moodle-xml.ts adds the question's line. */
export class MoodleProblem extends Error {}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asNode(value: unknown): XmlNode | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "object" ? (value as XmlNode) : { "#text": String(value) };
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node ? asNode(first(node[name])) : undefined;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(asNode).filter((entry) => entry !== undefined);
}

/** The text of a leaf element, or of `<element><text>…</text></element>` as Moodle wraps most values. */
export function value(node: XmlNode | undefined, name: string): string {
  const element = child(node, name);
  if (!element) return "";
  const own = element["#text"];
  if (typeof own === "string" && !("text" in element)) return own.trim();
  const text = child(element, "text")?.["#text"];
  return typeof text === "string" ? text.trim() : typeof own === "string" ? own.trim() : "";
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const found = node?.[`@_${name}`];
  return typeof found === "string" ? found : undefined;
}

/** A `<field format="…"><text>…</text></field>` as Markdown, HTML unless the format says otherwise. */
export function markdownField(node: XmlNode | undefined, name: string, defaultFormat = "html"): string {
  const text = value(node, name);
  return text === "" ? "" : moodleTextToMarkdown(text, attribute(child(node, name), "format") ?? defaultFormat);
}

/** A Moodle number as written (`1.0`, `-100`, `33.33333`), or NaN. */
export function number(text: string): number {
  return /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(text.trim()) ? Number(text) : Number.NaN;
}

export function flag(text: string): boolean {
  return text === "1" || text.toLowerCase() === "true";
}
