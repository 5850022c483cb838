/**
 * ISO-8601 durations (`PT15M`, `P1D`) as fixed lengths of time, for SLA steps and drill inject
 * offsets alike. Years and months are refused: their length varies.
 */
import { parse as parseDuration } from 'tinyduration';

/** An ISO-8601 duration in milliseconds; a negative duration gives a negative number. */
export function durationMs(value: string): number {
  const d = parseDuration(value);
  if (d.years || d.months) throw new Error('years and months are not fixed lengths');
  const seconds = (d.weeks ?? 0) * 604_800 + (d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0);
  return Math.round((d.negative ? -1 : 1) * seconds * 1000);
}
