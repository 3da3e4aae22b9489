import type { WaitStats } from '@shared/reports.js';

/**
 * The nearest-rank percentile of ascending `sorted`: the smallest value with at least `p` % of
 * the values at or below it (rank ⌈p/100 · n⌉). The median is p = 50, so with an even count it
 * is the lower of the two middle values.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Count, median and p90 of waits in seconds (sorted in place: a typed array sorts by value). */
export function waitStats(values: Float64Array): WaitStats {
  const sorted = values.sort();
  return { count: sorted.length, median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
}
