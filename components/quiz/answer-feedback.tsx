import Link from "next/link";
import { plural } from "@/lib/domain/format";
import type { AnswerOutcome, QuestionView } from "@/lib/domain/question-view";
import { SELF_GRADE_LABELS } from "./question-card";
import { ReportProblem } from "./report-problem";

/** "in 10 minutes", "in 3 days": when FSRS brings the question back. */
export function formatDueIn(dueIso: string, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((new Date(dueIso).getTime() - now) / 60_000));
  if (minutes < 60) return `in ${plural(minutes, "minute")}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${plural(hours, "hour")}`;
  const days = Math.round(hours / 24);
  return `in ${plural(days, "day")}`;
}

/**
 * The verdict, the right answer, the explanation and the glossary terms to read: the teaching part, and,
 * for a signed-in user, a way to report a problem with the question. (Mock interviews show no feedback
 * before their report, so no report form either.)
 */
export function AnswerFeedback({
  outcome,
  questionId,
  type,
  signedIn,
}: {
  outcome: AnswerOutcome;
  /** The question to report problems with; left out where there is nothing to report (the editor's preview). */
  questionId?: string;
  type: QuestionView["type"];
  signedIn: boolean;
}) {
  const { key } = outcome;
  const verdict = outcome.selfGrade
    ? `You graded this ${SELF_GRADE_LABELS[outcome.selfGrade]}.`
    : outcome.correct
      ? "Correct."
      : "Not quite.";
  return (
    <section className="feedback" data-correct={outcome.correct} aria-labelledby="feedback-heading">
      <h3 id="feedback-heading" className="feedback__verdict">
        {verdict}
      </h3>
      {key.answerText && !(outcome.correct && type === "true-false") ? (
        <p>
          {type === "short" ? "Accepted answers" : "Answer"}: <strong>{key.answerText}</strong>
        </p>
      ) : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: key.explanationHtml }} />
      <p className="feedback__terms">
        {outcome.correct ? "Terms this question exercises:" : "Read up on:"}{" "}
        {key.terms.map((term, index) => (
          <span key={term.slug}>
            {index > 0 ? ", " : ""}
            <Link href={`/glossary/${term.slug}`}>{term.name}</Link>
          </span>
        ))}
      </p>
      {outcome.due ? (
        <p className="muted">Scheduled for review {formatDueIn(outcome.due)}.</p>
      ) : !signedIn ? (
        <p className="muted">
          Kept in this browser. <Link href="/sign-up">Create an account</Link> to schedule reviews and keep your
          progress everywhere.
        </p>
      ) : null}
      {signedIn && questionId ? <ReportProblem key={questionId} questionId={questionId} /> : null}
    </section>
  );
}
