import type { GlossaryEntry } from "@/lib/content/glossary-entries";

function initial(term: string): string {
  const letter = term.normalize("NFKD").charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : "#";
}

/**
 * All terms A-Z, grouped by first letter, each with a stable #slug anchor. The 540 links are plain anchors,
 * not next/link: each Link is a client component to hydrate and watch for prefetching, which kept a phone's
 * main thread busy long after the page appeared (Ctrl-K waited behind it, bench:first-search); the term
 * pages are prerendered, so a click loads one quickly either way.
 */
export function TermIndex({ entries }: { entries: GlossaryEntry[] }) {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of sorted) {
    const key = initial(entry.term);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return (
    <>
      <nav className="letter-nav" aria-label="Jump to letter">
        {[...groups.keys()].map((letter) => (
          <a key={letter} href={`#letter-${letter}`}>
            {letter}
          </a>
        ))}
      </nav>
      {[...groups].map(([letter, group]) => (
        <section key={letter} className="term-group" aria-labelledby={`letter-${letter}`}>
          <h2 id={`letter-${letter}`}>{letter}</h2>
          <ul className="term-list">
            {group.map((entry) => (
              <li key={entry.slug} id={entry.slug}>
                <a href={`/glossary/${entry.slug}`}>{entry.term}</a>
                {entry.aliases.length > 0 ? (
                  <span className="muted"> ({entry.aliases.slice(0, 3).join(", ")})</span>
                ) : null}
                <p>{entry.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
