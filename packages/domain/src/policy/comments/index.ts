import { z } from 'zod';
import { findUnmaskedPII } from '../../validate/mask';
import { plainString } from '../../validate/safe-text';
import { toHalfWidth } from '../../validate/text';
import { daysBetween } from '../dates';
import { dateField, optionalTextField, textField } from '../fields';
import type { IsoDate } from '../types';
import type { PolicyText } from '../text';
import { clauseById } from '../text';

/**
 * 征求意见 (issue 15): a policy version published for comments during a period, commented on
 * clause by clause by anyone signed in, each comment answered by the bureau, and the answers
 * published as the 意见采纳情况. The limits are data, here, so the form, the API and the write
 * agree and a change is one line.
 */
export const COMMENT_RULES = {
  /**
   * 《重大行政决策程序暂行条例》第十四条: a public consultation runs at least 30 days; a shorter
   * one must say why when it is published.
   */
  minPeriodDays: 30,
  /** 5 characters say something; 1,000 is two pages, more than any clause needs. */
  minChars: 5,
  maxChars: 1000,
  /** comments one person may send in a day (Asia/Shanghai), across all clauses */
  perPersonPerDay: 20,
} as const;

export const PERSONAL_DATA_IN_COMMENT =
  '意见将公开展示，请勿填写手机号码、身份证号码、电子邮箱等个人信息；如需联系，请使用征求意见公告中的联系方式';

/** Mobile numbers, resident IDs and e-mail addresses in a comment, however they are spaced. */
export function personalDataIn(text: string): string[] {
  const half = toHalfWidth(text);
  // "138 5571 2036" and "138-5571-2036" are the same number.
  const joined = half.replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  const found = findUnmaskedPII(joined);
  for (const m of half.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) found.push(m[0]);
  return found;
}

/** What one person sends on one clause: the words, and whether they speak for their unit. */
export function commentSchemaFor(text: PolicyText) {
  return z.object(
    {
      clauseId: plainString({ error: '请选择条款' }).refine(
        (id) => (clauseById(text, id)?.paragraphs.length ?? 0) > 0,
        '请选择要提意见的条款',
      ),
      body: textField('意见内容', {
        min: COMMENT_RULES.minChars,
        max: COMMENT_RULES.maxChars,
      }).refine((v) => personalDataIn(v).length === 0, PERSONAL_DATA_IN_COMMENT),
      /** shown under the organisation's name rather than as 公众 (the caller must belong to one) */
      asOrganisation: z.boolean({ error: '请选择以个人或单位名义提出' }).default(false),
    },
    { error: '请填写意见' },
  );
}
export type CommentInput = z.output<ReturnType<typeof commentSchemaFor>>;

/** How the bureau answered a comment (意见采纳情况). */
export const COMMENT_OUTCOMES = [
  { code: 'adopted', name: '采纳', reasonRequired: false },
  { code: 'partly-adopted', name: '部分采纳', reasonRequired: true },
  { code: 'not-adopted', name: '不予采纳', reasonRequired: true },
  { code: 'duplicate', name: '重复意见', reasonRequired: false },
] as const;
export type CommentOutcome = (typeof COMMENT_OUTCOMES)[number]['code'];
const OUTCOME_CODES = COMMENT_OUTCOMES.map((o) => o.code) as [CommentOutcome, ...CommentOutcome[]];

export function commentOutcomeName(code: string): string {
  return COMMENT_OUTCOMES.find((o) => o.code === code)?.name ?? '待处理';
}

/**
 * The bureau's answer to one comment. 不予采纳 and 部分采纳 say why (it is published); a
 * duplicate names the comment it repeats, whose answer it shares.
 */
export const commentAnswerSchema = z
  .object(
    {
      outcome: z.enum(OUTCOME_CODES, { error: '请选择处理结果' }),
      reason: optionalTextField('理由', { max: 500 }),
      duplicateOf: z.uuid({ error: '请选择重复的意见' }).optional(),
    },
    { error: '请填写处理结果' },
  )
  .superRefine((a, ctx) => {
    const rule = COMMENT_OUTCOMES.find((o) => o.code === a.outcome);
    if (rule?.reasonRequired && !a.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `${rule.name}的，请填写理由` });
    if (a.outcome === 'duplicate' && !a.duplicateOf)
      ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: '请选择重复的意见' });
    if (a.outcome !== 'duplicate' && a.duplicateOf)
      ctx.addIssue({
        code: 'custom',
        path: ['duplicateOf'],
        message: '只有重复意见需要选择原意见',
      });
  });
export type CommentAnswer = z.output<typeof commentAnswerSchema>;

const periodFields = {
  opensOn: dateField('征求意见开始日期'),
  closesOn: dateField('征求意见截止日期'),
  shortReason: optionalTextField('期限少于30日的理由', { max: 200 }),
  contact: z.object(
    {
      department: textField('联系部门', { max: 50 }),
      phone: plainString({ error: '请填写联系电话' })
        .trim()
        .regex(/^\d{3,4}-\d{7,8}$/, '联系电话格式如 0557-1234567'),
      email: z.email({ error: '电子邮箱格式不正确' }).max(100).optional(),
    },
    { error: '请填写联系方式' },
  ),
  note: optionalTextField('说明', { max: 1000 }),
};

function checkPeriod(
  p: { opensOn: IsoDate; closesOn: IsoDate; shortReason?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (p.closesOn < p.opensOn) {
    ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '截止日期不能早于开始日期' });
    return;
  }
  const days = periodDays(p);
  if (days < COMMENT_RULES.minPeriodDays && !p.shortReason)
    ctx.addIssue({
      code: 'custom',
      path: ['shortReason'],
      message: `征求意见期限为${days}日，少于${COMMENT_RULES.minPeriodDays}日的须说明理由`,
    });
}

/** A consultation's period as the bureau publishes it: dates, why it is short if it is, a contact. */
export const commentPeriodSchema = z
  .object(periodFields, { error: '请填写征求意见安排' })
  .superRefine(checkPeriod);

/** 发布征求意见: which version's text, under what title, and the period. */
export const consultationSchema = z
  .object(
    {
      policySetId: plainString({ error: '请选择政策版本' }).min(1, '请选择政策版本'),
      title: textField('标题', { max: 100 }),
      ...periodFields,
    },
    { error: '请填写征求意见安排' },
  )
  .superRefine(checkPeriod);
export type ConsultationForm = z.output<typeof consultationSchema>;

/** 发布意见采纳情况: the bureau's account of what it took up and why, published with the answers. */
export const feedbackSummarySchema = textField('采纳情况说明', { min: 10, max: 2000 });

export type CommentPeriod = z.output<typeof commentPeriodSchema>;

/** Days of the period, both ends counted (1 June – 30 June is 30 days). */
export function periodDays(p: { opensOn: IsoDate; closesOn: IsoDate }): number {
  return daysBetween(p.opensOn, p.closesOn) + 1;
}

export type CommentStage = 'upcoming' | 'open' | 'closed';

/** Where a period stands on `today` (Asia/Shanghai): comments are taken on both end days. */
export function commentStage(p: { opensOn: IsoDate; closesOn: IsoDate }, today: IsoDate) {
  const stage: CommentStage =
    today < p.opensOn ? 'upcoming' : today <= p.closesOn ? 'open' : 'closed';
  return stage;
}

export const COMMENT_STAGE_NAMES: Readonly<Record<CommentStage, string>> = {
  upcoming: '即将开始',
  open: '征求意见中',
  closed: '已截止',
};
