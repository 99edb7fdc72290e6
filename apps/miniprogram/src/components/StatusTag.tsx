import { View } from '@tarojs/components';

/** Colour by what the status means to the applicant, not by its code. */
const TONE: Record<string, 'neutral' | 'progress' | 'warning' | 'success' | 'danger'> = {
  draft: 'neutral',
  submitted: 'progress',
  'area-review': 'progress',
  'bureau-review': 'progress',
  returned: 'warning',
  approved: 'success',
  'in-notice': 'success',
  'notice-passed': 'success',
  'in-disbursement': 'success',
  paid: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
  // 科技副总
  active: 'success',
  pending: 'warning',
  completed: 'neutral',
  terminated: 'danger',
  cancelled: 'neutral',
  open: 'progress',
  collecting: 'progress',
  matching: 'progress',
  notice: 'warning',
  confirmed: 'success',
  closed: 'neutral',
  // where a 科技副总 need or application stands (VP_PROGRESS_STATUSES)
  'awaiting-match': 'progress',
  applied: 'progress',
  serving: 'success',
  unmatched: 'neutral',
  // 申报指南 (selection calls) and their submissions
  upcoming: 'warning',
  'formal-review': 'progress',
  'expert-review': 'progress',
  deciding: 'progress',
  concluded: 'neutral',
  'area-passed': 'progress',
  passed: 'success',
  selected: 'success',
  'not-selected': 'neutral',
  // 评审任务: an expert's invitations, panels and own score sheets
  invited: 'warning',
  scoring: 'progress',
  unscored: 'warning',
  scored: 'success',
  recused: 'neutral',
  // 需求榜 (submitted, returned and closed as above)
  published: 'success',
  merged: 'neutral',
  // 项目 (completed and terminated as above)
  contracting: 'warning',
  'in-progress': 'progress',
  accepting: 'progress',
  // 项目报告 (submitted, returned and passed as above)
  failed: 'danger',
};

export function StatusTag({ status, label, id }: { status: string; label: string; id?: string }) {
  return (
    <View id={id} className={`status-tag status-tag--${TONE[status] ?? 'neutral'}`}>
      {label}
    </View>
  );
}
