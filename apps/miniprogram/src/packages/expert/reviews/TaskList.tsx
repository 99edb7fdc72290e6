import { Button, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { pressable } from '../../../components/a11y';
import { EmptyState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { TextField } from '../../../components/TextField';
import { leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import {
  RESERVE_NOTICE,
  type ReviewTask,
  acceptanceStage,
  declineReasonError,
  isAcceptance,
  orderTasks,
  pendingCount,
  progressText,
  taskHint,
} from '../reviews';

/** Refusals that mean the list on screen is out of date: answered elsewhere, closed, gone. */
const STALE = ['INVALID_TRANSITION', 'PANEL_CLOSED', 'NOT_FOUND'];

/**
 * 评审任务: invitations to answer first (参加 / 不能参加 with a reason), then the panels the
 * expert accepted with how far their scoring is. A project's acceptance panel (项目验收) is a task
 * like the others, labelled so, and opens the final report and the expert's verdict.
 * `onChanged` reloads the list.
 */
export function TaskList({ tasks, onChanged }: { tasks: ReviewTask[]; onChanged: () => void }) {
  const pageClass = usePageClass();
  const { invitations, accepted } = orderTasks(tasks);
  const waiting = pendingCount(tasks);
  return (
    <View className={pageClass} id="reviews-page">
      <View className="notice" id="reviews-intro">
        被抽取为评审专家后，请先确认是否参加；确认参加后可查看本组申报材料并逐项评分（项目验收：阅读结题验收报告并提出验收意见），结束前可修改。其他专家看不到您的评分和意见。
        {waiting > 0 ? `当前有 ${waiting} 项邀请待确认。` : ''}
      </View>
      {tasks.length === 0 ? (
        <EmptyState
          id="reviews-empty"
          title="暂无评审任务"
          hint="被抽取参加项目评审时，邀请会显示在这里，并通过消息通知您"
        />
      ) : null}
      {invitations.length > 0 ? (
        <View id="reviews-invitations">
          <View className="section-title">待确认的评审邀请</View>
          {invitations.map((t) => (
            <InvitationCard key={t.assignmentId} task={t} onChanged={onChanged} />
          ))}
        </View>
      ) : null}
      {accepted.length > 0 ? (
        <View id="reviews-accepted">
          <View className="section-title">参加的评审</View>
          {accepted.map((t) => (
            <AcceptedCard key={t.assignmentId} task={t} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** A task's kind and what it is about: `项目验收 · SZKC-XM-2027-0001`, or the panel's name. */
function TaskMeta({ task, id }: { task: ReviewTask; id: string }) {
  return isAcceptance(task) ? (
    <View className="list-card__meta" id={`${id}-kind`}>
      {task.kindName} · {task.projectNumber}
    </View>
  ) : (
    <View className="list-card__meta">
      {task.panelName} · 共 {task.submissions} 项申报
    </View>
  );
}

function InvitationCard({ task, onChanged }: { task: ReviewTask; onChanged: () => void }) {
  const id = `review-${task.assignmentId}`;
  const acceptance = isAcceptance(task);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const busyRef = useRef(false);

  const respond = async (accept: boolean) => {
    if (busyRef.current) return;
    if (!accept) {
      const problem = declineReasonError(reason);
      setError(problem ?? undefined);
      if (problem) {
        void toast(problem);
        return;
      }
    }
    busyRef.current = true;
    setBusy(accept ? 'accept' : 'decline');
    try {
      const result = await withSession(() =>
        api.selection.reviews.respond.mutate({
          assignmentId: task.assignmentId,
          accept,
          ...(accept ? {} : { reason: reason.trim() }),
        }),
      );
      if (accept) void toastDone('已确认参加');
      else
        void toast(
          result.replacedByReserve
            ? '已回复不能参加，将由备选专家递补'
            : '已回复不能参加，市科技局将另行安排',
        );
      onChanged();
    } catch (e) {
      if (leaveIfLoggedOut(e)) return;
      const info = describeError(e);
      if (info.fieldErrors.reason) {
        setDeclining(true);
        setError(info.fieldErrors.reason);
      }
      void toast(info.message);
      if (info.appCode && STALE.includes(info.appCode)) onChanged();
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  return (
    <View className="card list-card" id={id}>
      <View className="list-card__head">
        <View className="list-card__title" id={`${id}-title`}>
          {task.callTitle}
        </View>
        <StatusTag
          status={task.panelClosed ? 'closed' : 'invited'}
          label={task.panelClosed ? (acceptance ? '验收已结束' : '评审已结束') : task.statusName}
          id={`${id}-status`}
        />
      </View>
      <TaskMeta task={task} id={id} />
      {task.panelClosed ? (
        <View className="list-card__alert" id={`${id}-closed`}>
          {acceptance ? '该项目验收已结束，无需再回复。' : '该评审组已结束评分，无需再回复。'}
        </View>
      ) : (
        <View>
          <View className="list-card__meta">
            {acceptance
              ? '您被抽取为该项目验收专家组成员，请确认是否参加。确认参加后可阅读结题验收报告并提出验收意见。'
              : '您被抽取为本组评审专家，请确认是否参加。确认参加后可查看申报材料并评分。'}
          </View>
          {declining ? (
            <View className="expert__decline" id={`${id}-decline-form`}>
              <View className="notice notice--warning" id={`${id}-reserve`}>
                {RESERVE_NOTICE}
              </View>
              <TextField
                id={`${id}-reason`}
                label="不能参加的原因"
                required
                multiline
                maxlength={200}
                value={reason}
                placeholder="如：评审期间出差；与本组申报单位存在利益关系"
                error={error}
                onChange={(v) => {
                  setReason(v);
                  if (error) setError(declineReasonError(v) ?? undefined);
                }}
              />
              <View className="expert__actions">
                <Button
                  id={`${id}-decline-cancel`}
                  className="btn btn--ghost btn--small"
                  disabled={busy !== null || undefined}
                  onClick={() => {
                    setDeclining(false);
                    setError(undefined);
                  }}
                >
                  取消
                </Button>
                <Button
                  id={`${id}-decline-submit`}
                  className="btn btn--ghost btn--danger btn--small"
                  loading={busy === 'decline'}
                  disabled={busy !== null || undefined}
                  onClick={() => void respond(false)}
                >
                  确认不能参加
                </Button>
              </View>
            </View>
          ) : (
            <View className="expert__actions">
              <Button
                id={`${id}-decline`}
                className="btn btn--ghost btn--small"
                disabled={busy !== null || undefined}
                onClick={() => setDeclining(true)}
              >
                不能参加
              </Button>
              <Button
                id={`${id}-accept`}
                className="btn btn--primary btn--small"
                loading={busy === 'accept'}
                disabled={busy !== null || undefined}
                onClick={() => void respond(true)}
              >
                参加
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

function AcceptedCard({ task }: { task: ReviewTask }) {
  const id = `review-${task.assignmentId}`;
  const acceptance = isAcceptance(task);
  const percent = task.submissions ? Math.round((task.sheets / task.submissions) * 100) : 0;
  return (
    <View
      {...pressable('link')}
      className="card list-card"
      id={id}
      onClick={() =>
        void open(acceptance ? routes.reviewAcceptance : routes.reviewPanel, {
          assignmentId: task.assignmentId,
        })
      }
    >
      <View className="list-card__head">
        <View className="list-card__title" id={`${id}-title`}>
          {task.callTitle}
        </View>
        <StatusTag
          {...(acceptance
            ? acceptanceStage(task)
            : {
                status: task.panelClosed ? 'closed' : 'scoring',
                label: task.panelClosed ? '评分结束' : '评分中',
              })}
          id={`${id}-status`}
        />
      </View>
      {acceptance ? (
        <TaskMeta task={task} id={id} />
      ) : (
        <View className="list-card__meta">{task.panelName}</View>
      )}
      <View
        className="progress"
        id={`${id}-progress`}
        role="progressbar"
        aria-valuenow={task.sheets}
        aria-valuemin={0}
        aria-valuemax={task.submissions}
        aria-label={progressText(task)}
      >
        <View className="progress__label">{progressText(task)}</View>
        <View className="progress__track">
          <View className="progress__bar" style={{ width: `${percent}%` }} />
        </View>
      </View>
      <View className="list-card__meta" id={`${id}-hint`}>
        {taskHint(task)}
      </View>
    </View>
  );
}
