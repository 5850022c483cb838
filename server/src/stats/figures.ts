/** Pure summaries of response times, shared by the statistics and their tests' expectations. */
import type { DurationSummary } from '@cert-hub/shared';

/** The 90th percentile by the nearest-rank method (the smallest value ≥ 90 % of the values). */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

export function summarise(values: readonly number[]): DurationSummary {
  return {
    count: values.length,
    meanSeconds: values.length === 0 ? null : Math.round(values.reduce((s, v) => s + v, 0) / values.length),
    p90Seconds: percentile90(values),
  };
}
