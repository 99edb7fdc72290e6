/**
 * What every bench prints next to its figures: the machine is shared and noisy, so a figure
 * without the load average it was measured under means little.
 */
import { cpus, loadavg } from 'node:os';

export function machineLine(): string {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(2));
  return `machine: ${cpus().length} cores, load average ${one} ${five} ${fifteen}`;
}

/** Median of an odd or even list (the mean of the middle two). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** The p-th percentile (0..100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
