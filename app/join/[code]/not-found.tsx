import Link from "next/link";

/** A code of the wrong shape, or one no class holds (mistyped, replaced by the instructor, or the class deleted). */
export default function JoinLinkNotFound() {
  return (
    <section className="narrow">
      <h1>This join link is not valid</h1>
      <p>
        No class has this code. It may be mistyped, or the instructor may have replaced it or deleted the class: ask
        them for the current link.
      </p>
      <p>
        <Link href="/decks">Practise a deck</Link> in the meantime.
      </p>
    </section>
  );
}
