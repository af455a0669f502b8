import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TopicChips } from "@/components/glossary/topic-chips";
import type { QuestionRef } from "@/lib/content/glossary-entries";
import { allTerms, findTerm } from "@/lib/content/glossary-store";

type Params = Promise<{ slug: string }>;

// Every term page is prerendered at build time; an unknown slug is a 404, never a render on demand.
export const dynamicParams = false;

export function generateStaticParams() {
  return allTerms().map((entry) => ({ slug: entry.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const entry = findTerm((await params).slug);
  if (!entry) return {};
  return {
    title: entry.term,
    description: entry.description,
    alternates: { canonical: `/glossary/${entry.slug}` },
  };
}

/*
 * The term's lists of links are not prefetched: up to 30 of them on a page read on a phone would each
 * cost a request to the server and work on the main thread while the reader is reading (Lighthouse counts
 * it as blocking time), for pages that are prerendered and quick to fetch on a click anyway.
 */
function TermLinks({ title, slugs }: { title: string; slugs: string[] }) {
  const entries = slugs.map(findTerm).filter((entry) => entry !== undefined);
  if (entries.length === 0) return null;
  const id = `${title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.slug}>
            <Link href={`/glossary/${entry.slug}`} prefetch={false}>
              {entry.term}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Questions listed before the rest fold away: enough to start practising without a wall of links. */
const SHOWN_QUESTIONS = 8;

function QuestionLinks({ questions }: { questions: QuestionRef[] }) {
  return (
    <ul className="term-questions">
      {questions.map((question) => (
        <li key={question.id}>
          <Link href={`/questions/${question.id}`} prefetch={false}>
            {question.summary}
          </Link>{" "}
          <span className="muted">({question.deckTitle})</span>
        </li>
      ))}
    </ul>
  );
}

export default async function TermPage({ params }: { params: Params }) {
  const entry = findTerm((await params).slug);
  if (!entry) notFound();
  return (
    <article className="term" id={entry.slug}>
      <p className="breadcrumb">
        <Link href="/glossary">Glossary</Link> / <Link href={`/glossary#${entry.slug}`}>A-Z</Link>
      </p>
      <h1>{entry.term}</h1>
      {entry.aliases.length > 0 ? <p className="term__aliases">Also called: {entry.aliases.join(", ")}</p> : null}
      <TopicChips topics={entry.topics} label="Topics" />
      {/* Rendered and sanitized at build time from content/ (lib/content/markdown-render.ts). */}
      <div className="definition" dangerouslySetInnerHTML={{ __html: entry.html }} />
      <div className="term-links">
        <TermLinks title="Related terms" slugs={entry.related} />
        <TermLinks title="Often confused with" slugs={entry.contrast} />
        <TermLinks title="Terms that link here" slugs={entry.backlinks} />
      </div>
      {entry.questions.length > 0 ? (
        <section aria-labelledby="practise-heading">
          <h2 id="practise-heading">Practise this term ({entry.questions.length})</h2>
          <QuestionLinks questions={entry.questions.slice(0, SHOWN_QUESTIONS)} />
          {entry.questions.length > SHOWN_QUESTIONS ? (
            <details>
              <summary>{entry.questions.length - SHOWN_QUESTIONS} more questions</summary>
              <QuestionLinks questions={entry.questions.slice(SHOWN_QUESTIONS)} />
            </details>
          ) : null}
        </section>
      ) : null}
      {entry.sources.length > 0 ? (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <ul>
            {entry.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {entry.reviewed ? <p className="muted">Reviewed {entry.reviewed}.</p> : null}
    </article>
  );
}
