import { QUESTION_TYPES, type QuestionType } from "@/lib/schemas/deck";
import { TOPIC_LABELS, TOPICS, type Topic } from "./topics";

/** Terms and questions per topic, by type and difficulty: the table content:check prints and writes to docs/content-coverage.md. */

export type CoverageRow = {
  topic: string;
  terms: number;
  decks: number;
  questions: number;
  byType: Record<QuestionType, number>;
  byDifficulty: [number, number, number];
};

type TermLike = { topics: readonly string[] };
type DeckLike = { topic: string; questions: readonly { type: QuestionType; difficulty: 1 | 2 | 3 }[] };

function emptyRow(topic: string): CoverageRow {
  return { topic, terms: 0, decks: 0, questions: 0, byType: Object.fromEntries(QUESTION_TYPES.map((type) => [type, 0])) as Record<QuestionType, number>, byDifficulty: [0, 0, 0] };
}

/** One row per topic, then a total row (a term in two topics counts once in the total). */
export function computeCoverage(terms: readonly TermLike[], decks: readonly DeckLike[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>(TOPICS.map((topic) => [topic, emptyRow(topic)]));
  const total = emptyRow("total");
  total.terms = terms.length;
  for (const term of terms) for (const topic of term.topics) rows.get(topic)!.terms++;
  for (const deck of decks) {
    const row = rows.get(deck.topic)!;
    for (const target of [row, total]) {
      target.decks++;
      for (const question of deck.questions) {
        target.questions++;
        target.byType[question.type]++;
        const level = (question.difficulty - 1) as 0 | 1 | 2;
        target.byDifficulty[level]++;
      }
    }
  }
  return [...rows.values(), total];
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${Math.round((part / whole) * 100)}%`;
}

function cells(row: CoverageRow): string[] {
  const label = row.topic === "total" ? "Total" : TOPIC_LABELS[row.topic as Topic];
  const [easy, medium, hard] = row.byDifficulty;
  return [
    label,
    String(row.terms),
    String(row.decks),
    String(row.questions),
    ...QUESTION_TYPES.map((type) => String(row.byType[type])),
    `${easy} / ${medium} / ${hard}`,
    `${percent(easy, row.questions)} / ${percent(medium, row.questions)} / ${percent(hard, row.questions)}`,
  ];
}

const HEADER = ["Topic", "Terms", "Decks", "Questions", ...QUESTION_TYPES, "Easy / medium / hard", "Share"];

/** A Markdown table (docs/content-coverage.md). */
export function coverageMarkdown(rows: CoverageRow[]): string {
  const lines = [HEADER, HEADER.map((_, index) => (index === 0 ? "---" : "---:")), ...rows.map(cells)];
  return [
    "# Content coverage",
    "",
    "Written by `npm run content:check` from content/; do not edit by hand.",
    "",
    ...lines.map((line) => `| ${line.join(" | ")} |`),
    "",
  ].join("\n");
}

/** The same table aligned for a terminal. */
export function coverageText(rows: CoverageRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  return table.map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ")).join("\n");
}
