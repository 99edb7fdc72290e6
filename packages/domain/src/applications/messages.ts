import { formatYuan } from '../money';
import { POLICY_SETS } from '../policy/registry';
import type { ApplicationAction } from './transitions';

/** A message to the applicant about their application (消息中心 / 订阅消息). */
export interface ApplicantMessage {
  readonly kind: string;
  readonly title: string;
  readonly body: string;
}

export interface MessageFacts {
  readonly number: string;
  readonly ruleId: string;
  readonly comment?: string | null;
  readonly amountFen?: bigint | null;
}

/** A programme's Chinese name in the newest policy version that has it. */
export function programmeName(ruleId: string): string {
  for (const set of [...POLICY_SETS].reverse()) {
    const rule = set.rules.find((r) => r.id === ruleId);
    if (rule) return rule.name;
  }
  return ruleId;
}

/** `formatYuan` writes the ¥ itself (`¥30,000.00`): adding another gave 核定金额¥¥30,000.00. */
const money = (fen: bigint | null | undefined) => (fen == null ? '' : formatYuan(fen));
const withComment = (text: string, comment: string | null | undefined) =>
  comment?.trim() ? `${text}意见：${comment.trim()}` : text;

/**
 * What the applicant is told when an officer (or the system) moves their application, and the
 * receipt for their own submission (with its number, to quote when they call). Their own
 * withdrawal is not announced back to them.
 */
export function applicantMessage(
  action: ApplicationAction | string,
  facts: MessageFacts,
): ApplicantMessage | null {
  const what = `您的“${programmeName(facts.ruleId)}”申请（${facts.number}）`;
  switch (action) {
    case 'submit':
      return {
        kind: 'application.submitted',
        title: '申请已提交',
        body: `您的“${programmeName(facts.ruleId)}”申请已提交，申请编号 ${facts.number}，请等待受理。`,
      };
    case 'accept-area':
      return {
        kind: 'application.accepted',
        title: '申请已受理',
        body: `${what}已由县区受理，正在审核。`,
      };
    case 'forward':
      return {
        kind: 'application.forwarded',
        title: '已报送市局',
        body: `${what}已通过县区审核，报送市科技局审核。`,
      };
    case 'return':
      return {
        kind: 'application.returned',
        title: '申请被退回修改',
        body: withComment(`${what}需要修改后重新提交。`, facts.comment),
      };
    case 'approve':
      return {
        kind: 'application.approved',
        title: '申请已批准',
        body: `${what}已批准，核定金额${money(facts.amountFen)}，将列入公示。`,
      };
    case 'reject':
      return {
        kind: 'application.rejected',
        title: '申请未通过',
        body: withComment(`${what}未通过审核。`, facts.comment),
      };
    case 'publish-notice':
      return {
        kind: 'application.in-notice',
        title: '已列入公示',
        body: `${what}已列入公示，公示期内可查看结果。`,
      };
    case 'close-notice':
      return {
        kind: 'application.notice-passed',
        title: '公示期满',
        body: `${what}公示期满无异议，等待拨付。`,
      };
    case 'uphold-objection':
      return {
        kind: 'application.objection-upheld',
        title: '公示异议成立，重新审核',
        body: withComment(
          `${what}在公示期间收到异议，经核实成立，转回市局重新审核。`,
          facts.comment,
        ),
      };
    case 'add-to-disbursement':
      return {
        kind: 'application.in-disbursement',
        title: '已列入拨付批次',
        body: `${what}已列入拨付批次，等待财务拨付。`,
      };
    case 'mark-paid':
      return {
        kind: 'application.paid',
        title: '奖补资金已拨付',
        body: `${what}的奖补资金${money(facts.amountFen)}已拨付，请留意单位账户到账情况。`,
      };
    default:
      return null;
  }
}
