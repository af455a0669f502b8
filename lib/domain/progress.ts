import { isDue, retrievability, type MemoryState, type ReviewCard } from "./scheduling";
import { dayNumbersIn, resolveTimeZone } from "./time-zones";

/**
 * The statistics behind the progress dashboard. Pure: the caller loads the user's facts and passes `now`
 * and the user's time zone. The facts are counts, not attempts: per question, and per span of time, so a
 * long history costs what its number of active quarter hours costs (docs/decisions/018-progress-aggregates.md).
 *
 * The report is plain JSON: dates are "YYYY-MM-DD" strings of calendar days in the user's time zone;
 * accuracy and mastery are unrounded ratios in 0..1 (the UI formats them), counts are whole numbers.
 */

/** How often the user answered a question, and how often right. */
export type QuestionTally = { questionId: string; answered: number; correct: number };
/**
 * Answers given in one span of time, on any question (a question archived later does not take back the
 * day's work, its streak or its heatmap), counted on the calendar day `start` falls on in the
 * user's zone: a span must lie within one local day in every zone. ACTIVITY_SPAN_MS spans aligned to UTC
 * do: every zone's offset from UTC (with or without daylight saving, :30 and :45 ones included) is a whole
 * number of quarter hours, so no local midnight falls inside one. A single attempt is such a span too.
 */
export type ActivityCount = { start: Date; answered: number; correct: number };
/** What the report reads of a card: when it is due, and its recall. */
export type CardFact = MemoryState & Pick<ReviewCard, "due"> & { questionId: string };
export type QuestionFact = { id: string; deckId: string; topic: string };
export type DeckFact = { id: string; title: string; topic: string };
export type TopicFact = { slug: string; name: string };

/** What the mastery and "seen" of decks are computed from. */
export type StandingInput = {
  tallies: QuestionTally[];
  cards: CardFact[];
  questions: QuestionFact[];
  decks: DeckFact[];
  now: Date;
};

export type ProgressInput = StandingInput & {
  activity: ActivityCount[];
  topics: TopicFact[];
  /** IANA name, e.g. "Europe/Berlin"; an invalid one falls back to "UTC". */
  timeZone: string;
};

/**
 * A deck's or topic's standing. Mastery is the mean recall probability over ALL its questions, unseen
 * ones counting 0, so it reads as "the share you would get right now". Accuracy is null before any answer.
 */
export type GroupProgress = {
  questions: number;
  /** Questions answered at least once. */
  seen: number;
  answered: number;
  correct: number;
  accuracy: number | null;
  mastery: number;
};

export type DeckProgress = { id: string; title: string; topic: string } & GroupProgress;
export type TopicProgress = { slug: string; name: string } & GroupProgress;
export type DayCount = { date: string; count: number };

export type ProgressReport = {
  /** The time zone the days were counted in, after the fallback. */
  timeZone: string;
  totals: { answered: number; correct: number; accuracy: number | null; questionsSeen: number; dueNow: number };
  decks: DeckProgress[];
  /** Topics with at least one question, in the given order. */
  topics: TopicProgress[];
  /** The last DAILY_DAYS days, today last. */
  daily: { date: string; answered: number; correct: number }[];
  streak: { current: number; longest: number; activeToday: boolean };
  heatmap: { start: string; days: DayCount[] };
  weakestTopics: { slug: string; name: string; accuracy: number; mastery: number; attempts: number }[];
  /** DUE_DAYS days, today first; today's count includes everything overdue. */
  dueNext7Days: DayCount[];
};

export const DAILY_DAYS = 30;
/** GitHub-style calendar: 53 week columns, Monday first; the last column is the current week up to today. */
export const HEATMAP_WEEKS = 53;
export const WEAKEST_TOPICS = { limit: 5, minAttempts: 3 } as const;
export const DUE_DAYS = 7;

const DAY_MS = 86_400_000;
/** The span the data layer counts activity in (see ActivityCount). */
export const ACTIVITY_SPAN_MS = 15 * 60_000;

type QuestionStats = { answered: number; correct: number; mastery: number };
type DayActivity = { answered: number; correct: number };

/** Each deck's standing, without the rest of the report: what the deck list shows. */
export function computeDeckProgress(input: StandingInput): DeckProgress[] {
  return decksOf(input, questionStats(input));
}

