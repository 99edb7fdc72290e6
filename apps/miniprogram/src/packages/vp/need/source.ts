import { vpNeedPrefill } from '@kc/domain';
import type { api } from '../../../api/client';

/** One of the organisation's own 需求榜 needs, as `needs.mine` returns it. */
type BoardNeed = Awaited<ReturnType<typeof api.needs.mine.query>>[number];

/** The API's own words when a need may not be turned (issue 14). */
export const NOT_CONVERTIBLE = '只有本单位已发布的技术攻关需求可以转为科技副总需求';

/** A published 技术攻关需求 a 科技副总 need is turned from, and what it brings into the form. */
export interface NeedSource {
  id: string;
  number: string;
  prefill: ReturnType<typeof vpNeedPrefill>;
}

/**
 * What the 科技副总 form starts with when turned from a board need: the domain's
 * `vpNeedPrefill` of the need's title, field and (from its details) sub-field, problem and
 * indicators. Only the organisation's published technology need qualifies, as the API checks.
 */
export function needSource(need: BoardNeed): NeedSource {
  if (need.kind !== 'technology' || need.status !== 'published') throw new Error(NOT_CONVERTIBLE);
  const text = (key: string) => {
    const value = need.details[key];
    return typeof value === 'string' ? value : '';
  };
  return {
    id: need.id,
    number: need.number,
    prefill: vpNeedPrefill({
      title: need.title,
      fieldCode: need.fieldCode,
      subFieldCode: text('subFieldCode'),
      problem: text('problem'),
      indicators: text('indicators'),
    }),
  };
}

export function sourceNote(number: string): string {
  return `已从攻关需求 ${number} 带入需求名称、领域和难题描述，请补充所需专长、到岗天数等`;
}
