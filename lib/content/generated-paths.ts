import path from "node:path";

/** Where the content build writes its output (git-ignored; rebuilt by `npm run build`). */
export const GENERATED_DIR = path.join(process.cwd(), "lib", "content", "generated");
export const GLOSSARY_DATA_FILE = path.join(GENERATED_DIR, "glossary.json");
export const SEARCH_MANIFEST_FILE = path.join(GENERATED_DIR, "search-manifest.json");
export const SEARCH_ASSET_DIR = path.join(process.cwd(), "public", "generated");
