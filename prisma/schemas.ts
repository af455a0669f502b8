/**
 * One source of truth for the models, two providers. prisma/schema.prisma (SQLite) is the schema people
 * edit; prisma/postgresql/schema.prisma is derived from it by changing the datasource provider, and is
 * checked in so that its diff (and the PostgreSQL migration it calls for) is reviewed with the change.
 * scripts/prisma-schemas.ts writes it; these are the pure functions it and the drift test share.
 *
 * tests/unit/prisma-schemas.test.ts fails when the two drift apart (docs/decisions/016-postgresql.md).
 */
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

const GENERATED_HEADER = [
  "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.ts: do not edit. Edit prisma/schema.prisma,",
  "// run `npx tsx scripts/prisma-schemas.ts`, and add a migration to both prisma/migrations (SQLite) and",
  "// prisma/postgresql/migrations (docs/decisions/016-postgresql.md).",
  "",
].join("\n");

/** The text of every `datasource` and `generator` block, found by their braces. */
type Block = { kind: "datasource" | "generator"; start: number; end: number };

function configBlocks(schema: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /^(datasource|generator)\s+\w+\s*\{/gm;
  for (let match = pattern.exec(schema); match; match = pattern.exec(schema)) {
    const close = schema.indexOf("\n}", match.index);
    if (close < 0) throw new Error(`unterminated ${match[1]} block in the schema`);
    blocks.push({ kind: match[1] as Block["kind"], start: match.index, end: close + 2 });
  }
  return blocks;
}

/** The PostgreSQL schema for a SQLite schema: the same text with the datasource provider changed. */
export function postgresqlSchema(sqliteSchema: string): string {
  const datasources = configBlocks(sqliteSchema).filter((block) => block.kind === "datasource");
  if (datasources.length !== 1) throw new Error(`expected one datasource block, found ${datasources.length}`);
  const [block] = datasources as [Block];
  const datasource = sqliteSchema.slice(block.start, block.end);
  const provider = /provider\s*=\s*"sqlite"/;
  if (!provider.test(datasource)) throw new Error('the source schema\'s datasource must say provider = "sqlite"');
  const converted = datasource.replace(provider, 'provider = "postgresql"');
  // The generator's output ("./generated") is relative to the schema file, so the PostgreSQL client lands
  // in prisma/postgresql/generated without any change.
  return GENERATED_HEADER + sqliteSchema.slice(0, block.start) + converted + sqliteSchema.slice(block.end);
}

/**
 * What must be the same on both providers: the schema without its datasource and generator blocks, its
 * `//` comments (the generated header) and blank lines. `///` doc comments stay: they are part of the models.
 */
export function modelsOnly(schema: string): string {
  const blocks = configBlocks(schema).reverse();
  let text = schema;
  for (const block of blocks) text = text.slice(0, block.start) + text.slice(block.end);
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "" && !/^\s*\/\/(?!\/)/.test(line))
    .join("\n");
}

/** The `provider` of the schema's datasource block. */
export function datasourceProvider(schema: string): string | undefined {
  const block = configBlocks(schema).find((candidate) => candidate.kind === "datasource");
  return block && /provider\s*=\s*"([^"]+)"/.exec(schema.slice(block.start, block.end))?.[1];
}
