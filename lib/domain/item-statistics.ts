/**
 * Item analysis for a deck, after Moodle's quiz statistics report: how easy each question is, whether it
 * separates strong learners from weak ones, which wrong choices attract answers, and how consistent the
 * deck is as a whole. Pure: the caller loads attempts and cards and passes them in.
 *
 * Adapted to spaced repetition, where a learner answers some of a deck's questions, in any order, many times:
 * - The scoring unit is a learner's FIRST attempt at each question; later attempts are practice on a question
 *   whose answer they have already seen, and counting them would make every question look easier.
 * - A learner's deck score is the share correct over the questions they answered, not a sum, because
 *   learners answer different subsets and a sum would mostly measure how many they answered.
 *
 * Variances and covariances are sample ones (divided by n - 1), as Moodle computes them. Every statistic
 * here is a ratio of two of them taken over the same learners (a correlation, or alpha's item/total
 * variance ratio), so the n - 1 cancels: what matters is using one convention throughout.
 *
 * All ratios are unrounded, in 0..1 (discrimination in -1..1); the UI formats them.
 */

export type ItemAttempt = {
  userId: string;
  questionId: string;
  correct: boolean;
  elapsedMs: number;
  /** Indices of the choices picked, for choice questions. */
  picked?: number[];
  createdAt: Date;
};

/** A question of the deck; `choiceCount` marks a choice question, `correctChoices` its right choices. */
export type ItemInfo = { id: string; type: string; choiceCount?: number; correctChoices?: number[] };

/** FSRS difficulty (1..10, see ReviewCard) of one learner's card for the question. */
export type ItemCardDifficulty = { questionId: string; difficulty: number };

export const ITEM_FLAGS = { tooEasyAbove: 0.9, tooHardBelow: 0.2, discriminationBelow: 0.2 } as const;

/** Fewer learners than this say too little about a question to condemn it, so it gets no flags yet. */
export const FLAG_MIN_CANDIDATES = 5;

export type ItemFlag = "too-easy" | "too-hard" | "not-discriminating";

export const ITEM_FLAG_LABELS: Record<ItemFlag, string> = {
  "too-easy": "too easy",
  "too-hard": "too hard",
  "not-discriminating": "not discriminating",
};

export type WrongChoicePicks = { choice: number; count: number; share: number };

export type ItemStatistics = {
  questionId: string;
  /** Every attempt, practice included: how much the question is used. */
  attempts: number;
  /** Learners who answered it at least once, i.e. first attempts; the statistics below are over these. */
  candidates: number;
  facility: number | null;
  discrimination: number | null;
  meanTimeMs: number | null;
  medianTimeMs: number | null;
  /** Choice questions only, empty otherwise: every wrong choice by index, picked or not. */
  wrongChoicePicks: WrongChoicePicks[];
  fsrsDifficulty: { mean: number; count: number } | null;
  flags: ItemFlag[];
};

export type ScoreBucket = { bucket: string; count: number };

export type DeckStatistics = {
  /** In the order of the given items. */
  items: ItemStatistics[];
  /** Learners who answered at least MIN_SCORED_ITEMS of the deck's questions: those in the distribution. */
  candidates: number;
  /** Ten buckets "0-10%" .. "90-100%", each holding [low, high) except the last, which also holds 100%. */
  scoreDistribution: ScoreBucket[];
  /** Mean deck score of those learners; null when there are none. */
  meanScore: number | null;
  cronbachAlpha: number | null;
};

/**
 * A learner needs this many answered questions to have a deck score worth comparing: with one, the "rest of
 * the deck" that discrimination correlates against would be empty.
 */
const MIN_SCORED_ITEMS = 2;
/** Below this a correlation or a variance ratio is noise (and with 2 points a correlation is always ±1). */
const MIN_CORRELATED_CANDIDATES = 3;
const BUCKETS = 10;

/** One learner's first attempts at the deck's questions, by question id. */
type Candidate = { firstAttempts: Map<string, ItemAttempt>; correct: number };

