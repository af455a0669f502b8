import Link from "next/link";
import type { SessionMode, SessionResult } from "./session-types";

function plainPrompt(html: string, length = 110): string {
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The end of a session: the score, every question with its verdict, and where to go next. */
export function SessionSummary({
  results,
  mode,
  signedIn,
}: {
  results: SessionResult[];
  mode: SessionMode;
  signedIn: boolean;
}) {
  const answered = results.filter((result) => result.outcome);
  const correct = answered.filter((result) => result.outcome!.correct).length;
  const wrong = answered.length - correct;
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" tabIndex={-1}>
        Session complete: {correct} of {answered.length} right
      </h2>
      <p className="muted">
        {wrong === 0
          ? "A clean sheet. Spaced repetition will bring these back just before you would forget them."
          : `${wrong} to revisit. ${signedIn ? "They come back in your review queue within minutes." : "Each explanation links to the glossary terms behind it."}`}
      </p>
      <ol className="summary__list">
        {results.map(({ item, outcome }) => (
          <li key={item.view.id} data-correct={outcome ? outcome.correct : undefined}>
            <span className="summary__mark" aria-hidden="true">
              {outcome ? (outcome.correct ? "✓" : "✗") : "–"}
            </span>
            <span className="visually-hidden">
              {outcome ? (outcome.correct ? "Right:" : "Wrong:") : "Not answered:"}
            </span>{" "}
            <Link href={`/questions/${item.view.id}`}>{plainPrompt(item.view.promptHtml)}</Link>
          </li>
        ))}
      </ol>
      <div className="hero__actions">
        {signedIn ? (
          <>
            <Link className="button button--primary" href="/review">
              Go to reviews
            </Link>
            <Link className="button" href="/progress">
              See your progress
            </Link>
          </>
        ) : (
          <Link className="button button--primary" href="/sign-up">
            Create an account to keep this progress
          </Link>
        )}
        <Link className="button" href="/decks">
          {mode === "review" ? "Practise a deck" : "Back to decks"}
        </Link>
      </div>
    </section>
  );
}
