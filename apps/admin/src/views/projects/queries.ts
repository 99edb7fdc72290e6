import type { ProjectStatus } from '@kc/domain';
import { SELECTION_PROGRAMMES } from '@kc/domain';
import type { QueryClient } from '@tanstack/vue-query';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';
import { queryKeys } from '../../composables/query-keys';

/**
 * 项目管理 (issue 14, 四.2): the projects concluded key-project calls made, as case workers see
 * them (an area officer's answer holds only their area's). Keys start with 'projects' so one
 * invalidation after a save refreshes the list and the project.
 */
export type Project = RouterOutputs['selection']['projects']['byId'];
export type ProjectListInput = RouterInputs['selection']['projects']['list'];
export type ProjectContractInput =
  RouterInputs['selection']['projects']['saveContract']['contract'];
export type ProjectTranche = Project['tranches'][number];
export type ProjectReport = Project['reports'][number];
export type ProjectChange = Project['changes'][number];
export type ReportReviewInput = RouterInputs['selection']['projects']['reviewReport'];
/** The final report's acceptance panel (验收专家组), as officers follow it. */
export type ProjectAcceptance = NonNullable<Project['acceptance']>;
export type AcceptancePanel = NonNullable<ProjectAcceptance['panel']>;
export type AcceptanceMember = AcceptancePanel['members'][number];
export type ChangeDecisionInput = RouterInputs['selection']['projects']['decideChange'];
export type TerminateInput = RouterInputs['selection']['projects']['terminate'];
export type { ProjectStatus };

export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  list: (input: ProjectListInput) => ['projects', 'list', input] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
};

/** The calls whose 确定结果 makes projects: the programmes whose outcome is a project. */
export const makesProjects = (programme: string) =>
  SELECTION_PROGRAMMES.some((p) => p.code === programme && p.outcome === 'project');

/** The list's input: the page and the filters (already checked by the URL's rules). */
export function listInput(
  page: number,
  pageSize: number,
  f: { status?: string; callId?: string },
): ProjectListInput {
  return {
    page,
    pageSize,
    ...(f.callId ? { callId: f.callId } : {}),
    ...(f.status ? { status: f.status as ProjectStatus } : {}),
  };
}

/** A call of the list's call filter: `2027年度…（揭榜挂帅）（SZKC-ZN-2027-02）`. */
export const callOption = (c: { id: string; number: string; title: string }) => ({
  label: `${c.title}（${c.number}）`,
  value: c.id,
});

export const listProjects = (input: ProjectListInput) => trpc.selection.projects.list.query(input);
export const getProject = (id: string) => trpc.selection.projects.byId.query({ id });

/** Silent: the dialog shows the refusal beside what was refused. */
export const saveContract = (input: RouterInputs['selection']['projects']['saveContract']) =>
  trpc.selection.projects.saveContract.mutate(input, { context: { silent: true } });

/** 审查 a report (the bureau's). Silent: the dialog shows the refusal beside what was refused. */
export const reviewReport = (input: ReportReviewInput) =>
  trpc.selection.projects.reviewReport.mutate(input, { context: { silent: true } });
/** 抽取验收专家组 for the submitted final report. Silent, like the others. */
export const drawAcceptancePanel = (id: string) =>
  trpc.selection.projects.drawAcceptancePanel.mutate({ id }, { context: { silent: true } });
/** 递补: the open places go to the reserves in the order drawn. Silent, like the others. */
export const fillAcceptancePanel = (id: string) =>
  trpc.selection.projects.fillAcceptancePanel.mutate({ id }, { context: { silent: true } });
/** 同意 / 不同意 a change the unit asked for. Silent, like the others. */
export const decideChange = (input: ChangeDecisionInput) =>
  trpc.selection.projects.decideChange.mutate(input, { context: { silent: true } });
/** 终止 by the bureau on its own. Silent, like the others. */
export const terminateProject = (input: TerminateInput) =>
  trpc.selection.projects.terminate.mutate(input, { context: { silent: true } });

/**
 * After a step on a project the page shows the project the server answered with (no refetch of
 * what is already known). The list changes with it, and so do the award queues: passing a report
 * raises tranche applications (市局审核中), ending a project withdraws the ones waiting there.
 */
export async function showProject(client: QueryClient, project: Project) {
  client.setQueryData(projectKeys.detail(project.id), project);
  await Promise.all(
    [projectKeys.lists, queryKeys.review.all, queryKeys.workbench].map((queryKey) =>
      client.invalidateQueries({ queryKey }),
    ),
  );
}

/** Tag colours (names come from the server): waiting for someone = warning, ended badly = danger. */
type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';
const TAGS: Record<string, TagType> = {
  contracting: 'warning',
  'in-progress': 'primary',
  accepting: 'warning',
  completed: 'success',
  terminated: 'danger',
};
export const projectTagType = (status: string): TagType => TAGS[status] ?? 'info';
