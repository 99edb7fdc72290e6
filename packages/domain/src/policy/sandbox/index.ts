/**
 * 政策沙盘: what a proposed version would have paid for past applications, beside what the version
 * in force pays. Pure: the caller reads the applications and stores the result with its checksum.
 */
export type { HistoricalApplication, Replay, ReplayRow, SandboxPeriod } from './types';
export { explainRow, inForceThroughout, replay, replayOrder } from './replay';
export {
  compareReplays,
  type AreaComparison,
  type ChangedApplication,
  type CompareOptions,
  type ProgrammeComparison,
  type ReplayComparison,
  type SandboxTotals,
} from './compare';
export {
  batched,
  canonicalJson,
  sandboxChecksum,
  writeCanonicalJson,
  type SandboxChecksumInput,
  type TextHash,
} from './checksum';
export { Sha256, sha256Hex } from './sha256';
export { runSandbox, type SandboxInput, type SandboxResult } from './run';
