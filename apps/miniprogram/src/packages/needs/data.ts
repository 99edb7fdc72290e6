import { formatYuan, scenarioNeedSchema, technologyNeedSchema } from '@kc/domain';
import type { api } from '../../api/client';
import { describeFields } from '../../forms/schema-fields';

/** One of the organisation's own 需求榜 needs: the poster's view (status, responses, 科技副总). */
export type MyNeed = Awaited<ReturnType<typeof api.needs.mine.query>>[number];
export type VpCall = Awaited<ReturnType<typeof api.vp.calls.list.query>>[number];

/** Only a published 技术攻关需求 may become a 科技副总 need (the API's own rule). */
export function canTurnIntoVpNeed(need: Pick<MyNeed, 'kind' | 'status'>): boolean {
  return need.kind === 'technology' && need.status === 'published';
}

export interface VpConversion {
  /** The calls this need already went into, with the line that says so. */
  done: { callId: string; text: string }[];
  /** The calls collecting needs that it may still go into. */
  offered: VpCall[];
  /** Why nothing is offered, or null. */
  none: string | null;
}

export const NO_OPEN_CALL = '当前没有正在征集需求的科技副总批次';

/**
 * Where a published technology need stands with the 科技副总 calls: once per call (the API
 * refuses a second time, a withdrawn one included), only into calls still collecting needs.
 */
export function vpConversion(
  need: Pick<MyNeed, 'vpNeeds'>,
  calls: readonly Pick<VpCall, 'id' | 'status'>[],
): VpConversion {
  const done = need.vpNeeds.map((v) => ({
    callId: v.callId,
    text: `已转为“${v.callTitle}”的科技副总需求${v.withdrawn ? '（已撤回）' : ''}`,
  }));
  const taken = new Set(need.vpNeeds.map((v) => v.callId));
  const open = calls.filter((c) => c.status === 'open');
  const offered = open.filter((c) => !taken.has(c.id)) as VpCall[];
  const none =
    open.length === 0 ? NO_OPEN_CALL : offered.length === 0 ? '正在征集需求的批次均已转入' : null;
  return { done, offered, none };
}

/**
 * The need's own fields (kept as its details) in the words of its domain schema: what the poster
 * wrote, money in yuan, choices by name. Title and field are shown apart.
 */
export function detailRows(need: MyNeed): { name: string; label: string; value: string }[] {
  const schema = need.kind === 'technology' ? technologyNeedSchema : scenarioNeedSchema;
  return describeFields(schema)
    .filter((f) => !['kind', 'title', 'fieldCode'].includes(f.name))
    .flatMap((f) => {
      const raw = need.details[f.name];
      if (raw === undefined || raw === null || raw === '') return [];
      const value =
        f.name === 'subFieldCode'
          ? (need.subFieldName ?? String(raw))
          : typeof raw === 'bigint'
            ? formatYuan(raw)
            : (f.options.find((o) => o.code === raw)?.name ?? String(raw));
      return [{ name: f.name, label: f.title, value }];
    });
}
