/**
 * A mock interview: a timed, balanced selection of questions across topics, and the report after it.
 * Pure: randomness comes in as `random` (like Math.random, 0 <= x < 1), so a seeded one gives a
 * repeatable interview.
 */

export type MockPoolItem = { id: string; topic: string; difficulty: 1 | 2 | 3 };

export const DEFAULT_MOCK = { minutes: 30, questions: 20 } as const;

const DIFFICULTIES = [1, 2, 3] as const;

/**
 * Picks `count` question ids (all of them if the pool is smaller). Topics take turns, in a random order,
 * so their counts differ by at most one unless a topic runs out; within a topic the picks alternate
 * difficulties so none is all easy. Each turn's picks are shuffled, which keeps one topic from coming
 * twice in a row while more than one topic is left.
 */
export function selectMockQuestions(pool: MockPoolItem[], count: number, random: () => number): string[] {
  const unique = [...new Map(pool.map((item) => [item.id, item])).values()];
  const topics = shuffle([...new Set(unique.map((item) => item.topic))], random);
  const queues = topics.map((topic) =>
    mixDifficulties(
      unique.filter((item) => item.topic === topic),
      random,
    ),
  );

  const picked: MockPoolItem[] = [];
  for (const turn of rounds(queues)) {
    if (picked.length >= count) break;
    const mixed = shuffle(turn.slice(0, count - picked.length), random);
    // Each topic appears once per turn; only a turn's first pick can repeat the previous turn's last.
    if (mixed.length > 1 && mixed[0]!.topic === picked.at(-1)?.topic)
      [mixed[0], mixed[mixed.length - 1]] = [mixed.at(-1)!, mixed[0]!];
    picked.push(...mixed);
  }
  return picked.map((item) => item.id);
}

/** A topic's questions shuffled, then taken from each difficulty in turn (in a random order of difficulties). */
function mixDifficulties(items: MockPoolItem[], random: () => number): MockPoolItem[] {
  const shuffled = shuffle(items, random);
  const byDifficulty = DIFFICULTIES.map((difficulty) => shuffled.filter((item) => item.difficulty === difficulty));
  return rounds(shuffle(byDifficulty, random)).flat();
}

/** Round-robin: the first item of every queue, then the second of every queue that has one, and so on. */
function rounds<T>(queues: T[][]): T[][] {
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  return Array.from({ length: longest }, (_, index) =>
    queues.flatMap((queue) => (index < queue.length ? [queue[index]!] : [])),
  );
}

/** Fisher-Yates on a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export type MockAnswer = {
  questionId: string;
  topic: string;
  /** null: not answered before time ran out, which counts as wrong. */
  correct: boolean | null;
};

export type MockTally = {
  total: number;
  answered: number;
  correct: number;
  /** correct / total, 0..1: an unanswered question counts against the score. */
  score: number;
};

export type MockReport = MockTally & {
  /** Weakest first, then by name. */
  topics: ({ topic: string } & MockTally)[];
  /** Wrong or unanswered, in the given order: what to review next. */
  weakQuestionIds: string[];
};

export function scoreMock(answers: MockAnswer[]): MockReport {
  const topics = [...new Set(answers.map((answer) => answer.topic))]
    .map((topic) => ({ topic, ...tally(answers.filter((answer) => answer.topic === topic)) }))
    .sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic));
  return {
    ...tally(answers),
    topics,
    weakQuestionIds: answers.filter((answer) => answer.correct !== true).map((answer) => answer.questionId),
  };
}

function tally(answers: MockAnswer[]): MockTally {
  const answered = answers.filter((answer) => answer.correct !== null).length;
  const correct = answers.filter((answer) => answer.correct === true).length;
  return { total: answers.length, answered, correct, score: answers.length > 0 ? correct / answers.length : 0 };
}
