import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import type { GradeResult, SelfGrade } from "./grading";
import type { Question } from "./question";

/**
 * Spaced repetition with FSRS (ts-fsrs). Pure: every function takes `now`, so tests move the clock and
 * the server passes the request time. Fuzz is off, so the same history always gives the same schedule.
 */

export const DEFAULT_DESIRED_RETENTION = 0.9;
export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;

/** The card as it is stored: plain values, no ts-fsrs types leaking into the data layer. */
export type ReviewCard = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's State). */
  state: number;
  lastReview: Date | null;
};

/** An FSRS rating: Again 1, Hard 2, Good 3, Easy 4. */
export type FsrsRating = Grade;

const SELF_GRADE_RATING: Record<SelfGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/**
 * A right answer given this fast counts as Easy: the candidate recalled it without effort. Typing a number
 * or a phrase takes longer than clicking a choice, so those get more time.
 */
export const EASY_WITHIN_MS: Record<Question["type"], number> = {
  single: 8_000,
  multiple: 12_000,
  "true-false": 6_000,
  numeric: 25_000,
  calculated: 40_000,
  short: 15_000,
  open: 0,
};

/** Wrong -> Again; right -> Good, or Easy when fast; open questions -> the self-grade as chosen. */
export function ratingFor(type: Question["type"], result: GradeResult, elapsedMs: number): Grade {
  if (result.selfGrade) return SELF_GRADE_RATING[result.selfGrade];
  if (!result.correct) return Rating.Again;
  return elapsedMs <= EASY_WITHIN_MS[type] ? Rating.Easy : Rating.Good;
}

function toFsrsCard(card: ReviewCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrsCard(card: Card): ReviewCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

export function newCard(now: Date): ReviewCard {
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * One scheduler per desired retention: building one precomputes its parameters, which costs more than a
 * review, and a scheduler holds no state between reviews.
 */
const schedulers = new Map<number, ReturnType<typeof fsrs>>();

function schedulerFor(desiredRetention: number) {
  const retention = Math.min(RETENTION_RANGE.max, Math.max(RETENTION_RANGE.min, desiredRetention));
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: retention, enable_fuzz: false });
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

/** The card after one review with `rating` at `now`; a question never seen before starts from a new card. */
export function review(
  card: ReviewCard | undefined,
  rating: Grade,
  now: Date,
  desiredRetention = DEFAULT_DESIRED_RETENTION,
): ReviewCard {
  return fromFsrsCard(schedulerFor(desiredRetention).next(toFsrsCard(card ?? newCard(now)), now, rating).card);
}

export function isDue(card: Pick<ReviewCard, "due">, now: Date): boolean {
  return card.due.getTime() <= now.getTime();
}

const DAY_MS = 86_400_000;

/** The forgetting curve depends on FSRS's weights only, not on the desired retention, so one instance serves every user. */
const memoryModel = fsrs();

/**
 * What recall at a moment depends on: ts-fsrs reads only the state, stability and last review for it. A
 * class's dashboard reads these columns of tens of thousands of cards, not all ten.
 */
export type MemoryState = Pick<ReviewCard, "state" | "reps" | "stability" | "lastReview">;

/**
 * FSRS's probability (0..1) that the card is recalled at `now`; ts-fsrs counts the time since the last
 * review in whole days. A card never reviewed has nothing to recall (and no last review to count from).
 * This is ts-fsrs's get_retrievability without building and converting a whole card per call: a class's
 * dashboard asks for 100,000 of them, 26 ms this way against 35 ms (medians of a throwaway loop, 2026-12-07).
 * A property test holds it to get_retrievability on random cards and moments (tests/unit/scheduling.test.ts).
 */
export function retrievability(card: MemoryState, now: Date): number {
  if (card.state === State.New || card.reps === 0 || !card.lastReview) return 0;
  const elapsedDays = Math.max(Math.floor((now.getTime() - card.lastReview.getTime()) / DAY_MS), 0);
  return memoryModel.forgetting_curve(elapsedDays, +card.stability.toFixed(8));
}
