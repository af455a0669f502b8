import "server-only";
import { randomBytes } from "node:crypto";

/** Lower-case letters and digits: ids stay valid deck-format slugs (docs/deck-format.md). */
function randomSlugPart(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** "feature-stores-101-k3x9qa": readable in URLs, and the suffix keeps it clear of content deck slugs. */
export function newDeckId(title: string): string {
  const words = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${words || "deck"}-${randomSlugPart(6)}`;
}

export function newQuestionId(): string {
  return `q-${randomSlugPart(12)}`;
}
