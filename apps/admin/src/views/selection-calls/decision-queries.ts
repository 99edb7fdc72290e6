import { SELECTION_CALL_STATUSES } from '@kc/domain';
import { trpc } from '../../api/client';
import type { RouterInputs, RouterOutputs } from '../../api/types';

/**
 * 拟定结果 of a call (the bureau's): the ranking's rows with the choice saved (or, before any,
 * the ranking's own proposal), and the limits. The key starts with 'selection-calls', so a step
 * of the call (拟定名单并公示, 撤回公示) refreshes it with the call.
 */
export type Decision = RouterOutputs['selection']['decision']['get'];
export type DecisionRow = Decision['rows'][number];
export type DecisionSave = RouterInputs['selection']['decision']['save'];
export type DecisionChoiceInput = DecisionSave['choices'][number];

export const decisionKeys = {
  decision: (callId: string) => ['selection-calls', 'decision', callId] as const,
};

const DECIDING = SELECTION_CALL_STATUSES.findIndex((s) => s.code === 'deciding');

/** True from 拟定结果中 on: the stages in which a call has a decision to show. */
export const decisionStarted = (status: string) =>
  SELECTION_CALL_STATUSES.findIndex((s) => s.code === status) >= DECIDING;

export const getDecision = (callId: string) => trpc.selection.decision.get.query({ callId });

/** Silent: the section shows the refusal beside the rows and the button it concerns. */
export const saveDecision = (input: DecisionSave) =>
  trpc.selection.decision.save.mutate(input, { context: { silent: true } });
