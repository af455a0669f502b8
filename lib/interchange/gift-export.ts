import { toleranceValue } from "@/lib/domain/question";
import { escapeGift, escapeText, WEIGHT } from "./gift-escapes";
import {
  roundNumber,
  rubricLines,
  toFixedQuestion,
  type ExportableQuestion,
  type FixedQuestion,
} from "./imported-question";

/** Questions written as GIFT, the inverse of parseGift: gift.ts says how the domain maps onto the format. */

/** The category that holds questions without tags: Moodle's top category of the course. */
const NO_CATEGORY = "$course$/top";

export function toGift(questions: ExportableQuestion[]): string {
  const blocks: string[] = [];
  let categoryTags: string[] = [];
  for (const question of questions.map(toFixedQuestion)) {
    if (question.tags.join("\u0000") !== categoryTags.join("\u0000")) {
      const path = question.tags.map((tag) => tag.replaceAll("/", "//")).join("/");
      blocks.push(`$CATEGORY: ${path || NO_CATEGORY}`);
      categoryTags = question.tags;
    }
    blocks.push(writeQuestion(question));
  }
  return blocks.map((block) => `${block}\n`).join("\n");
}

function writeQuestion(question: FixedQuestion): string {
  const title = "id" in question ? question.id : question.title;
  // The prompt is Markdown, and the marker also keeps a prompt that starts with // or $ from being misread.
  const head = `${title ? `::${escapeGift(title)}::` : ""}[markdown]${escapeGift(question.prompt)}`;
  const comment = question.type === "numeric" ? numericComment(question) : "";
  return `${comment ? `${comment}\n` : ""}${head} ${answerBlock(question)}`;
}

function answerBlock(question: FixedQuestion): string {
  const block = (answers: string[], generalFeedback = question.explanation) => {
    const lines = [...answers, ...(generalFeedback ? [`####${escapeText(generalFeedback)}`] : [])];
    return lines.length === 0 ? "{}" : `{\n${lines.map((line) => `\t${line}`).join("\n")}\n}`;
  };
  switch (question.type) {
    case "single":
      return block(
        question.choices.map(
          (choice) => `${choice.correct ? "=" : "~"}${writeChoice(choice, choice.correct ? 100 : 0)}`,
        ),
      );
    case "multiple": {
      // Five decimals, as Moodle writes fractions such as 33.33333.
      const share = Number((100 / Math.max(1, question.choices.filter((choice) => choice.correct).length)).toFixed(5));
      return block(question.choices.map((choice) => `~%${choice.correct ? share : -100}%${writeChoice(choice)}`));
    }
    case "true-false":
      return block([question.answer ? "TRUE" : "FALSE"]);
    case "numeric": {
      const { answer, tolerance } = question;
      const margin = tolerance.kind === "absolute" ? tolerance.value : roundNumber(tolerance.value * Math.abs(answer));
      return block([`#${answer}:${margin}`]);
    }
    case "short":
      return block(question.accept.map((answer) => `=${writeChoice({ text: answer }, 100)}`));
    case "open":
      return block([], essayFeedback(question.modelAnswer, question.rubric, question.explanation));
  }
}

/**
 * An answer's text and feedback. `impliedWeight` is the weight its marker already gives: a text that
 * itself starts like `%50%` then needs that weight spelled out to be read back as text.
 */
function writeChoice(choice: { text: string; feedback?: string }, impliedWeight?: number): string {
  const weight = impliedWeight !== undefined && WEIGHT.test(choice.text) ? `%${impliedWeight}%` : "";
  return `${weight}${escapeText(choice.text)}${choice.feedback ? `#${escapeText(choice.feedback)}` : ""}`;
}

function numericComment(question: Extract<FixedQuestion, { type: "numeric" }>): string {
  const settings = [
    ...(question.tolerance.kind === "relative" ? [`[tolerance:${toleranceValue(question.tolerance)}]`] : []),
    ...(question.unit ? [`[unit:${question.unit.replaceAll("]", "\\]")}]`] : []),
  ];
  return settings.length > 0 ? `// ${settings.join(" ")}` : "";
}

function essayFeedback(modelAnswer: string, rubric: string[], explanation: string): string {
  return [
    modelAnswer,
    rubric.length > 0 ? `### Rubric\n${rubricLines(rubric)}` : "",
    explanation ? `### Explanation\n${explanation}` : "",
  ]
    .filter((part) => part !== "")
    .join("\n\n");
}
