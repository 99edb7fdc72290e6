import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { EmptyState } from '../../../components/StateViews';
import { TextField } from '../../../components/TextField';
import { formatDateTime } from '../../../format';
import { pendingTeamRequests } from '../../../hooks/useTeamRequests';
import { leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import {
  STALE,
  type TeamRequest,
  answerTone,
  confirmQuestion,
  declineReasonError,
  requestActions,
} from './data';

/**
 * 合作申报确认: each part asked of the organisation — the call, the lead, the submission, the
 * task and who leads it, where the answer stands — with 确认承担 / 谢绝 (a reason required) while
 * it can still be answered. Other members see the buttons greyed out: only the 管理员 answers.
 * `onChanged` reloads the list.
 */
export function TeamRequestList(props: {
  requests: TeamRequest[];
  admin: boolean;
  /** Why the caller cannot be asked (not a member of an organisation), or null. */
  notMember: string | null;
  onChanged: () => void;
}) {
  const { requests, admin, notMember, onChanged } = props;
  const pageClass = usePageClass();
  const waiting = pendingTeamRequests(requests);
  return (
    <View className={pageClass} id="team-page">
      <View className="notice" id="team-intro">
        其他单位申报评选时将本单位列为合作成员单位的，须由本单位管理员确认是否承担所列任务；谢绝须说明原因，申报单位会收到通知。确认后不能更改，谢绝的在申报通过形式审查前仍可改为确认。
        {waiting > 0 ? `当前有 ${waiting} 项待确认。` : ''}
      </View>
      {notMember ? (
        <EmptyState
          id="team-not-member"
          title="加入单位后可确认合作申报"
          hint={notMember}
          action={
            <Button
              id="team-join"
              className="btn btn--primary btn--small"
              onClick={() => void open(routes.orgJoin)}
            >
              加入单位
            </Button>
          }
        />
      ) : requests.length === 0 ? (
        <EmptyState
          id="team-empty"
          title="暂无合作申报"
          hint="其他单位申报时将本单位列为合作成员单位的，会在这里请您确认，并通过消息通知"
        />
      ) : null}
      {requests.map((r) => (
        <RequestCard key={r.memberId} request={r} admin={admin} onChanged={onChanged} />
      ))}
    </View>
  );
}

function RequestCard({
  request: r,
  admin,
  onChanged,
}: {
  request: TeamRequest;
  admin: boolean;
  onChanged: () => void;
}) {
  const id = `team-request-${r.memberId}`;
  const actions = requestActions(r);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'confirm' | 'decline' | null>(null);
  const busyRef = useRef(false);

  const answer = async (confirm: boolean) => {
    // WeChat still delivers a tap on a disabled button: the role is checked here too.
    if (busyRef.current || !admin) return;
    if (!confirm) {
      const problem = declineReasonError(reason);
      setReasonError(problem ?? undefined);
      if (problem) {
        void toast(problem);
        return;
      }
    }
    busyRef.current = true;
    try {
      if (confirm) {
        const { confirm: yes } = await Taro.showModal({
          title: '确认承担',
          content: confirmQuestion(r),
          confirmText: '确认承担',
        });
        if (!yes) return;
      }
      setBusy(confirm ? 'confirm' : 'decline');
      setError(null);
      await withSession(() =>
        api.selection.team.answer.mutate({
          memberId: r.memberId,
          confirm,
          ...(confirm ? {} : { reason: reason.trim() }),
        }),
      );
      if (confirm) void toastDone('已确认承担');
      else void toast('已谢绝，申报单位会收到通知');
      setDeclining(false);
      onChanged();
    } catch (e) {
      if (leaveIfLoggedOut(e)) return;
      const info = describeError(e);
      if (info.fieldErrors.reason) {
        setDeclining(true);
        setReasonError(info.fieldErrors.reason);
      } else {
        setError(info.message);
      }
      void toast(info.message);
      if (info.appCode && STALE.includes(info.appCode)) onChanged();
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  const locked = !admin || busy !== null;
  return (
    <View className="card list-card" id={id}>
      <View className="call__programme" id={`${id}-call`}>
        {r.callTitle}
      </View>
      <View className="list-card__head team-request__head">
        <View className="list-card__title" id={`${id}-title`}>
          {r.submissionTitle}
        </View>
        <View id={`${id}-status`} className={`status-tag status-tag--${answerTone(r.answer)}`}>
          {r.answerName}
        </View>
      </View>
      <View className="list-card__meta" id={`${id}-lead`}>
        申报单位：{r.leadName}
      </View>
      <View className="list-card__meta" id={`${id}-number`}>
        申报编号 {r.submissionNumber} · {r.submissionStatusName}
      </View>
      <View className="team-request__part">
        <KeyValue label="承担任务" id={`${id}-part`}>
          {r.part}
        </KeyValue>
        {r.personName ? (
          <KeyValue label="负责人" id={`${id}-person`}>
            {r.personName}
          </KeyValue>
        ) : null}
        <KeyValue label="列明单位" id={`${id}-unit`}>
          {r.unitName}
        </KeyValue>
      </View>

      {r.answer === 'confirmed' ? (
        <View className="list-card__meta" id={`${id}-answered`}>
          本单位已于 {formatDateTime(r.answeredAt)} 确认承担。
        </View>
      ) : null}
      {r.answer === 'declined' ? (
        <View className="list-card__alert" id={`${id}-declined`}>
          本单位已于 {formatDateTime(r.answeredAt)} 谢绝，原因：{r.declineReason}
          {r.answerable ? '。申报通过形式审查前仍可改为确认承担。' : ''}
        </View>
      ) : null}
      {!r.answerable && r.answer !== 'confirmed' ? (
        <View className="list-card__alert" id={`${id}-closed`}>
          该申报当前为“{r.submissionStatusName}”，不能再确认或谢绝。
        </View>
      ) : null}
      {error ? (
        <View className="notice notice--danger team-request__error" id={`${id}-error`} role="alert">
          {error}
        </View>
      ) : null}

      {actions.confirm && declining ? (
        <View className="team-request__decline" id={`${id}-decline-form`}>
          <TextField
            id={`${id}-reason`}
            label="不能承担的原因"
            required
            multiline
            maxlength={200}
            value={reason}
            placeholder="如：该任务超出本单位业务范围；未与申报单位商定合作"
            hint="申报单位会看到这段说明"
            error={reasonError}
            onChange={(v) => {
              setReason(v);
              if (reasonError) setReasonError(declineReasonError(v) ?? undefined);
            }}
          />
          <View className="team-request__actions">
            <Button
              id={`${id}-decline-cancel`}
              className="btn btn--ghost btn--small"
              disabled={busy !== null || undefined}
              onClick={() => {
                setDeclining(false);
                setReasonError(undefined);
              }}
            >
              取消
            </Button>
            <Button
              id={`${id}-decline-submit`}
              className="btn btn--ghost btn--danger btn--small"
              loading={busy === 'decline'}
              disabled={locked || undefined}
              onClick={() => void answer(false)}
            >
              确认谢绝
            </Button>
          </View>
        </View>
      ) : null}
      {actions.confirm && !declining ? (
        <View className="team-request__actions">
          {actions.decline ? (
            <Button
              id={`${id}-decline`}
              className="btn btn--ghost btn--small"
              disabled={locked || undefined}
              onClick={() => {
                if (admin) setDeclining(true);
              }}
            >
              谢绝
            </Button>
          ) : null}
          <Button
            id={`${id}-confirm`}
            className="btn btn--primary btn--small"
            loading={busy === 'confirm'}
            disabled={locked || undefined}
            onClick={() => void answer(true)}
          >
            {r.answer === 'declined' ? '改为确认承担' : '确认承担'}
          </Button>
        </View>
      ) : null}
      {actions.confirm && !admin ? (
        <View className="list-card__meta" id={`${id}-admin-only`}>
          须由单位管理员确认，请提醒本单位管理员处理。
        </View>
      ) : null}
    </View>
  );
}
