import { checkGlossary } from "./glossary-check";
import { GLOSSARY_DIR, readMarkdownFiles } from "./read-content";

/** The glossary in content/, parsed and checked. */
export function loadGlossary(root = process.cwd()) {
  return checkGlossary(readMarkdownFiles(GLOSSARY_DIR, root));
}
