/** Small statistics for the benchmark: percentiles of samples, and median/min/max over rounds. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function spread(rounds: number[]): Spread {
  const sorted = [...rounds].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), rounds: rounds.map((r) => round(r)) };
}

/** `value / floor`, rounded; for latencies a ratio above 1 is slower than the floor, for throughput below 1. */
export const ratio = (value: number, floor: number) => (floor > 0 ? round(value / floor, 3) : null);

export const fmt = (s: Spread, unit = '') => `${s.median}${unit} (${s.min}–${s.max})`;
