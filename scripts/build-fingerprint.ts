/**
 * A hash of everything a production build depends on, so `npm start` rebuilds exactly when the build
 * in .next/ is missing or older than the sources, and starts at once otherwise.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "content",
  "docs/item-writing.md",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation-client.ts",
  "tsconfig.json",
  "package-lock.json",
];
const IGNORED = new Set(["generated", "node_modules", ".next"]);
export const FINGERPRINT_FILE = path.join(".next", "mlprep-build-fingerprint");

function collect(entry: string, files: string[]) {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) if (!IGNORED.has(name)) collect(path.join(entry, name), files);
  } else {
    files.push(entry);
  }
}

/** SHA-256 over the paths and bytes of every file under `inputs` (files or folders), in a fixed order. */
export function filesFingerprint(inputs: readonly string[]): string {
  const files: string[] = [];
  for (const input of inputs) collect(input, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function sourceFingerprint(): string {
  return filesFingerprint(INPUTS);
}

export function isBuildCurrent(): boolean {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(FINGERPRINT_FILE)) return false;
  return readFileSync(FINGERPRINT_FILE, "utf8").trim() === sourceFingerprint();
}
