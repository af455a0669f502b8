import Link from "next/link";
import { percent } from "@/lib/domain/format";
import type { ProgressReport } from "@/lib/domain/progress";

type Props = {
  topics: ProgressReport["weakestTopics"];
  /** Shown when no topic has enough answers to compare yet. */
  empty: string;
  /** A button to practise each topic: for the learner's own topics, not a class's. */
  practise?: boolean;
};

/** Weakest topics first, with the accuracy and mastery that ranked them (lib/domain/progress.ts weakestOf). */
export function WeakTopics({ topics, empty, practise = false }: Props) {
  if (!topics.length) return <p className="muted">{empty}</p>;
  return (
    <ol className="weak-topics">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <span>
            <strong>{topic.name}</strong>
            <small className="muted">
              {" "}
              {percent(topic.accuracy)} right over {topic.attempts} answers · mastery {percent(topic.mastery)}
            </small>
          </span>
          {practise ? (
            <Link className="button button--small" href={`/practice/${topic.slug}`}>
              Practise<span className="visually-hidden"> {topic.name}</span>
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
