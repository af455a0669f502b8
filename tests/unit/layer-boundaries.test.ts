import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerBoundaries } from "@/eslint.config.mjs";

/**
 * The import rules that keep the layers apart (eslint.config.mjs), run on code that crosses them: each
 * must be an error, which fails `npm run lint` and so `npm test` and CI.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.{ts,tsx}"], languageOptions: { parser: tseslint.parser } }, ...layerBoundaries],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.severity === 2).map((message) => message.message);
}

describe("layer boundaries", () => {
  it.each([
    ["lib/domain/example.ts", 'import { db } from "@/lib/data/db";', "Only server code reaches the database"],
    ["lib/domain/example.ts", 'import { NextResponse } from "next/server";', "no Next.js"],
    ["lib/domain/example.ts", 'import { PrismaClient } from "@/prisma/generated/client";', "no Prisma"],
    ["lib/domain/example.ts", 'import type { Prisma } from "@prisma/client";', "no Prisma"],
    ["components/quiz/example.tsx", 'import { db } from "@/lib/data/db";', "Only server code reaches the database"],
    [
      "components/quiz/example.tsx",
      'import { recordAnswer } from "../../lib/data/attempts";',
      "Only server code reaches the database",
    ],
    [
      "lib/authoring/example.ts",
      'import { QuestionEditor } from "@/components/author/question-editor";',
      "lib never imports components",
    ],
    [
      "lib/domain/example.ts",
      'import { QuestionCard } from "../../components/quiz/question-card";',
      "lib never imports components",
    ],
  ])("%s may not say %s", async (filePath, code, reason) => {
    const found = await problems(filePath, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(reason);
  });

  it.each([
    ["lib/domain/example.ts", 'import { choiceOrder } from "./choice-order";'],
    ["lib/data/example.ts", 'import { grade } from "@/lib/domain/grading";'],
    ["components/quiz/example.tsx", 'import { percent } from "@/lib/domain/format";'],
    ["app/api/example/route.ts", 'import { db } from "@/lib/data/db";'],
  ])("%s may say %s", async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});
