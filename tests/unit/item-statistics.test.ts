import { describe, expect, it } from "vitest";
import {
  computeItemStatistics,
  type ItemAttempt,
  type ItemCardDifficulty,
  type ItemInfo,
} from "@/lib/domain/item-statistics";

const t0 = new Date("2026-11-28T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

const item = (id: string, extra: Partial<ItemInfo> = {}): ItemInfo => ({ id, type: "short", ...extra });

function attempt(userId: string, questionId: string, correct: boolean, extra: Partial<ItemAttempt> = {}): ItemAttempt {
  return { userId, questionId, correct, elapsedMs: 5_000, createdAt: t0, ...extra };
}

/**
 * First attempts from a score matrix: one row per learner ("u1", "u2", ...), one column per question;
 * 1 right, 0 wrong, null not answered.
 */
function matrix(questionIds: string[], rows: (0 | 1 | null)[][]): ItemAttempt[] {
  return rows.flatMap((row, learner) =>
    row.flatMap((score, column) =>
      score === null ? [] : [attempt(`u${learner + 1}`, questionIds[column]!, score === 1)],
    ),
  );
}

function statistics(items: ItemInfo[], attempts: ItemAttempt[], cardDifficulties: ItemCardDifficulty[] = []) {
  return computeItemStatistics({ items, attempts, cardDifficulties });
}

function statsOf(report: ReturnType<typeof statistics>, questionId: string) {
  const found = report.items.find((stats) => stats.questionId === questionId);
  if (!found) throw new Error(`no statistics for ${questionId}`);
  return found;
}

describe("computeItemStatistics on a 3-question, 5-learner deck computed by hand", () => {
  //        a  b  c   total  deck score
  //   u1   1  1  1     3       3/3
  //   u2   1  1  0     2       2/3
  //   u3   1  0  1     2       2/3
  //   u4   0  1  0     1       1/3
  //   u5   0  0  0     0       0/3
  const report = statistics(
    [item("a"), item("b"), item("c")],
    matrix(
      ["a", "b", "c"],
      [
        [1, 1, 1],
        [1, 1, 0],
        [1, 0, 1],
        [0, 1, 0],
        [0, 0, 0],
      ],
    ),
  );

  it("computes the facility index as the share right", () => {
    // a: 3/5, b: 3/5, c: 2/5.
    expect(report.items.map((stats) => stats.facility)).toEqual([0.6, 0.6, 0.4]);
    expect(report.items.map((stats) => stats.candidates)).toEqual([5, 5, 5]);
  });

  it("computes the discrimination index as the correlation with the rest of the deck", () => {
    // a: x = 1,1,1,0,0 (mean .6); rest = mean of b and c = 1,.5,.5,.5,0 (mean .5).
    //    dx = .4,.4,.4,-.6,-.6; dy = .5,0,0,0,-.5
    //    Σdxdy = .2 + .3 = .5; Σdx² = 3(.16) + 2(.36) = 1.2; Σdy² = .25 + .25 = .5
    //    r = .5 / √(1.2 · .5) = .5 / √.6 = 0.645497
    expect(statsOf(report, "a").discrimination).toBeCloseTo(0.645497, 6);
    // b: x = 1,1,0,1,0 (mean .6); rest = mean of a and c = 1,.5,1,0,0 (mean .5).
    //    dx = .4,.4,-.6,.4,-.6; dy = .5,0,.5,-.5,-.5
    //    Σdxdy = .2 + 0 - .3 - .2 + .3 = 0, so r = 0
    expect(statsOf(report, "b").discrimination).toBeCloseTo(0, 12);
    // c: x = 1,0,1,0,0 (mean .4); rest = mean of a and b = 1,1,.5,.5,0 (mean .6).
    //    dx = .6,-.4,.6,-.4,-.4; dy = .4,.4,-.1,-.1,-.6
    //    Σdxdy = .24 - .16 - .06 + .04 + .24 = .3; Σdx² = 2(.36) + 3(.16) = 1.2
    //    Σdy² = .16 + .16 + .01 + .01 + .36 = .7; r = .3 / √.84 = 0.327327
    expect(statsOf(report, "c").discrimination).toBeCloseTo(0.327327, 6);
  });

  it("computes Cronbach's alpha with sample variances", () => {
    // Item variances: each Σdx² = 1.2, / (5 - 1) = .3; their sum is .9.
    // Totals 3,2,2,1,0 (mean 1.6): Σd² = 1.96 + .16 + .16 + .36 + 2.56 = 5.2, / 4 = 1.3.
    // alpha = 3/2 · (1 - .9/1.3) = 1.5 · .4/1.3 = 0.461538 (population variances, .72/1.04, give the same).
    expect(report.cronbachAlpha).toBeCloseTo(0.461538, 6);
  });

  it("flags only the question that does not discriminate, with 5 learners enough to judge", () => {
    expect(report.items.map((stats) => stats.flags)).toEqual([[], ["not-discriminating"], []]);
  });

  it("reports the distribution and mean of deck scores", () => {
    // Scores 1, 2/3, 2/3, 1/3, 0; mean = (3 + 2 + 2 + 1 + 0) / 15 = 8/15.
    expect(report.candidates).toBe(5);
    expect(report.meanScore).toBeCloseTo(8 / 15, 12);
    expect(report.scoreDistribution.map((bucket) => bucket.count)).toEqual([1, 0, 0, 1, 0, 0, 2, 0, 0, 1]);
  });
});

describe("discrimination", () => {
  it("is 1 for a question answered right exactly by the learners who get the rest right", () => {
    // x = 1,1,0,0 and rest = 1,1,0,0: the same variable, so r = 1.
    const report = statistics(
      [item("x"), item("y"), item("z")],
      matrix(
        ["x", "y", "z"],
        [
          [1, 1, 1],
          [1, 1, 1],
          [0, 0, 0],
          [0, 0, 0],
        ],
      ),
    );
    expect(statsOf(report, "x").discrimination).toBeCloseTo(1, 12);
  });

  it("is negative for a question the strong learners get wrong", () => {
    // x = 0,0,1,1,1 (mean .6); rest = mean of y and z = 1,1,.5,0,0 (mean .5).
    // dx = -.6,-.6,.4,.4,.4; dy = .5,.5,0,-.5,-.5
    // Σdxdy = -.3 - .3 + 0 - .2 - .2 = -1; Σdx² = 1.2; Σdy² = 4(.25) = 1
    // r = -1 / √1.2 = -0.912871
    const report = statistics(
      [item("x"), item("y"), item("z")],
      matrix(
        ["x", "y", "z"],
        [
          [0, 1, 1],
          [0, 1, 1],
          [1, 1, 0],
          [1, 0, 0],
          [1, 0, 0],
        ],
      ),
    );
    const x = statsOf(report, "x");
    expect(x.discrimination).toBeCloseTo(-0.912871, 6);
    expect(x.flags).toEqual(["not-discriminating"]);
  });

  it("is null with fewer than 3 learners", () => {
    const report = statistics(
      [item("x"), item("y")],
      matrix(
        ["x", "y"],
        [
          [1, 1],
          [0, 0],
        ],
      ),
    );
    expect(statsOf(report, "x").discrimination).toBeNull();
  });

  it("uses the share right over each learner's other questions when learners answer different subsets", () => {
    //        a  b  c     rest for a
    //   u1   1  1  -     1/1 = 1
    //   u2   1  1  0     1/2 = .5
    //   u3   0  -  0     0/1 = 0
    //   u4   0  1  1     2/2 = 1
    //   u5   1  -  -     (one question only: no rest, left out of discrimination)
    // a: x = 1,1,0,0 (mean .5); rest = 1,.5,0,1 (mean .625).
    //    dx = .5,.5,-.5,-.5; dy = .375,-.125,-.625,.375
    //    Σdxdy = .1875 - .0625 + .3125 - .1875 = .25; Σdx² = 1
    //    Σdy² = .140625 + .015625 + .390625 + .140625 = .6875; r = .25 / √.6875 = 0.301511
    // (Sums instead of shares would give u2 a rest of 1, the same as u1 and u4, though u2 got half of it wrong.)
    const report = statistics(
      [item("a"), item("b"), item("c")],
      matrix(
        ["a", "b", "c"],
        [
          [1, 1, null],
          [1, 1, 0],
          [0, null, 0],
          [0, 1, 1],
          [1, null, null],
        ],
      ),
    );
    const a = statsOf(report, "a");
    expect(a.facility).toBe(0.6);
    expect(a.candidates).toBe(5);
    expect(a.discrimination).toBeCloseTo(0.301511, 6);
    // Deck scores of the 4 learners with 2+ questions: 1, 2/3, 0, 2/3; u5 is not among them.
    expect(report.candidates).toBe(4);
    expect(report.meanScore).toBeCloseTo((1 + 2 / 3 + 0 + 2 / 3) / 4, 12);
    // Only u2 answered all three questions: too few complete cases for alpha.
    expect(report.cronbachAlpha).toBeNull();
  });
});

describe("a question everyone gets right", () => {
  const everyoneRight = (learners: number) =>
    statistics(
      [item("easy"), item("other")],
      matrix(
        ["easy", "other"],
        Array.from({ length: learners }, (_, learner) => [1, learner % 2 === 0 ? 1 : 0] as (0 | 1)[]),
      ),
    );

  it("has facility 1, no discrimination (its score does not vary), and is too easy once 5 learners answered it", () => {
    const easy = statsOf(everyoneRight(5), "easy");
    expect(easy.facility).toBe(1);
    expect(easy.discrimination).toBeNull();
    expect(easy.flags).toEqual(["too-easy"]);
  });

  it("is not flagged with fewer than 5 learners", () => {
    const easy = statsOf(everyoneRight(4), "easy");
    expect(easy.facility).toBe(1);
    expect(easy.flags).toEqual([]);
  });
});

it("flags a question almost no one gets right as too hard", () => {
  // hard: 0 of 5 right, so facility 0 and no variance to correlate.
  const report = statistics(
    [item("hard"), item("other")],
    matrix(
      ["hard", "other"],
      [
        [0, 1],
        [0, 0],
        [0, 1],
        [0, 0],
        [0, 1],
      ],
    ),
  );
  expect(statsOf(report, "hard").flags).toEqual(["too-hard"]);
});

describe("first attempts", () => {
  it("scores and times only each learner's first attempt, whatever the order given, but counts every attempt", () => {
    const attempts = [
      // u1 got it wrong first and right on a later review; the review comes first in the list.
      attempt("u1", "q", true, { createdAt: minutes(60), elapsedMs: 500 }),
      attempt("u1", "q", false, { createdAt: minutes(0), elapsedMs: 1_000 }),
      attempt("u2", "q", true, { createdAt: minutes(5), elapsedMs: 3_000 }),
      attempt("u2", "q", true, { createdAt: minutes(90), elapsedMs: 400 }),
      attempt("u3", "q", false, { createdAt: minutes(10), elapsedMs: 8_000 }),
      attempt("u4", "q", true, { createdAt: minutes(15), elapsedMs: 2_000 }),
    ];
    const q = statsOf(statistics([item("q")], attempts), "q");
    expect(q.attempts).toBe(6);
    expect(q.candidates).toBe(4);
    // First attempts: wrong, right, wrong, right -> 2/4 (all attempts would give 4/6).
    expect(q.facility).toBe(0.5);
    // First-attempt times 1000, 3000, 8000, 2000: mean 14000/4 = 3500; median (2000 + 3000)/2 = 2500.
    expect(q.meanTimeMs).toBe(3_500);
    expect(q.medianTimeMs).toBe(2_500);
  });

  it("ignores attempts at questions outside the deck", () => {
    const report = statistics([item("q")], [attempt("u1", "q", true), attempt("u1", "elsewhere", false)]);
    expect(statsOf(report, "q").attempts).toBe(1);
    // u1 answered one deck question only, so has no deck score.
    expect(report.candidates).toBe(0);
  });
});

it("reports nulls and no flags for a question nobody answered", () => {
  const report = statistics([item("new", { choiceCount: 3, correctChoices: [0] })], []);
  expect(report.items).toEqual([
    {
      questionId: "new",
      attempts: 0,
      candidates: 0,
      facility: null,
      discrimination: null,
      meanTimeMs: null,
      medianTimeMs: null,
      wrongChoicePicks: [
        { choice: 1, count: 0, share: 0 },
        { choice: 2, count: 0, share: 0 },
      ],
      fsrsDifficulty: null,
      flags: [],
    },
  ]);
  expect(report.meanScore).toBeNull();
  expect(report.cronbachAlpha).toBeNull();
});

describe("Cronbach's alpha", () => {
  it("is null for a deck of one question", () => {
    const report = statistics([item("only")], matrix(["only"], [[1], [0], [1], [0], [1]]));
    expect(report.cronbachAlpha).toBeNull();
  });

  it("is null when every complete learner has the same total", () => {
    const report = statistics(
      [item("a"), item("b")],
      matrix(
        ["a", "b"],
        [
          [1, 0],
          [0, 1],
          [1, 0],
        ],
      ),
    );
    expect(report.cronbachAlpha).toBeNull();
  });
});

describe("score distribution", () => {
  it("has ten buckets, with 100% in the last and each boundary in the bucket above it", () => {
    const ids = Array.from({ length: 10 }, (_, index) => `q${index}`);
    // Right answers out of 10 per learner: 10, 9, 5, 3, 1, 0.
    const rightOutOfTen = [10, 9, 5, 3, 1, 0];
    const report = statistics(
      ids.map((id) => item(id)),
      matrix(
        ids,
        rightOutOfTen.map((right) => ids.map((_, index) => (index < right ? 1 : 0))),
      ),
    );
    expect(report.scoreDistribution).toEqual([
      { bucket: "0-10%", count: 1 },
      { bucket: "10-20%", count: 1 },
      { bucket: "20-30%", count: 0 },
      { bucket: "30-40%", count: 1 },
      { bucket: "40-50%", count: 0 },
      { bucket: "50-60%", count: 1 },
      { bucket: "60-70%", count: 0 },
      { bucket: "70-80%", count: 0 },
      { bucket: "80-90%", count: 0 },
      { bucket: "90-100%", count: 2 },
    ]);
    expect(report.candidates).toBe(6);
    // (10 + 9 + 5 + 3 + 1 + 0) / 60 = 28/60.
    expect(report.meanScore).toBeCloseTo(28 / 60, 12);
  });
});

describe("wrong choice picks", () => {
  it("counts each wrong choice over first attempts, listing a distractor nobody picked", () => {
    const single = item("single", { type: "single", choiceCount: 4, correctChoices: [1] });
    const attempts = [
      attempt("u1", "single", false, { picked: [0] }),
      attempt("u2", "single", true, { picked: [1] }),
      attempt("u3", "single", false, { picked: [0] }),
      attempt("u4", "single", false, { picked: [2] }),
      attempt("u5", "single", true, { picked: [1] }),
      // A later review picking choice 3 is practice, not counted.
      attempt("u1", "single", false, { picked: [3], createdAt: minutes(30) }),
    ];
    // Choice 0: 2 of 5 first attempts; choice 2: 1 of 5; choice 3: never.
    expect(statsOf(statistics([single], attempts), "single").wrongChoicePicks).toEqual([
      { choice: 0, count: 2, share: 0.4 },
      { choice: 2, count: 1, share: 0.2 },
      { choice: 3, count: 0, share: 0 },
    ]);
  });

  it("counts every wrong choice among a multiple-answer pick", () => {
    const multiple = item("multiple", { type: "multiple", choiceCount: 4, correctChoices: [0, 2] });
    const attempts = [
      attempt("u1", "multiple", false, { picked: [0, 1] }),
      attempt("u2", "multiple", true, { picked: [0, 2] }),
      attempt("u3", "multiple", false, { picked: [1, 3] }),
    ];
    // Choice 1: u1 and u3, 2/3; choice 3: u3, 1/3.
    expect(statsOf(statistics([multiple], attempts), "multiple").wrongChoicePicks).toEqual([
      { choice: 1, count: 2, share: 2 / 3 },
      { choice: 3, count: 1, share: 1 / 3 },
    ]);
  });

  it("is empty for a question without choices", () => {
    const report = statistics([item("numeric", { type: "numeric" })], [attempt("u1", "numeric", true)]);
    expect(statsOf(report, "numeric").wrongChoicePicks).toEqual([]);
  });
});

it("averages the FSRS difficulty of the learners' cards per question", () => {
  const cards: ItemCardDifficulty[] = [
    { questionId: "a", difficulty: 2 },
    { questionId: "a", difficulty: 5 },
    { questionId: "a", difficulty: 8 },
    { questionId: "elsewhere", difficulty: 10 },
  ];
  const report = statistics([item("a"), item("b")], [], cards);
  // a: (2 + 5 + 8) / 3 = 5 over 3 cards; b has no cards.
  expect(statsOf(report, "a").fsrsDifficulty).toEqual({ mean: 5, count: 3 });
  expect(statsOf(report, "b").fsrsDifficulty).toBeNull();
});

it("keeps the order of the given items", () => {
  const report = statistics([item("z"), item("a"), item("m")], []);
  expect(report.items.map((stats) => stats.questionId)).toEqual(["z", "a", "m"]);
});
