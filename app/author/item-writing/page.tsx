import { readFileSync } from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import { renderMarkdown } from "@/lib/content/markdown-render";

export const metadata: Metadata = { title: "Writing choice questions" };

// The guide lives in docs/ so it reads the same in the repository; the page renders it at build time.
export const dynamic = "force-static";

/** docs/item-writing.md for authors, linked from the question editor. Public: it holds nothing private. */
export default function ItemWritingPage() {
  const guide = readFileSync(path.join(process.cwd(), "docs", "item-writing.md"), "utf8");
  return <article className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(guide, (slug) => slug) }} />;
}