export function computeItemStatistics(input: {
  items: ItemInfo[];
  attempts: ItemAttempt[];
  cardDifficulties: ItemCardDifficulty[];
}): DeckStatistics {
  const itemIds = [...new Set(input.items.map((item) => item.id))];
  const known = new Set(itemIds);
  const attempts = input.attempts.filter((attempt) => known.has(attempt.questionId));
  const candidates = candidatesOf(attempts);
  const scored = [...candidates.values()].filter((candidate) => candidate.firstAttempts.size >= MIN_SCORED_ITEMS);

  return {
    items: input.items.map((item) => itemStatistics(item, attempts, candidates, scored, input.cardDifficulties)),
    candidates: scored.length,
    scoreDistribution: scoreDistribution(scored),
    meanScore: scored.length > 0 ? mean(scored.map(deckScore)) : null,
    cronbachAlpha: cronbachAlpha(itemIds, scored),
  };
}

/** Each learner's earliest attempt per question; on equal times the one given first wins. */
function candidatesOf(attempts: ItemAttempt[]): Map<string, Candidate> {
  const firstByUser = new Map<string, Map<string, ItemAttempt>>();
  for (const attempt of attempts) {
    let firstAttempts = firstByUser.get(attempt.userId);
    if (!firstAttempts) {
      firstAttempts = new Map();
      firstByUser.set(attempt.userId, firstAttempts);
    }
    const earlier = firstAttempts.get(attempt.questionId);
    if (!earlier || attempt.createdAt.getTime() < earlier.createdAt.getTime())
      firstAttempts.set(attempt.questionId, attempt);
  }
  const candidates = new Map<string, Candidate>();
  for (const [userId, firstAttempts] of firstByUser) {
    const correct = [...firstAttempts.values()].filter((attempt) => attempt.correct).length;
    candidates.set(userId, { firstAttempts, correct });
  }
  return candidates;
}

function deckScore(candidate: Candidate): number {
  return candidate.correct / candidate.firstAttempts.size;
}

function itemStatistics(
  item: ItemInfo,
  attempts: ItemAttempt[],
  candidates: Map<string, Candidate>,
  scored: Candidate[],
  cardDifficulties: ItemCardDifficulty[],
): ItemStatistics {
  const firstAttempts = [...candidates.values()].flatMap((candidate) => candidate.firstAttempts.get(item.id) ?? []);
  const times = firstAttempts.map((attempt) => attempt.elapsedMs);
  // Facility index: the mean score on the question, here the share of first attempts that were right.
  const facility =
    firstAttempts.length > 0 ? firstAttempts.filter((attempt) => attempt.correct).length / firstAttempts.length : null;
  const discrimination = discriminationIndex(item.id, scored);
  const difficulties = cardDifficulties.filter((card) => card.questionId === item.id).map((card) => card.difficulty);

  return {
    questionId: item.id,
    attempts: attempts.filter((attempt) => attempt.questionId === item.id).length,
    candidates: firstAttempts.length,
    facility,
    discrimination,
    meanTimeMs: times.length > 0 ? mean(times) : null,
    medianTimeMs: times.length > 0 ? median(times) : null,
    wrongChoicePicks: wrongChoicePicks(item, firstAttempts),
    fsrsDifficulty: difficulties.length > 0 ? { mean: mean(difficulties), count: difficulties.length } : null,
    flags: flagsFor(firstAttempts.length, facility, discrimination),
  };
}

/**
 * Moodle's discrimination index: the correlation, across learners, between the score on this question and
 * the score on the rest of the test (the total minus this question). Leaving the question out of the total
 * keeps it from correlating with itself, which would flatter every question, most of all in a short deck.
 * The rest score is the share correct over the learner's OTHER answered questions, since learners answer
 * different subsets (see the module comment).
 */
function discriminationIndex(questionId: string, scored: Candidate[]): number | null {
  const itemScores: number[] = [];
  const restScores: number[] = [];
  for (const candidate of scored) {
    const attempt = candidate.firstAttempts.get(questionId);
    if (!attempt) continue;
    const itemScore = attempt.correct ? 1 : 0;
    itemScores.push(itemScore);
    restScores.push((candidate.correct - itemScore) / (candidate.firstAttempts.size - 1));
  }
  if (itemScores.length < MIN_CORRELATED_CANDIDATES) return null;
  return pearsonCorrelation(itemScores, restScores);
}

