import type { Metadata } from "next";
import Link from "next/link";
import { HighlightedText } from "@/components/search/highlighted-text";
import { TermIndex } from "@/components/glossary/term-index";
import { TopicChips } from "@/components/glossary/topic-chips";
import { termsForTopic } from "@/lib/content/glossary-store";
import { isTopic, TOPIC_LABELS, TOPICS } from "@/lib/content/topics";
import { searchQuerySchema } from "@/lib/schemas/search";
import { serverSearchEngine } from "@/lib/search/server-search";

export const metadata: Metadata = {
  title: "Glossary",
  description:
    "Machine-learning terms A-Z: metrics, classic ML, deep learning, LLM inference, recommender systems and more.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function GlossaryPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawQuery = first(params.q);
  const rawTopic = first(params.topic);
  const topic = rawTopic && isTopic(rawTopic) ? rawTopic : undefined;

  return (
    <>
      <h1>{topic ? `${TOPIC_LABELS[topic]} glossary` : "Glossary"}</h1>
      {/* Works without JavaScript: the same ranking as the palette, rendered on the server. */}
      <form role="search" action="/glossary" method="get" className="page-search">
        <label className="visually-hidden" htmlFor="glossary-search">
          Search the glossary
        </label>
        <input id="glossary-search" type="search" name="q" defaultValue={rawQuery ?? ""} placeholder="Search terms…" />
        <button type="submit">Search</button>
      </form>
      {rawQuery !== undefined ? <SearchResults query={rawQuery} /> : null}
      <TopicChips topics={TOPICS} current={topic} label="Filter by topic" />
      {topic ? (
        <p>
          <Link href="/glossary">Show all topics</Link>
        </p>
      ) : null}
      <TermIndex entries={termsForTopic(topic)} />
    </>
  );
}

function SearchResults({ query }: { query: string }) {
  const parsed = searchQuerySchema.safeParse({ q: query });
  if (!parsed.success) {
    return (
      <p role="alert">
        {parsed.error.issues[0]?.message ?? "Invalid search"}. Type a term, an acronym or a phrase and search again.
      </p>
    );
  }
  const { results, matchedTokens } = serverSearchEngine().search(parsed.data.q, 20);
  const matched = new Set(matchedTokens);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">
        {results.length === 0 ? `No terms match “${parsed.data.q}”` : `Results for “${parsed.data.q}”`}
      </h2>
      <ol className="results">
        {results.map((result) => (
          <li key={result.slug}>
            <Link href={`/glossary/${result.slug}`}>
              <HighlightedText text={result.term} matched={matched} />
            </Link>
            {result.aliases.length > 0 ? (
              <span className="muted">
                {" "}
                (<HighlightedText text={result.aliases.join(", ")} matched={matched} />)
              </span>
            ) : null}
            <p>
              <HighlightedText text={result.snippet} matched={matched} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
