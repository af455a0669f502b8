import "server-only";
import { isTopic, TOPIC_LABELS } from "@/lib/content/topics";
import type { PracticeQuestion } from "@/lib/data/questions";
import type { SessionItem } from "@/lib/domain/question-view";
import type { Shown } from "@/lib/schemas/attempt";
import { presentView } from "./present";

export function topicName(topic: string): string {
  return isTopic(topic) ? TOPIC_LABELS[topic] : topic;
}

/**
 * Session items in the order of `ids` (questions not found are left out), each freshly presented except
 * the one `shown` names, which keeps the seed it was shown with (a reload).
 */
export function toSessionItems(
  questions: PracticeQuestion[],
  ids: string[] = questions.map((entry) => entry.question.id),
  shown?: Shown,
): SessionItem[] {
  const byId = new Map(questions.map((entry) => [entry.question.id, entry]));
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    if (!entry) return [];
    return [
      {
        view: presentView(entry.question, entry.revision, shown?.questionId === id ? shown.seed : undefined),
        deckId: entry.deckId,
        deckTitle: entry.deckTitle,
        topic: entry.topic,
        topicName: topicName(entry.topic),
      },
    ];
  });
}
