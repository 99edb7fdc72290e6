import { Button, View } from '@tarojs/components';
import { SUBMISSION_FORMS } from '@kc/domain';
import { useState } from 'react';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { usePageClass } from '../../../services/text-size';
import { type MySubmission, type PublishedCall, WITHDRAWABLE } from '../data';
import {
  MEMBER_ANSWERS_HINT,
  SubmissionContent,
  SubmissionMembers,
  SubmissionNeed,
} from './SubmissionParts';
import { hasTeam } from './form';
import { withdrawSubmission } from './withdraw';

/** What a status means for the organisation, and what it can still do. */
export function statusExplanation(
  s: Pick<MySubmission, 'status' | 'checkComment'>,
  call: Pick<PublishedCall, 'applyUntil'>,
): { tone: 'info' | 'success' | 'warning' | 'danger'; text: string; comment: string | null } {
  const comment = s.checkComment?.trim() || null;
  switch (s.status) {
    case 'draft':
      return {
        tone: 'warning',
        text: `草稿尚未提交。申报已于 ${call.applyUntil} 截止，不能再提交。`,
        comment: null,
      };
    case 'returned':
      return {
        tone: 'warning',
        text: `申报被退回修改，但申报已于 ${call.applyUntil} 截止，不能再修改。`,
        comment,
      };
    case 'submitted':
      return { tone: 'info', text: '已提交，等待所在县区形式审查。', comment: null };
    case 'area-passed':
      return { tone: 'info', text: '县区形式审查已通过，等待市科技局形式审查。', comment: null };
    case 'passed':
      return { tone: 'success', text: '已通过形式审查，等待专家评审。', comment: null };
    case 'rejected':
      return { tone: 'danger', text: '形式审查未通过。', comment };
    case 'selected':
      return { tone: 'success', text: '拟入选，请留意公示。', comment: null };
    case 'not-selected':
      return { tone: 'info', text: '未入选。', comment: null };
    case 'withdrawn':
      return { tone: 'info', text: '申报已撤回，本单位不能再次申报本指南。', comment: null };
  }
}

const NOTICE_CLASS = {
  info: 'notice',
  success: 'notice notice--success',
  warning: 'notice notice--warning',
  danger: 'notice notice--danger',
} as const;

/**
 * A submission that can no longer be changed (submitted, checked, withdrawn, or past the
 * deadline): where it stands, the formal check's comment, what was sent, and 撤回 while allowed.
 */
export function SubmissionView(props: {
  call: PublishedCall;
  submission: MySubmission;
  onChanged: (submission: MySubmission) => void;
}) {
  const { call, submission: s } = props;
  const pageClass = usePageClass();
  const [busy, setBusy] = useState(false);
  const status = statusExplanation(s, call);
  const canWithdraw = WITHDRAWABLE.includes(s.status);

  const withdraw = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const withdrawn = await withdrawSubmission(s);
      if (withdrawn) props.onChanged(withdrawn);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View
      className={canWithdraw ? `${pageClass} page--footer` : pageClass}
      id="submission-page"
      data-mode="view"
    >
      <View className="card call-head">
        <View className="call__programme">
          {call.programmeName} · {call.title}
        </View>
        <View className="call-head__title" id="submission-title">
          {s.title}
        </View>
        <View className="call-head__row">
          <View className="muted" id="submission-number">
            申报编号 {s.number}
          </View>
          <StatusTag status={s.status} label={s.statusName} id="submission-status" />
        </View>
        {s.submittedAt ? (
          <View className="muted">提交时间 {formatDateTime(s.submittedAt)}</View>
        ) : null}
      </View>

      <View className={NOTICE_CLASS[status.tone]} id="submission-notice">
        {status.text}
        {status.comment ? (
          <View className="submission-comment" id="submission-comment">
            {s.status === 'rejected' ? '理由：' : '形式审查意见：'}
            {status.comment}
          </View>
        ) : null}
      </View>

      {s.need ? <SubmissionNeed id="submission-need" need={s.need} /> : null}

      <SubmissionContent
        id="submission-content"
        schema={SUBMISSION_FORMS[s.programme]}
        form={s.form}
      />

      {hasTeam(s.programme) ? (
        <SubmissionMembers
          id="submission-members"
          team={s.team}
          hint={s.team.length > 0 ? MEMBER_ANSWERS_HINT : undefined}
        />
      ) : null}

      <View className="card" id="submission-evidence">
        <View className="card__title">申报材料</View>
        {s.evidenceRequired.map((e) => {
          const count = s.evidence.filter((f) => f.kind === e.kind).length;
          return (
            <KeyValue key={e.kind} label={e.name}>
              {count ? `已上传 ${count} 份` : e.required ? '未上传' : '未上传（选交）'}
            </KeyValue>
          );
        })}
      </View>

      {canWithdraw ? (
        <View className="footer-bar">
          <Button
            id="submission-withdraw"
            className="btn btn--ghost btn--danger"
            disabled={busy || undefined}
            onClick={() => void withdraw()}
          >
            撤回申报
          </Button>
        </View>
      ) : null}
    </View>
  );
}
