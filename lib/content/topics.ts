/** The fixed list of topics a glossary term or deck belongs to. Adding one is a content decision. */
export const TOPICS = [
  "fundamentals",
  "metrics",
  "classic-ml",
  "deep-learning",
  "llm-inference",
  "generative-ai",
  "recommender-systems",
  "ml-system-design",
  "interview-pitfalls",
  "nlp",
] as const;

export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
  fundamentals: "Fundamentals",
  metrics: "Evaluation metrics",
  "classic-ml": "Classic ML",
  "deep-learning": "Deep learning",
  "llm-inference": "LLM inference",
  "generative-ai": "Generative AI",
  "recommender-systems": "Recommender systems",
  "ml-system-design": "ML system design",
  "interview-pitfalls": "Interview pitfalls",
  nlp: "NLP and language models",
};

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
