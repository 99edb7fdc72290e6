import {
  EXPERT_FIELDS_NEEDING_REVIEW,
  EXPERT_TITLE_CODES,
  expertChangesNeedingReview,
  type ExpertProfile,
  type ExpertStatus,
  expertProfileSchema,
  researcherTitleName,
} from '@kc/domain';
import type { api } from '../../api/client';
import { describeFields } from '../../forms/schema-fields';

/** The caller's own 专家库 record, once registered. */
export type MyExpert = NonNullable<Awaited<ReturnType<typeof api.experts.mine.query>>>;
export type MyProfile = Awaited<ReturnType<typeof api.profile.mine.query>>;

/** Field titles as the form shows them, from the schema's own `.meta({ title })`. */
const TITLES: Record<string, string> = Object.fromEntries(
  describeFields(expertProfileSchema).map((f) => [f.name, f.title]),
);

/**
 * A first registration starts from what the platform already holds: a researcher's profile
 * (name, mobile, unit, title, fields, expertise), or an organisation member's unit. A title
 * below 副高级 is left unchosen: the form offers only the titles the pool takes.
 */
export function prefill(profile: MyProfile): Record<string, unknown> {
  if (profile.type === 'researcher') {
    const r = profile.researcher;
    return {
      name: r.name,
      mobile: r.mobile,
      title: isExpertTitle(r.title) ? r.title : '',
      unitName: r.institutionName,
      unitCreditCode: r.institutionCreditCode ?? '',
      fieldCodes: r.fieldCodes,
      subFieldCodes: r.subFieldCodes,
      expertise: r.expertise,
      conflicts: [],
    };
  }
  if (profile.type === 'organisation') {
    return {
      unitName: profile.organisation.name,
      unitCreditCode: profile.organisation.creditCode,
      conflicts: [],
    };
  }
  return { conflicts: [] };
}

/** A researcher's registered title that the pool does not take (讲师, 工程师…), by name; else null. */
export function juniorTitleOf(profile: MyProfile): string | null {
  if (profile.type !== 'researcher' || isExpertTitle(profile.researcher.title)) return null;
  return researcherTitleName(profile.researcher.title);
}

function isExpertTitle(code: string): boolean {
  return (EXPERT_TITLE_CODES as readonly string[]).includes(code);
}

/** The fields whose change sends an expert in the pool back to review (the API's own list), by title. */
export const REVIEW_FIELD_TITLES: readonly string[] = EXPERT_FIELDS_NEEDING_REVIEW.map(
  (name) => TITLES[name] ?? name,
);

/**
 * What an edit changes that officers approved, by title: for an expert 在库 these send the
 * record back to 待审核 (the API decides with the same function).
 */
export function changesNeedingReview(before: MyExpert, after: ExpertProfile): string[] {
  return expertChangesNeedingReview(before, after).map((name) => TITLES[name] ?? name);
}

/** The confirmation an expert 在库 reads before saving such a change; null when none is needed. */
export function reviewWarning(before: MyExpert, after: ExpertProfile): string | null {
  if (before.status !== 'active') return null;
  const changed = changesNeedingReview(before, after);
  if (!changed.length) return null;
  return `您修改了${changed.join('、')}，保存后将重新进入“待审核”，审核通过前不会被抽取参加评审。确定保存吗？`;
}

/** The StatusTag tone of each status: 待审核 in progress, 在库 done, 已暂停 a warning, 未通过 refused. */
export function expertTone(status: ExpertStatus): string {
  return TONES[status];
}
const TONES: Record<ExpertStatus, string> = {
  pending: 'submitted',
  active: 'approved',
  suspended: 'returned',
  rejected: 'rejected',
};

export interface StatusExplanation {
  tone: 'info' | 'success' | 'warning' | 'danger';
  /** What the status means for the expert and what they can do. */
  text: string;
  /** The officer's reason, with its label (未通过原因 / 暂停原因 / 说明), when there is one. */
  reason: { label: string; text: string } | null;
  /** Whether the expert may edit (not while suspended), and the button's words. */
  editLabel: string | null;
}

/** Where an expert stands, in words, with the officer's reason where there is one. */
export function explainStatus(e: Pick<MyExpert, 'status' | 'statusReason'>): StatusExplanation {
  const reason = e.statusReason?.trim() || null;
  switch (e.status) {
    case 'pending':
      return {
        tone: 'info',
        text: '已提交，正在等待市科技局审核。审核通过后即可被抽取参加项目评审。',
        reason: reason ? { label: '说明', text: reason } : null,
        editLabel: '修改资料',
      };
    case 'active':
      return {
        tone: 'success',
        text: '您已入选市科技局评审专家库，可被抽取参加项目评审。',
        reason: reason ? { label: '说明', text: reason } : null,
        editLabel: '修改资料',
      };
    case 'suspended':
      return {
        tone: 'warning',
        text: '您的专家资格已暂停：暂停期间不会被抽取参加评审，也不能修改资料。如有疑问请联系市科技局。',
        reason: reason ? { label: '暂停原因', text: reason } : null,
        editLabel: null,
      };
    case 'rejected':
      return {
        tone: 'danger',
        text: '入库申请未通过。请按意见修改资料后重新提交申请。',
        reason: reason ? { label: '未通过原因', text: reason } : null,
        editLabel: '修改并重新申请',
      };
  }
}
