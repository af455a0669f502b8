import { commonestCountShare, CUE_LIMITS, cueFigures, hasPositionalOption, share, type CueFigures } from "@/lib/domain/answer-cues";
import { shufflesChoices } from "@/lib/domain/choice-order";
import type { ParsedDeck } from "./deck-check";
import type { ContentProblem } from "./content-problem";

/**
 * content:check's gates on answer cues (lib/domain/answer-cues.ts) over the shipped decks, the figures it
 * prints, and the per-deck table it writes into docs/content-coverage.md. A guesser who picks the longest
 * option, or always ticks the usual number of boxes, must stay near chance.
 */

const DECKS_PATH = "content/decks";
const percent = (part: number, whole: number) => `${Math.round(share(part, whole) * 100)}%`;

export function checkAnswerCues(decks: readonly ParsedDeck[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const total = cueFigures(decks.flatMap((deck) => deck.questions));
  if (share(total.singleLongest, total.single) > CUE_LIMITS.singleLongest) {
    problems.push({
      path: DECKS_PATH,
      line: 1,
      message: `the correct option is the strictly longest in ${total.singleLongest} of ${total.single} single-choice questions (${percent(total.singleLongest, total.single)}; at most ${CUE_LIMITS.singleLongest * 100}%): npm run content:cues lists them`,
    });
  }
  for (const deck of decks) {
    const figures = cueFigures(deck.questions);
    if (share(figures.singleLongest, figures.single) > CUE_LIMITS.singleLongestPerDeck) {
      problems.push({
        path: deck.path,
        line: 1,
        message: `the correct option is the strictly longest in ${figures.singleLongest} of this deck's ${figures.single} single-choice questions (at most ${CUE_LIMITS.singleLongestPerDeck * 100}% per deck)`,
      });
    }
  }
  if (share(total.multipleLongest, total.multiple) > CUE_LIMITS.multipleLongest) {
    problems.push({
      path: DECKS_PATH,
      line: 1,
      message: `the correct options are exactly the longest in ${total.multipleLongest} of ${total.multiple} multiple-select questions (${percent(total.multipleLongest, total.multiple)}; at most ${CUE_LIMITS.multipleLongest * 100}%)`,
    });
  }
  const commonest = commonestCountShare(total);
  if (commonest.share > CUE_LIMITS.commonestCount) {
    problems.push({
      path: DECKS_PATH,
      line: 1,
      message: `${Math.round(commonest.share * 100)}% of multiple-select questions have exactly ${commonest.count} correct options (at most ${CUE_LIMITS.commonestCount * 100}% may share one count)`,
    });
  }
  return problems;
}

/** Warnings, not failures: "all/none of the above" reads wrong once the choices are shuffled. */
export function positionalOptionWarnings(decks: readonly ParsedDeck[]): ContentProblem[] {
  return decks.flatMap((deck) =>
    deck.questions
      .filter((question) => shufflesChoices(question) && hasPositionalOption(question.choices))
      .map((question) => ({
        path: deck.path,
        line: question.line,
        questionId: question.id,
        field: "choices",
        message: '"all/none of the above" while choices are shuffled: rewrite the option, or set shuffle: false',
      })),
  );
}

function countsText(figures: CueFigures): string {
  return [...figures.correctCounts].sort(([a], [b]) => a - b).map(([count, questions]) => `${count}: ${questions}`).join(", ") || "-";
}

/** The three figures content:check prints, each with its gate. */
export function answerCueSummary(decks: readonly ParsedDeck[]): string {
  const total = cueFigures(decks.flatMap((deck) => deck.questions));
  const worst = Math.max(0, ...decks.map((deck) => share(cueFigures(deck.questions).singleLongest, cueFigures(deck.questions).single)));
  const commonest = commonestCountShare(total);
  return [
    "Answer cues (gates in brackets):",
    `  correct option strictly longest: ${total.singleLongest} of ${total.single} single-choice questions, ${percent(total.singleLongest, total.single)} [<= 35%]; worst deck ${Math.round(worst * 100)}% [<= 50%]`,
    `  correct options exactly the longest: ${total.multipleLongest} of ${total.multiple} multiple-select questions, ${percent(total.multipleLongest, total.multiple)} [<= 35%]`,
    `  commonest number of correct options: ${commonest.count}, in ${Math.round(commonest.share * 100)}% of multiple-select questions [<= 50%] (counts ${countsText(total)})`,
  ].join("\n");
}

/** The per-deck table of docs/content-coverage.md. */
export function answerCueMarkdown(decks: readonly ParsedDeck[]): string {
  const rows = decks
    .map((deck) => ({ slug: deck.slug, figures: cueFigures(deck.questions) }))
    .filter(({ figures }) => figures.single + figures.multiple > 0)
    .concat([{ slug: "**Total**", figures: cueFigures(decks.flatMap((deck) => deck.questions)) }])
    .map(({ slug, figures }) => {
      const cells = [
        slug,
        String(figures.single),
        `${figures.singleLongest} (${percent(figures.singleLongest, figures.single)})`,
        String(figures.multiple),
        `${figures.multipleLongest} (${percent(figures.multipleLongest, figures.multiple)})`,
        countsText(figures),
      ];
      return `| ${cells.join(" | ")} |`;
    });
  return [
    "## Answer cues per deck",
    "",
    "How far length and count give answers away (gates: the correct option strictly longest in at most 35% of single-choice questions overall and 50% per deck; the correct options exactly the longest in at most 35% of multiple-select questions; no number of correct options in more than half of them). `npm run content:cues` lists the questions behind each figure.",
    "",
    "| Deck | Single | Correct is longest | Multiple | Correct are the longest | Correct options: questions |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
    "",
  ].join("\n");
}
