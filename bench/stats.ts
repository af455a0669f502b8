/** Percentile of a sample (nearest rank); the sample need not be sorted. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: number[]) => percentile(values, 50);

export function format(value: number, digits = 2): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(digits);
}

/**
 * The median over rounds of one series' figure divided by a baseline's in the same round: rounds run both
 * back to back, so load that comes and goes on a shared machine hits them alike.
 */
export function medianRatio<Run>(runs: Run[], baseline: Run[], of: (run: Run) => number): number {
  return median(runs.map((run, round) => of(run) / of(baseline[round]!)));
}
