/** Percentile of a sample (nearest rank); the sample need not be sorted. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: number[]) => percentile(values, 50);

export function format(value: number, digits = 2): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(digits);
}
