/**
 * `npm run content:check`: validates content/ and prints every problem as `file:line: message`
 * (the format editors and CI annotate). Exits 1 when there is any.
 */
import { loadGlossary } from "@/lib/content/load-glossary";
import { TOPICS } from "@/lib/content/topics";

const { terms, problems } = loadGlossary();
for (const problem of problems) console.error(`${problem.path}:${problem.line}: ${problem.message}`);
if (problems.length > 0) {
  console.error(`\ncontent:check failed: ${problems.length} problem(s).`);
  process.exit(1);
}
const perTopic = TOPICS.map((topic) => `${topic} ${terms.filter((term) => term.topics.includes(topic)).length}`);
console.log(`content:check passed: ${terms.length} glossary terms (${perTopic.join(", ")}).`);
