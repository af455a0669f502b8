import {
  choiceLetter,
  importedFields,
  letteredChoices,
  reachedImportCap,
  runImport,
  type ExportableQuestion,
  type ImportedQuestion,
  type ImportProblem,
  type ImportResult,
} from "./imported-question";

/**
 * Aiken, the simplest quiz format Moodle reads: single-choice questions only, with no feedback, tags or
 * explanation (toAiken leaves those out).
 *
 *     Which metric ignores false negatives?
 *     A. Precision
 *     B) Recall
 *     ANSWER: A
 *
 * The prompt may run over several consecutive lines; after a blank line, a line that is neither an
 * option nor ANSWER starts the next question, as in Moodle.
 */

const OPTION_LINE = /^([A-Z])[.)](?:\s+(.*))?$/;
const ANSWER_LINE = /^ANSWER:(.*)$/i;
const MAX_OPTIONS = 26;

type Draft = {
  line: number;
  prompt: string[];
  options: { letter: string; text: string; line: number }[];
  /** Option lines past MAX_OPTIONS, counted but not kept. */
  extraOptions: number;
};

export function parseAiken(text: string): ImportResult {
  return runImport(text, (source) => {
    const questions: ImportedQuestion[] = [];
    const problems: ImportProblem[] = [];
    let draft: Draft | undefined;
    let afterBlank = false;
    const abandon = () => {
      if (!draft) return;
      const missing = draft.options.length === 0 ? "no options and no ANSWER line" : "no ANSWER line";
      problems.push({
        line: draft.line,
        message: `${missing}: end each question with its options (A. …) and ANSWER: followed by a letter`,
      });
      draft = undefined;
    };

    const finish = ({ line, prompt, options, extraOptions }: Draft, letter: string, answerLine: number) => {
      const before = problems.length;
      const report = (at: number, message: string) => problems.push({ line: at, message });
      if (extraOptions > 0)
        report(line, `a question may have at most ${MAX_OPTIONS} options, found ${options.length + extraOptions}`);
      if (prompt.length === 0) report(line, "empty question text: write the question on the line before its options");
      if (options.length < 2) report(line, `a question needs at least 2 options, found ${options.length}`);
      const letters = new Set<string>();
      for (const option of options) {
        if (option.text === "") report(option.line, `option ${option.letter} has no text`);
        if (letters.has(option.letter)) report(option.line, `option ${option.letter} appears twice`);
        letters.add(option.letter);
      }
      if (!/^[A-Z]$/i.test(letter)) {
        report(answerLine, `ANSWER must be one option letter, as in "ANSWER: B"; found "${letter}"`);
      } else if (options.length > 0 && !letters.has(letter.toUpperCase())) {
        report(
          answerLine,
          `ANSWER: ${letter.toUpperCase()} names no option; the options are ${[...letters].join(", ")}`,
        );
      }
      if (problems.length > before) return;
      questions.push({
        ...importedFields({ line, prompt: prompt.join("\n").trim() }),
        type: "single",
        choices: options.map((option) => ({ text: option.text, correct: option.letter === letter.toUpperCase() })),
      });
    };

    for (const [index, raw] of source.split("\n").entries()) {
      if (reachedImportCap({ questions, problems })) return { questions, problems };
      const line = index + 1;
      const trimmed = raw.trim();
      const option = OPTION_LINE.exec(trimmed);
      const answer = ANSWER_LINE.exec(trimmed);
      if (trimmed === "") {
        afterBlank = true;
        continue;
      }
      if (answer) {
        if (draft) finish(draft, answer[1]!.trim(), line);
        else problems.push({ line, message: "an ANSWER line with no question before it" });
        draft = undefined;
      } else if (option) {
        // Options with no text before them still make a question, so its problem is reported once.
        draft ??= { line, prompt: [], options: [], extraOptions: 0 };
        // Past the most a question may hold, options are only counted: a file of nothing but option lines
        // must not build, and then check one by one, a list as long as the file.
        if (draft.options.length < MAX_OPTIONS)
          draft.options.push({ letter: option[1]!, text: option[2]?.trim() ?? "", line });
        else draft.extraOptions++;
      } else if (draft && draft.options.length === 0 && !afterBlank) {
        draft.prompt.push(raw.trimEnd());
      } else {
        abandon();
        draft = { line, prompt: [trimmed], options: [], extraOptions: 0 };
      }
      afterBlank = false;
    }
    abandon();
    return { questions, problems };
  });
}

export function toAiken(questions: ExportableQuestion[]): {
  text: string;
  skipped: { index: number; reason: string }[];
} {
  const blocks: string[] = [];
  const skipped: { index: number; reason: string }[] = [];
  questions.forEach((question, index) => {
    const written = writeAiken(question);
    if ("reason" in written) skipped.push({ index, reason: written.reason });
    else blocks.push(written.block);
  });
  return { text: blocks.map((block) => `${block}\n`).join("\n"), skipped };
}

/** The question as Aiken, or why it cannot be written so that parseAiken reads it back unchanged. */
function writeAiken(question: ExportableQuestion): { block: string } | { reason: string } {
  if (question.type !== "single")
    return {
      reason: `a ${question.type} question cannot be written in Aiken, which holds single-choice questions only`,
    };
  const { prompt, choices } = question;
  const lines = prompt.split("\n");
  const correct = choices.filter((choice) => choice.correct);
  const limits: [broken: boolean, reason: string][] = [
    [prompt.trim() === "", "the prompt is empty"],
    [
      lines.some((line) => line.trim() === ""),
      "the prompt has several paragraphs, and a blank line ends an Aiken question",
    ],
    [
      lines.some((line) => OPTION_LINE.test(line.trim()) || ANSWER_LINE.test(line.trim())),
      "a line of the prompt would be read as an option or an ANSWER line",
    ],
    [
      choices.length < 2 || choices.length > MAX_OPTIONS,
      `Aiken needs 2 to ${MAX_OPTIONS} choices, this question has ${choices.length}`,
    ],
    [correct.length !== 1, "Aiken needs exactly one correct choice"],
    [
      choices.some((choice) => choice.text.includes("\n") || choice.text.trim() === ""),
      "Aiken choices are one non-empty line each",
    ],
  ];
  const reason = limits.find(([broken]) => broken)?.[1];
  if (reason) return { reason };
  return {
    block: [prompt, ...letteredChoices(choices), `ANSWER: ${choiceLetter(choices.indexOf(correct[0]!))}`].join("\n"),
  };
}
