import type { RouterInputs, RouterOutputs } from '../../api/types';

export type QueueInput = RouterInputs['review']['queue'];
export type QueueItem = RouterOutputs['review']['queue']['items'][number];
export type ApplicationDetail = RouterOutputs['review']['byId'];
export type ReviewAction = RouterInputs['review']['act']['action'];
