/**
 * Unique names and numbers for the admin part-B flows (directory, officers, 科技副总): the
 * flows share one database, so every name and number carries this run's tag.
 */
import { creditCodeCheckChar, residentIdCheckChar } from '@kc/domain';

/** A run-unique tag: the flows share one database, so every name and number carries it. */
export const RUN = `${Date.now() % 1_000_000}`.padStart(6, '0');

/** A valid credit code in 埇桥区, unique per run and serial. */
export function uniqueCreditCode(serial: number): string {
  const first17 = `91341302MB${String(serial % 100).padStart(2, '0')}${RUN.slice(-5)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A valid resident ID born on `birth` (YYYYMMDD), unique per run and serial. */
export function uniqueResidentId(serial: number, birth = '19800615'): string {
  const seq = String((Number(RUN) + serial * 7) % 1000).padStart(3, '0');
  const first17 = `34130${serial % 10}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}
