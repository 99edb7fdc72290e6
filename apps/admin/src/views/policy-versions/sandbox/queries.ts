import { trpc } from '../../../api/client';
import type { RouterInputs, RouterOutputs } from '../../../api/types';

/**
 * 政策沙盘 (issue 15): a version's replays of a period's applications. A run is a background job;
 * the list is polled while any run is unfinished, a finished run's report is read once.
 */
export type SandboxRunHead = RouterOutputs['policyVersions']['sandboxRuns'][number];
export type SandboxRun = RouterOutputs['policyVersions']['sandboxRun'];
export type SandboxReport = NonNullable<SandboxRun['result']>;
export type SandboxTotals = SandboxReport['totals'];
export type ProgrammeComparison = SandboxReport['byProgramme'][number];
export type AreaComparison = SandboxReport['byArea'][number];
export type ChangedApplication = SandboxReport['largestChanges'][number];
export type SandboxProjection = SandboxReport['projection'];
export type TargetProjection = SandboxProjection['targets'][number];

export const sandboxKeys = {
  all: ['policy-sandbox'] as const,
  runs: (versionId: string) => ['policy-sandbox', 'runs', versionId] as const,
  run: (id: string) => ['policy-sandbox', 'run', id] as const,
};

/** How often the list is read again while a run is queued or running. */
export const POLL_MS = 1500;

export const isUnfinished = (run: Pick<SandboxRunHead, 'status'>) =>
  run.status === 'queued' || run.status === 'running';

const silent = { context: { silent: true } };

export const listSandboxRuns = (versionId: string) =>
  trpc.policyVersions.sandboxRuns.query({ versionId });
export const getSandboxRun = (id: string) => trpc.policyVersions.sandboxRun.query({ id });
/** Silent: the start form shows a refusal under the period or above the button. */
export const startSandbox = (input: RouterInputs['policyVersions']['sandboxStart']) =>
  trpc.policyVersions.sandboxStart.mutate(input, silent);
export const exportSandbox = (id: string) => trpc.policyVersions.sandboxExport.mutate({ id });