/**
 * Cronbach's alpha, the internal consistency of the deck: k/(k-1) * (1 - sum of item variances / variance of
 * the total), over k questions. It needs every learner to have a score on every question, so it uses only
 * the complete cases, learners who answered ALL of the deck's questions; others are left out rather than
 * having their missing answers guessed.
 */
function cronbachAlpha(itemIds: string[], scored: Candidate[]): number | null {
  const k = itemIds.length;
  const complete = scored.filter((candidate) => candidate.firstAttempts.size === k);
  if (k < 2 || complete.length < MIN_CORRELATED_CANDIDATES) return null;
  const totals = complete.map((candidate) => candidate.correct);
  if (!hasSpread(totals)) return null;
  const itemVariances = itemIds.map((id) =>
    sampleVariance(complete.map((candidate) => (candidate.firstAttempts.get(id)?.correct ? 1 : 0))),
  );
  return (k / (k - 1)) * (1 - sum(itemVariances) / sampleVariance(totals));
}

/** How often each wrong choice was among the picks of a first attempt, as a count and a share of them. */
function wrongChoicePicks(item: ItemInfo, firstAttempts: ItemAttempt[]): WrongChoicePicks[] {
  if (item.choiceCount === undefined) return [];
  const correctChoices = new Set(item.correctChoices ?? []);
  const wrongChoices = Array.from({ length: item.choiceCount }, (_, choice) => choice).filter(
    (choice) => !correctChoices.has(choice),
  );
  return wrongChoices.map((choice) => {
    const count = firstAttempts.filter((attempt) => attempt.picked?.includes(choice)).length;
    // With no attempts yet nothing was picked: a share of 0 rather than 0/0.
    return { choice, count, share: firstAttempts.length > 0 ? count / firstAttempts.length : 0 };
  });
}

function flagsFor(candidates: number, facility: number | null, discrimination: number | null): ItemFlag[] {
  if (candidates < FLAG_MIN_CANDIDATES || facility === null) return [];
  const flags: ItemFlag[] = [];
  if (facility > ITEM_FLAGS.tooEasyAbove) flags.push("too-easy");
  if (facility < ITEM_FLAGS.tooHardBelow) flags.push("too-hard");
  if (discrimination !== null && discrimination < ITEM_FLAGS.discriminationBelow) flags.push("not-discriminating");
  return flags;
}

function scoreDistribution(scored: Candidate[]): ScoreBucket[] {
  const counts = new Array<number>(BUCKETS).fill(0);
  for (const candidate of scored) {
    // From the integer counts rather than the score, so 3 of 10 lands in "30-40%" with no rounding doubt;
    // a full score would open an eleventh bucket, so it joins the last one.
    const bucket = Math.min(BUCKETS - 1, Math.floor((BUCKETS * candidate.correct) / candidate.firstAttempts.size));
    counts[bucket]! += 1;
  }
  const width = 100 / BUCKETS;
  return counts.map((count, index) => ({ bucket: `${index * width}-${(index + 1) * width}%`, count }));
}

/**
 * Pearson's r = cov(x, y) / (sd(x) sd(y)); null when either side does not vary, as r is then undefined.
 * Spread is checked by comparing values, not by testing a computed variance against 0, which rounding
 * can miss.
 */
function pearsonCorrelation(xs: number[], ys: number[]): number | null {
  if (!hasSpread(xs) || !hasSpread(ys)) return null;
  return sampleCovariance(xs, ys) / Math.sqrt(sampleVariance(xs) * sampleVariance(ys));
}

function sampleCovariance(xs: number[], ys: number[]): number {
  const meanX = mean(xs);
  const meanY = mean(ys);
  return sum(xs.map((x, index) => (x - meanX) * (ys[index]! - meanY))) / (xs.length - 1);
}

function sampleVariance(values: number[]): number {
  return sampleCovariance(values, values);
}

function hasSpread(values: number[]): boolean {
  return values.some((value) => value !== values[0]);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: number[]): number {
  return sum(values) / values.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
