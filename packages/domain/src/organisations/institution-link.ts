import { z } from 'zod';
import type { InstitutionKind } from '../matching/reference';
import { codesOf, nameLookup } from '../reference/lookup';

/**
 * A researcher's 工作单位 as an organisation on the platform (单位关联). The researcher types the
 * institution's credit code; where an organisation with that code exists, its administrator
 * confirms that the researcher works there. Otherwise the 单位 stays free text, 未核验.
 */
export const INSTITUTION_LINK_STATUSES = [
  { code: 'none', name: '未核验' },
  { code: 'pending', name: '待单位确认' },
  { code: 'confirmed', name: '已确认' },
  { code: 'rejected', name: '单位未确认' },
] as const;
export type InstitutionLinkStatus = (typeof INSTITUTION_LINK_STATUSES)[number]['code'];
export const institutionLinkStatusName = nameLookup(INSTITUTION_LINK_STATUSES);

/** What the organisation's administrator answers. */
export const INSTITUTION_LINK_DECISIONS = [
  { code: 'confirmed', name: '确认是本单位人员' },
  { code: 'rejected', name: '不是本单位人员' },
] as const;
export const institutionLinkDecisionSchema = z.object({
  researcherId: z.uuid({ error: '请选择科研人员' }),
  decision: z.enum(codesOf(INSTITUTION_LINK_DECISIONS), { error: '请选择确认或不确认' }),
});

/** The researcher's link as eligibility rules read it. */
export interface InstitutionLinkFacts {
  readonly status: string;
  /** the linked organisation's type (`ORGANISATION_TYPES` code), when linked */
  readonly organisationType?: string | null | undefined;
  readonly organisationName?: string | null | undefined;
}

/**
 * 科技副总 “高校或科研院所的科研人员”: where the institution confirmed the researcher, its type on
 * the platform decides, not the researcher's own declaration.
 */
export function institutionKindFor(declared: string, link: InstitutionLinkFacts): string {
  if (link.status !== 'confirmed') return declared;
  const type = link.organisationType;
  return type === 'university' || type === 'institute' ? (type satisfies InstitutionKind) : 'other';
}

/** Why officers should not take the declared 单位 on trust; null when the institution confirmed it. */
export function institutionLinkWarning(link: InstitutionLinkFacts): string | null {
  const name = link.organisationName ? `“${link.organisationName}”` : '所填单位';
  switch (link.status) {
    case 'confirmed':
      return null;
    case 'pending':
      return `工作单位待${name}管理员确认，单位类型为本人填报`;
    case 'rejected':
      return `${name}管理员未确认其为本单位人员，单位信息为本人填报`;
    default:
      return '工作单位未在平台核验，单位信息为本人填报';
  }
}
