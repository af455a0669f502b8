import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import tseslint from "typescript-eslint";

/** Imports that would tie a layer to one it must not know (README "Layout"); each entry's message says why. */
const NEXT_AND_PRISMA = [
  {
    group: ["next", "next/*", "next-auth", "next-auth/*"],
    message: "lib/domain is pure: no Next.js. Pass what it needs in.",
  },
  {
    group: ["@prisma/*", "@/prisma/*", "**/prisma/generated/*"],
    message: "lib/domain is pure: no Prisma. Data access lives in lib/data.",
  },
];
const DATA_LAYER = {
  group: ["@/lib/data", "@/lib/data/*", "**/lib/data/*"],
  message: "Only server code reaches the database: go through lib/data from a route, action or page.",
};
const COMPONENTS = {
  group: ["@/components/*", "**/components/*"],
  message: "lib never imports components: move the shared type or value into lib.",
};

export const layerBoundaries = [
  {
    files: ["lib/domain/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...NEXT_AND_PRISMA, DATA_LAYER, COMPONENTS] }] },
  },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [DATA_LAYER] }] } },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/domain/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [COMPONENTS] }] },
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its error; a promise passed where a void callback is expected
      // (onClick={async …}) too, unless it is handled inside.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // A new member of a union (a question type, an outcome code) must be handled wherever it is switched on.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // typeof import("…") stays allowed: vi.mock's importOriginal<typeof import("…")>() needs it.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // A leading underscore marks what is left out on purpose (`const { line: _, ...rest } = …`).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...layerBoundaries,
  // Formatting is Prettier's (npm run lint runs it); no ESLint rule argues with it.
  prettier,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "prisma/generated/**",
    "prisma/postgresql/generated/**",
    "lib/content/generated/**",
    "public/generated/**",
    "data/**",
    "test-results/**",
    "next-env.d.ts",
  ]),
]);
