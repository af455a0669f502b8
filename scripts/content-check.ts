/**
 * `npm run content:check`: validates content/ (glossary and decks) and prints every problem as
 * `file:line: message` (the format editors and CI annotate), then the coverage per topic, which it also
 * writes to docs/content-coverage.md, and the answer-cue figures with their gates. Exits 1 when there is
 * any problem; warnings are printed and do not fail.
 */
import { writeFileSync } from "node:fs";
import { answerCueMarkdown, answerCueSummary } from "@/lib/content/answer-cue-gates";
import { coverageMarkdown, coverageText, computeCoverage } from "@/lib/content/coverage";
import { formatProblem } from "@/lib/content/content-problem";
import { loadContent } from "@/lib/content/load-glossary";

const { terms, decks, problems, warnings } = loadContent();
for (const problem of problems) console.error(formatProblem(problem));
for (const warning of warnings) console.warn(`${formatProblem(warning)} (warning)`);
const coverage = computeCoverage(terms, decks);
writeFileSync("docs/content-coverage.md", `${coverageMarkdown(coverage)}\n${answerCueMarkdown(decks)}`);
console.log(`\n${coverageText(coverage)}\n\n${answerCueSummary(decks)}\n`);
if (problems.length > 0) {
  console.error(`content:check failed: ${problems.length} problem(s).`);
  process.exit(1);
}
const total = coverage.at(-1)!;
console.log(
  `content:check passed: ${terms.length} glossary terms, ${decks.length} decks, ${total.questions} questions (coverage in docs/content-coverage.md).`,
);