export function computeProgress(input: ProgressInput): ProgressReport {
  const timeZone = resolveTimeZone(input.timeZone);
  const dayOf = dayNumbersIn(timeZone);
  const today = dayOf(input.now);
  const cards = knownCards(input);

  const stats = questionStats(input);
  const activity = activityByDay(input.activity, dayOf);
  const all = summarize(input.questions, stats);
  const topics = input.topics.flatMap((topic) => {
    const questions = input.questions.filter((question) => question.topic === topic.slug);
    return questions.length > 0 ? [{ slug: topic.slug, name: topic.name, ...summarize(questions, stats) }] : [];
  });

  return {
    timeZone,
    totals: {
      answered: all.answered,
      correct: all.correct,
      accuracy: all.accuracy,
      questionsSeen: all.seen,
      dueNow: cards.filter((card) => isDue(card, input.now)).length,
    },
    decks: decksOf(input, stats),
    topics,
    daily: daysBetween(today - DAILY_DAYS + 1, today).map((day) => ({
      date: dateOf(day),
      answered: activity.get(day)?.answered ?? 0,
      correct: activity.get(day)?.correct ?? 0,
    })),
    streak: streakOf(new Set(activity.keys()), today),
    heatmap: heatmapOf(activity, today),
    weakestTopics: weakestOf(topics),
    dueNext7Days: dueByDay(cards, dayOf, input.now, today),
  };
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** Cards of questions no longer live (archived, unpublished) count nowhere. */
function knownCards(input: StandingInput): CardFact[] {
  const known = new Set(input.questions.map((question) => question.id));
  return input.cards.filter((card) => known.has(card.questionId));
}

/** Per live question; tallies of questions no longer live are left out, like their cards. */
function questionStats(input: StandingInput): Map<string, QuestionStats> {
  const cardByQuestion = new Map(knownCards(input).map((card) => [card.questionId, card]));
  const stats = new Map<string, QuestionStats>();
  for (const question of input.questions) {
    const card = cardByQuestion.get(question.id);
    stats.set(question.id, { answered: 0, correct: 0, mastery: card ? retrievability(card, input.now) : 0 });
  }
  for (const tally of input.tallies) {
    const entry = stats.get(tally.questionId);
    if (!entry) continue;
    entry.answered += tally.answered;
    entry.correct += tally.correct;
  }
  return stats;
}

function decksOf(input: StandingInput, stats: Map<string, QuestionStats>): DeckProgress[] {
  return input.decks.map((deck) => ({
    id: deck.id,
    title: deck.title,
    topic: deck.topic,
    ...summarize(
      input.questions.filter((question) => question.deckId === deck.id),
      stats,
    ),
  }));
}

function summarize(questions: QuestionFact[], stats: Map<string, QuestionStats>): GroupProgress {
  let seen = 0;
  let answered = 0;
  let correct = 0;
  let masterySum = 0;
  for (const question of questions) {
    const entry = stats.get(question.id)!;
    if (entry.answered > 0) seen += 1;
    answered += entry.answered;
    correct += entry.correct;
    masterySum += entry.mastery;
  }
  return {
    questions: questions.length,
    seen,
    answered,
    correct,
    accuracy: answered > 0 ? correct / answered : null,
    mastery: questions.length > 0 ? masterySum / questions.length : 0,
  };
}

function activityByDay(spans: ActivityCount[], dayOf: (instant: Date) => number): Map<number, DayActivity> {
  const activity = new Map<number, DayActivity>();
  for (const span of spans) {
    const day = dayOf(span.start);
    const counts = activity.get(day) ?? { answered: 0, correct: 0 };
    counts.answered += span.answered;
    counts.correct += span.correct;
    activity.set(day, counts);
  }
  return activity;
}

/** A streak is not broken until the day is over, so with nothing today yet it counts back from yesterday. */
function streakOf(activeDays: Set<number>, today: number): ProgressReport["streak"] {
  const activeToday = activeDays.has(today);
  let current = 0;
  for (let day = activeToday ? today : today - 1; activeDays.has(day); day -= 1) current += 1;
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const day of [...activeDays].sort((a, b) => a - b)) {
    run = day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest, activeToday };
}

function heatmapOf(activity: Map<number, DayActivity>, today: number): ProgressReport["heatmap"] {
  // getUTCDay counts from Sunday; the calendar's weeks start on Monday.
  const weekday = (new Date(today * DAY_MS).getUTCDay() + 6) % 7;
  const start = today - weekday - (HEATMAP_WEEKS - 1) * 7;
  return {
    start: dateOf(start),
    days: daysBetween(start, today).map((day) => ({ date: dateOf(day), count: activity.get(day)?.answered ?? 0 })),
  };
}

/**
 * Weakest first: lowest accuracy, then lowest mastery, then by name; too few attempts say nothing yet.
 * Also a class's weakest topics (lib/domain/class-progress.ts), over its members' answers.
 */
export function weakestOf(topics: TopicProgress[]): ProgressReport["weakestTopics"] {
  return topics
    .filter((topic) => topic.answered >= WEAKEST_TOPICS.minAttempts)
    .map((topic) => ({
      slug: topic.slug,
      name: topic.name,
      accuracy: topic.correct / topic.answered,
      mastery: topic.mastery,
      attempts: topic.answered,
    }))
    .sort((a, b) => a.accuracy - b.accuracy || a.mastery - b.mastery || a.name.localeCompare(b.name))
    .slice(0, WEAKEST_TOPICS.limit);
}

function dueByDay(cards: CardFact[], dayOf: (instant: Date) => number, now: Date, today: number): DayCount[] {
  // Only cards due within the week need their local day (Intl is the costly part for a long history):
  // one due by now is due today, and one due over DUE_DAYS + 2 days ahead falls past the last day shown
  // in any zone (offsets differ from UTC by at most 14 hours).
  const past = now.getTime() + (DUE_DAYS + 2) * DAY_MS;
  const counts = new Map<number, number>();
  for (const card of cards) {
    if (card.due.getTime() > past) continue;
    const day = card.due <= now ? today : Math.max(today, dayOf(card.due));
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return daysBetween(today, today + DUE_DAYS - 1).map((day) => ({ date: dateOf(day), count: counts.get(day) ?? 0 }));
}
