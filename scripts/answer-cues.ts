/**
 * `npm run content:cues [-- deck-slug ...]`: the answer cues of the shipped decks (lib/domain/answer-cues.ts),
 * deck by deck, with each question a guesser could answer from length alone. content:check gates the
 * totals; this lists what to rewrite.
 */
import { correctAreExactlyLongest, correctIsStrictlyLongest, cueFigures, lengthRatio } from "@/lib/domain/answer-cues";
import { loadDecks } from "@/lib/content/load-glossary";
import { loadGlossary } from "@/lib/content/load-glossary";

const wanted = new Set(process.argv.slice(2));
const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
for (const deck of decks.filter((candidate) => wanted.size === 0 || wanted.has(candidate.slug))) {
  const figures = cueFigures(deck.questions);
  const counts = [...figures.correctCounts]
    .sort(([a], [b]) => a - b)
    .map(([count, questions]) => `${count}:${questions}`);
  console.log(
    `${deck.slug}: longest correct ${figures.singleLongest}/${figures.single} single, ${figures.multipleLongest}/${figures.multiple} multiple; correct counts ${counts.join(" ") || "-"}`,
  );
  for (const question of deck.questions) {
    if (question.type !== "single" && question.type !== "multiple") continue;
    const flagged =
      question.type === "single"
        ? correctIsStrictlyLongest(question.choices)
        : correctAreExactlyLongest(question.choices);
    const first = question.choices[0]!.correct ? " (correct written first)" : "";
    if (flagged)
      console.log(
        `  ${deck.path}:${question.line} ${question.id}: correct is longest, ${lengthRatio(question).toFixed(2)}x${first}`,
      );
  }
}
