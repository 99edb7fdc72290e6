/**
 * 政策沙盘: what a proposed version would have paid for past applications, beside what the version
 * in force pays. Pure: the caller reads the applications and stores the result with its checksum.
 */
export type { HistoricalApplication, Replay, ReplayRow, SandboxPeriod } from './types';
export { replayOrder } from './order';
export { planReplay, type ReplayPlan } from './plan';
export { explainRow, inForceThroughout, replay } from './replay';
export {
  explainOutcome,
  outcomesOf,
  replayOutcomes,
  replayOutcomesSideBySide,
  type ReplayOutcomes,
} from './outcomes';
export type { RowHistories } from './history-log';
export {
  compareOutcomes,
  compareReplays,
  type AreaComparison,
  type ChangedApplication,
  type EligibilityChange,
  type CompareOptions,
  type ProgrammeComparison,
  type ReplayComparison,
  type SandboxTotals,
} from './compare';
export {
  sandboxChecksum,
  type ByteHash,
  type RowOutcomes,
  type SandboxChecksumInput,
} from './checksum';
export { Sha256, sha256Hex } from './sha256';
export { runSandbox, type SandboxInput, type SandboxResult } from './run';
