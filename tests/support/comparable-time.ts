import { expect } from "vitest";

/**
 * Linear-time checks that hold on a busy machine. Hostile input must cost at most `factor` times what
 * ordinary input of the same size costs, plus `slackMs` for timer noise: both are measured here,
 * interleaved, each as the fastest of `runs` runs (load only ever slows a run down). A quadratic parser
 * is hundreds of times slower at these sizes; no limit is a wall-clock figure tuned to a quiet machine.
 */
export type TimeBounds = { factor?: number; slackMs?: number; runs?: number };

export function expectComparableTime(ordinary: () => unknown, hostile: () => unknown, bounds: TimeBounds = {}): void {
  const { factor = 10, slackMs = 25, runs = 3 } = bounds;
  let ordinaryMs = Number.POSITIVE_INFINITY;
  let hostileMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    ordinaryMs = Math.min(ordinaryMs, duration(ordinary));
    hostileMs = Math.min(hostileMs, duration(hostile));
  }
  const allowed = factor * ordinaryMs + slackMs;
  expect(hostileMs, `hostile input took ${hostileMs.toFixed(1)} ms, ordinary input ${ordinaryMs.toFixed(1)} ms`).toBeLessThanOrEqual(allowed);
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
