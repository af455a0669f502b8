/**
 * `npm run content:check`: validates content/ (glossary and decks) and prints every problem as
 * `file:line: message` (the format editors and CI annotate). Exits 1 when there is any.
 */
import { formatProblem, loadContent } from "@/lib/content/load-glossary";
import { TOPICS } from "@/lib/content/topics";
import { QUESTION_TYPES } from "@/lib/schemas/deck";

const { terms, decks, problems } = loadContent();
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\ncontent:check failed: ${problems.length} problem(s).`);
  process.exit(1);
}
const questions = decks.flatMap((deck) => deck.questions);
const perTopic = TOPICS.map((topic) => `${topic} ${terms.filter((term) => term.topics.includes(topic)).length}`);
const perType = QUESTION_TYPES.map((type) => `${type} ${questions.filter((question) => question.type === type).length}`);
const perDifficulty = [1, 2, 3].map((level) => `${level}: ${questions.filter((question) => question.difficulty === level).length}`);
console.log(`content:check passed: ${terms.length} glossary terms (${perTopic.join(", ")}).`);
console.log(`${decks.length} decks, ${questions.length} questions (${perType.join(", ")}; difficulty ${perDifficulty.join(", ")}).`);
