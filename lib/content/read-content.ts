import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SourceFile } from "./glossary-check";

export const GLOSSARY_DIR = path.join("content", "glossary");
export const DECKS_DIR = path.join("content", "decks");

/** Every Markdown file below `dir` (sub-folders allowed), with paths relative to the project root. */
export function readMarkdownFiles(dir: string, root = process.cwd()): SourceFile[] {
  const entries = readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => ({ path: file, source: readFileSync(path.join(root, file), "utf8") }));
}
