import { z } from 'zod';
import { FIELDS, fieldOfSubField } from '../reference/fields';
import { codesOf, nameLookup } from '../reference/lookup';
import { choiceField, dateField, moneyField, textField } from '../policy/fields';
import { SCENARIO_DOMAINS } from '../policy/rules/4-1-scenario-case';
import { plainString } from '../validate/safe-text';

/**
 * Need boards (需求榜, issue 14; plan 四.1 and 四.2): firms and public bodies post application-
 * scenario needs (应用场景需求) and technology needs (攻关需求); officers curate and publish them;
 * researchers and firms respond (揭榜). Needs are public, people are not: a response is seen by
 * the poster and the officers only.
 */
export const NEED_KINDS = [
  { code: 'scenario', name: '应用场景需求' },
  { code: 'technology', name: '技术攻关需求' },
] as const;
export type NeedKind = (typeof NEED_KINDS)[number]['code'];
export const NEED_KIND_CODES = codesOf(NEED_KINDS);
export const needKindName = nameLookup(NEED_KINDS);

export const NEED_STATUSES = [
  { code: 'submitted', name: '待审核' },
  { code: 'returned', name: '退回修改' },
  { code: 'published', name: '已发布' },
  { code: 'merged', name: '已合并' },
  { code: 'closed', name: '已关闭' },
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number]['code'];
export const NEED_STATUS_CODES = codesOf(NEED_STATUSES);
export const needStatusName = nameLookup(NEED_STATUSES);

const budgetRange = {
  budgetMinFen: moneyField('预算下限').optional(),
  budgetMaxFen: moneyField('预算上限').optional(),
};

/** 应用场景需求: what a firm or body wants solved on its site (四.1 开放场景). */
export const scenarioNeedSchema = z
  .object({
    kind: z.literal('scenario'),
    title: textField('需求名称', { min: 4, max: 60 }),
    applicationDomain: choiceField('应用领域', SCENARIO_DOMAINS),
    fieldCode: choiceField('未来产业方向', FIELDS),
    problem: textField('场景需求描述', {
      min: 20,
      max: 2000,
      description: '希望解决的问题、应用条件',
    }),
    site: textField('场景所在地', { max: 100 }),
    ...budgetRange,
  })
  .superRefine(checkBudgetRange);

/** 技术攻关需求: a problem a firm will co-fund a team to solve (四.2 常态化征集). */
export const technologyNeedSchema = z
  .object({
    kind: z.literal('technology'),
    title: textField('需求名称', { min: 4, max: 60 }),
    fieldCode: choiceField('未来产业方向', FIELDS),
    subFieldCode: plainString({ error: '请选择细分方向' })
      .min(1, '请选择细分方向')
      .meta({ title: '细分方向' }),
    problem: textField('技术难题描述', { min: 20, max: 2000 }),
    indicators: textField('关键技术指标', { min: 4, max: 1000, description: '需要达到的性能指标' }),
    coFundFen: moneyField('企业拟投入资金', { positive: true }),
    deadline: dateField('期望完成日期'),
  })
  .superRefine((need, ctx) => {
    if (fieldOfSubField(need.subFieldCode) !== need.fieldCode)
      ctx.addIssue({
        code: 'custom',
        path: ['subFieldCode'],
        message: '细分方向须属于所选的产业领域',
      });
  });

function checkBudgetRange(
  need: { budgetMinFen?: bigint | undefined; budgetMaxFen?: bigint | undefined },
  ctx: z.RefinementCtx,
) {
  if (
    need.budgetMinFen !== undefined &&
    need.budgetMaxFen !== undefined &&
    need.budgetMaxFen < need.budgetMinFen
  )
    ctx.addIssue({ code: 'custom', path: ['budgetMaxFen'], message: '预算上限不能低于下限' });
}

export const needSchema = z.discriminatedUnion('kind', [scenarioNeedSchema, technologyNeedSchema], {
  error: '请选择需求类型',
});
export type NeedInput = z.input<typeof needSchema>;
export type NeedForm = z.output<typeof needSchema>;

/** 揭榜: a researcher or a firm offers to take a published need on. */
export const needResponseSchema = z.object({
  message: textField('揭榜说明', {
    min: 10,
    max: 1000,
    description: '团队基础、技术路线和联系方式说明',
  }),
});

/** What an officer may do with a need in each status. */
export const NEED_CURATION = {
  publish: { from: ['submitted'], to: 'published', name: '发布' },
  return: { from: ['submitted'], to: 'returned', name: '退回修改' },
  merge: { from: ['submitted', 'published'], to: 'merged', name: '合并到其他需求' },
  close: { from: ['published'], to: 'closed', name: '关闭' },
} as const satisfies Record<string, { from: readonly NeedStatus[]; to: NeedStatus; name: string }>;
export type NeedCuration = keyof typeof NEED_CURATION;
export const NEED_CURATION_CODES = Object.keys(NEED_CURATION) as [NeedCuration, ...NeedCuration[]];

/**
 * A 攻关需求 turned into a 科技副总 need (issue 14): what the two share, cut to the 科技副总
 * form's lengths (title ≤ 50, problem ≤ 1000), with the indicators appended to the problem when
 * they fit. The firm adds what only a 科技副总 need asks (expertise, days, positions, relations).
 */
export function vpNeedPrefill<F extends string>(need: {
  title: string;
  fieldCode: F;
  subFieldCode: string;
  problem: string;
  indicators: string;
}): { title: string; fieldCode: F; subFieldCode: string; problem: string } {
  const cut = (text: string, max: number) =>
    [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
  const withIndicators = `${need.problem}\n关键技术指标：${need.indicators}`;
  return {
    title: cut(need.title, 50),
    fieldCode: need.fieldCode,
    subFieldCode: need.subFieldCode,
    problem: cut([...withIndicators].length <= 1000 ? withIndicators : need.problem, 1000),
  };
}
