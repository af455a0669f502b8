import Link from "next/link";
import { HomeAssignments } from "@/components/classes/home-assignments";
import { allTerms } from "@/lib/content/glossary-store";
import { TOPIC_LABELS, TOPICS } from "@/lib/content/topics";

const START_HERE = [
  "kv-cache",
  "roc-auc",
  "data-leakage",
  "two-tower-model",
  "bias-variance-tradeoff",
  "speculative-decoding",
];

export default function HomePage() {
  const terms = allTerms();
  const names = new Map(terms.map((term) => [term.slug, term.term]));
  return (
    <>
      <section className="hero">
        <h1>Prepare for ML engineering interviews</h1>
        <p>
          {terms.length} machine-learning terms explained precisely, with the math and the interview angle. Search
          forgives typos and knows the acronyms: try <kbd>Ctrl</kbd> <kbd>K</kbd> and type “gradiant desent” or “GQA”.
        </p>
        <p>
          Then practise: interview questions on pitfalls, metrics, system design, LLM inference, recommenders and
          classic ML, each with an explanation that teaches, and spaced repetition that brings back what you are about
          to forget.
        </p>
        <div className="hero__actions">
          <Link className="button button--primary" href="/decks">
            Practise a deck
          </Link>
          <Link className="button" href="/glossary">
            Browse the glossary
          </Link>
          <Link className="button" href="/mock">
            Take a mock interview
          </Link>
        </div>
      </section>
      <HomeAssignments />
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">Topics</h2>
        <ul className="card-grid">
          {TOPICS.map((topic) => (
            <li key={topic}>
              <Link className="card" href={`/glossary?topic=${topic}`}>
                <strong>{TOPIC_LABELS[topic]}</strong>
                {terms.filter((term) => term.topics.includes(topic)).length} terms
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="start-heading">
        <h2 id="start-heading">Start here</h2>
        <ul className="chips">
          {START_HERE.filter((slug) => names.has(slug)).map((slug) => (
            <li key={slug}>
              <Link className="chip" href={`/glossary/${slug}`}>
                {names.get(slug)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
