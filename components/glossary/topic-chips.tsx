import Link from "next/link";
import { TOPIC_LABELS, type Topic } from "@/lib/content/topics";

/** Topic links; the current one (if any) is marked for screen readers and styled as selected. */
export function TopicChips({ topics, current, label }: { topics: readonly Topic[]; current?: Topic; label: string }) {
  return (
    <ul className="chips" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic}>
          <Link
            className="chip"
            href={`/glossary?topic=${topic}`}
            // Each prefetch renders /glossary again on the server and parses it on the phone, while the page
            // has just loaded and its reader may be searching; one filter is one click, prefetched or not.
            prefetch={false}
            aria-current={topic === current ? "true" : undefined}
          >
            {TOPIC_LABELS[topic]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
