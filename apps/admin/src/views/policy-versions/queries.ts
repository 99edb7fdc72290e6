import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 政策修订 (issue 15) as the bureau runs it: the versions (built in and the bureau's), one version
 * with its 修改对照表, the form's figures, and the steps (提出, 修改, 提请施行, 退回, 撤回, 确认施行).
 * The steps are silent: each dialog or the page shows the refusal beside what was tried.
 */
export type PolicyVersionList = RouterOutputs['policyVersions']['list'];
export type BuiltInVersion = PolicyVersionList['builtIn'][number];
export type PolicyVersionItem = PolicyVersionList['versions'][number];
export type PolicyVersion = RouterOutputs['policyVersions']['byId'];
export type ComparisonRow = PolicyVersion['comparison']['rows'][number];
export type AmendmentForm = RouterOutputs['policyVersions']['form'];
export type Amendment = RouterInputs['policyVersions']['propose']['amendment'];

/** Query-cache keys; every step refetches all of them (the list's statuses and the page). */
export const policyVersionKeys = {
  all: ['policy-versions'] as const,
  list: ['policy-versions', 'list'] as const,
  detail: (id: string) => ['policy-versions', 'detail', id] as const,
  form: ['policy-versions', 'form'] as const,
};

const silent = { context: { silent: true } };

export const listPolicyVersions = () => trpc.policyVersions.list.query();
export const getPolicyVersion = (id: string) => trpc.policyVersions.byId.query({ id });
export const getAmendmentForm = () => trpc.policyVersions.form.query();
export const proposeVersion = (amendment: Amendment) =>
  trpc.policyVersions.propose.mutate({ amendment }, silent);
export const updateVersion = (input: RouterInputs['policyVersions']['update']) =>
  trpc.policyVersions.update.mutate(input, silent);
export const requestAdoption = (input: RouterInputs['policyVersions']['requestAdoption']) =>
  trpc.policyVersions.requestAdoption.mutate(input, silent);
export const returnVersion = (input: RouterInputs['policyVersions']['return']) =>
  trpc.policyVersions.return.mutate(input, silent);
export const withdrawVersion = (input: RouterInputs['policyVersions']['withdraw']) =>
  trpc.policyVersions.withdraw.mutate(input, silent);
export const confirmAdoption = (input: RouterInputs['policyVersions']['confirm']) =>
  trpc.policyVersions.confirm.mutate(input, silent);
