import {
  FIELDS,
  NEED_KINDS,
  type NeedKind,
  formatYuan,
  scenarioNeedSchema,
  technologyNeedSchema,
} from '@kc/domain';
import type { api } from '../../api/client';
import { type FieldOverrides, describeFields } from '../../forms/schema-fields';

/** One of the organisation's own 需求榜 needs: the poster's view (status, responses, 科技副总). */
export type MyNeed = Awaited<ReturnType<typeof api.needs.mine.query>>[number];
export type VpCall = Awaited<ReturnType<typeof api.vp.calls.list.query>>[number];
/** A published need as anyone reads it on the 需求榜 (no people). */
export type BoardNeed = Awaited<ReturnType<typeof api.needs.publishedById.query>>;
export type BoardPage = Awaited<ReturnType<typeof api.needs.published.query>>;
/** A published 申报指南 (selection call), as anyone reads it. */
export type PublishedCall = Awaited<ReturnType<typeof api.selection.calls.published.query>>[number];
type Profile = Awaited<ReturnType<typeof api.profile.mine.query>>;

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
export function detailRows(
  need: Pick<MyNeed, 'kind' | 'details' | 'subFieldName'>,
): { name: string; label: string; value: string }[] {
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

/* ---------- 发布 and 修改 ---------- */

/** The two kinds, in the domain's words, for the choice at the top of the form. */
export const KIND_OPTIONS = NEED_KINDS.map((k) => ({ code: k.code, name: k.name }));

/** The domain schema of a kind: what the form is built from and checked by, as the API checks. */
export function needFormSchema(kind: NeedKind) {
  return kind === 'technology' ? technologyNeedSchema : scenarioNeedSchema;
}

/**
 * What the schema cannot say: the kind is chosen above the form (kept as a hidden value), the
 * sub-fields follow the chosen field (as on the 科技副总 need form: a sub-field left from another
 * field stays chosen and the schema's "须属于所选的产业领域" says so under it).
 */
export const NEED_FORM_OVERRIDES: FieldOverrides = {
  kind: { visible: () => false },
  subFieldCode: {
    kind: 'choice',
    optionsFrom: (values) =>
      FIELDS.find((f) => f.code === values.fieldCode)?.subFields.map((s) => ({
        code: s.code,
        name: s.name,
      })) ?? [],
    visible: (values) => Boolean(values.fieldCode),
  },
  site: { placeholder: '如：宿州高新区某园区' },
  budgetMinFen: { hint: '不填表示预算面议' },
  budgetMaxFen: { hint: '不低于预算下限' },
  coFundFen: { hint: '企业为攻克该难题拟投入的研发资金' },
};

/** A need may be corrected while 待审核 or 退回修改 (the API's rule); a published one may not. */
export function canEditNeed(need: Pick<MyNeed, 'status'>): boolean {
  return need.status === 'submitted' || need.status === 'returned';
}

/** The form's starting values: the need being corrected (its details hold the rest), or a kind. */
export function needFormInitial(
  kind: NeedKind,
  need: Pick<MyNeed, 'kind' | 'title' | 'fieldCode' | 'details'> | null,
): Record<string, unknown> {
  if (!need) return { kind };
  return { ...need.details, kind: need.kind, title: need.title, fieldCode: need.fieldCode };
}

/** What happens after posting (and after a correction is resubmitted). */
export const NEXT_STEPS =
  '需求已提交，待审核：由本单位所在区县科技局（或市科技局）审核，审核通过后在需求榜公开发布；需要修改的，将退回并附审核意见，届时可在此修改后重新提交。';

/* ---------- 需求榜 ---------- */

export const BOARD_PAGE_SIZE = 10;

export interface BoardFilters {
  kind?: NeedKind | undefined;
  fieldCode?: string | undefined;
  q?: string | undefined;
}

/** `needs.published`'s input: blanks left out, the keyword trimmed (≤ 50 characters). */
export function boardQuery(filters: BoardFilters, page: number) {
  const q = filters.q?.trim().slice(0, 50);
  return {
    page,
    pageSize: BOARD_PAGE_SIZE,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.fieldCode
      ? { fieldCode: filters.fieldCode as (typeof FIELDS)[number]['code'] }
      : {}),
    ...(q ? { q } : {}),
  };
}

/** Filter chips: the kinds (短名) and the five fields, each with 全部. */
export const BOARD_KINDS = [
  { code: 'all', name: '全部' },
  { code: 'scenario', name: '应用场景' },
  { code: 'technology', name: '技术攻关' },
] as const;
export const BOARD_FIELDS = [
  { code: 'all', name: '全部领域' },
  ...FIELDS.map((f) => ({ code: f.code, name: f.name })),
];

/**
 * 揭榜挂帅: the key-project calls a published 技术攻关需求 may be answered in on `today`
 * (Asia/Shanghai), soonest deadline first. As the API takes submissions: the call is open, from
 * its first day up to and including its deadline; other programmes answer no needs.
 */
export function keyProjectCallsFor(
  need: Pick<BoardNeed, 'kind'>,
  calls: readonly PublishedCall[],
  today: string,
): PublishedCall[] {
  if (need.kind !== 'technology') return [];
  return calls
    .filter(
      (c) =>
        c.programme === 'key-project' &&
        c.status === 'open' &&
        c.applyFrom <= today &&
        today <= c.applyUntil,
    )
    .sort((a, b) => (a.applyUntil < b.applyUntil ? -1 : a.applyUntil > b.applyUntil ? 1 : 0));
}

/**
 * Whom a 揭榜 is made as, in the words the poster will read (the API's `who`): a researcher
 * with the institution, or the organisation; null without a profile (the API refuses then).
 */
export function responderOf(profile: Profile): string | null {
  if (profile.type === 'researcher')
    return `${profile.researcher.name}（${profile.researcher.institutionName}）`;
  if (profile.type === 'organisation') return profile.organisation.name;
  return null;
}
