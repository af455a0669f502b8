import { expect } from "vitest";

/**
 * Linear-time checks that hold on a busy machine. Hostile input must cost at most `factor` times what
 * ordinary input of the same size costs, plus `slackMs` for timer noise: both are measured here,
 * interleaved, each as the fastest of its runs (load only ever slows a run down). At least `runs` rounds
 * are measured, and up to `maxRuns` while the bound is not met, since one busy moment can slow all three
 * runs of a long input and none of a short one. A quadratic parser is hundreds of times slower at these
 * sizes, whatever the rounds; no limit is a wall-clock figure tuned to a quiet machine.
 */
export type TimeBounds = { factor?: number; slackMs?: number; runs?: number; maxRuns?: number };

export function expectComparableTime(ordinary: () => unknown, hostile: () => unknown, bounds: TimeBounds = {}): void {
  const { factor = 10, slackMs = 25, runs = 3, maxRuns = 8 } = bounds;
  let ordinaryMs = Number.POSITIVE_INFINITY;
  let hostileMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < maxRuns && (round < runs || hostileMs > factor * ordinaryMs + slackMs); round++) {
    ordinaryMs = Math.min(ordinaryMs, duration(ordinary));
    hostileMs = Math.min(hostileMs, duration(hostile));
  }
  const allowed = factor * ordinaryMs + slackMs;
  expect(
    hostileMs,
    `hostile input took ${hostileMs.toFixed(1)} ms, ordinary input ${ordinaryMs.toFixed(1)} ms`,
  ).toBeLessThanOrEqual(allowed);
}

/**
 * expectComparableTime for many hostile inputs of one length against one ordinary input. Each input is
 * parsed once and passes when within the bound of the fastest ordinary run seen so far (an input that
 * passes so would pass the interleaved check too); one over it is measured again with
 * expectComparableTime before it can fail the test. The ordinary input is timed again every 50 inputs.
 */
export function expectAllComparable(
  parse: (text: string) => unknown,
  ordinary: string,
  inputs: Iterable<string>,
  bounds: TimeBounds = {},
): void {
  const { factor = 10, slackMs = 25, runs = 3 } = bounds;
  let ordinaryMs = Number.POSITIVE_INFINITY;
  let count = 0;
  for (const input of inputs) {
    if (count++ % 50 === 0)
      for (let run = 0; run < runs; run++)
        ordinaryMs = Math.min(
          ordinaryMs,
          duration(() => parse(ordinary)),
        );
    if (duration(() => parse(input)) > factor * ordinaryMs + slackMs) {
      expectComparableTime(
        () => parse(ordinary),
        () => parse(input),
        bounds,
      );
    }
  }
}

function duration(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** `unit` repeated and cut to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(Math.max(0, length) / unit.length)).slice(0, Math.max(0, length));
}
