import { FIELD_CODES, SELECTION_CALL_STATUSES, plainString } from '@kc/domain';
import { z } from 'zod';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 专家评审 of a call: its review panels (drawn by the bureau, followed by every caseworker) and
 * the ranking once panels have closed. Keys start with 'selection-calls', so the invalidation
 * after any step refreshes the call, its submissions, its panels and its results together.
 */
export type Panel = RouterOutputs['selection']['panels']['ofCall'][number];
export type DrawnPanel = RouterOutputs['selection']['panels']['draw'];
export type PanelExpert = Panel['experts'][number];
export type ResultRow = RouterOutputs['selection']['panels']['results'][number];
export type DrawPanelInput = RouterInputs['selection']['panels']['draw'];

export const reviewKeys = {
  panels: (callId: string) => ['selection-calls', 'panels', callId] as const,
  results: (callId: string) => ['selection-calls', 'results', callId] as const,
};

const EXPERT_REVIEW = SELECTION_CALL_STATUSES.findIndex((s) => s.code === 'expert-review');

/** True from 专家评审 on: the stages in which a call has panels to show. */
export const reviewStarted = (status: string) =>
  SELECTION_CALL_STATUSES.findIndex((s) => s.code === status) >= EXPERT_REVIEW;

export const listPanels = (callId: string) => trpc.selection.panels.ofCall.query({ callId });
export const listResults = (callId: string) => trpc.selection.panels.results.query({ callId });

/** Silent: the dialog and the panel's card show the refusal beside what was refused. */
const silent = { context: { silent: true } };
export const drawPanel = (input: DrawPanelInput) =>
  trpc.selection.panels.draw.mutate(input, silent);
export const closePanel = (id: string) => trpc.selection.panels.close.mutate({ id }, silent);

/**
 * The draw's form, with the words the API's input check answers in (the router's own rules:
 * a name of 2–40 characters, a future-industry field, at least one submission).
 */
export const drawPanelSchema = z.object({
  name: plainString({ error: '请填写评审组名称' })
    .trim()
    .min(2, '评审组名称至少2个字')
    .max(40, '评审组名称不能超过40个字'),
  fieldCode: z.enum(FIELD_CODES, { error: '请选择评审组的产业领域' }),
  submissionIds: z.array(z.string()).min(1, { error: '请选择本组评审的申报' }).max(200),
});

/** An assignment's experts by part: the members invited (or who answered) and the reserves. */
export function drawnParts(experts: readonly PanelExpert[]) {
  return {
    members: experts.filter((e) => e.status !== 'reserve'),
    reserves: experts.filter((e) => e.status === 'reserve'),
  };
}

/** The result's explanation, one step a line: 「5份有效评分：…；去掉最高分…；最高与最低相差…」. */
export const explanationSteps = (explanation: string) =>
  explanation
    .split('；')
    .map((s) => s.trim())
    .filter(Boolean);

/** 四.5 的人才团队类别: A类 / B类 / C类, 未达档 below the C line, — without a result yet. */
export const talentCategoryText = (category: string | null, result: number | null) =>
  category ? `${category}类` : result === null ? '—' : '未达档';
