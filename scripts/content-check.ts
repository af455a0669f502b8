/**
 * `npm run content:check`: validates content/ (glossary and decks) and prints every problem as
 * `file:line: message` (the format editors and CI annotate), then the coverage per topic, which it also
 * writes to docs/content-coverage.md. Exits 1 when there is any problem.
 */
import { writeFileSync } from "node:fs";
import { coverageMarkdown, coverageText, computeCoverage } from "@/lib/content/coverage";
import { formatProblem, loadContent } from "@/lib/content/load-glossary";

const { terms, decks, problems } = loadContent();
for (const problem of problems) console.error(formatProblem(problem));
const coverage = computeCoverage(terms, decks);
writeFileSync("docs/content-coverage.md", coverageMarkdown(coverage));
console.log(`\n${coverageText(coverage)}\n`);
if (problems.length > 0) {
  console.error(`content:check failed: ${problems.length} problem(s).`);
  process.exit(1);
}
const total = coverage.at(-1)!;
console.log(`content:check passed: ${terms.length} glossary terms, ${decks.length} decks, ${total.questions} questions (coverage in docs/content-coverage.md).`);
