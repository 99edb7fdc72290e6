import { Button, View } from '@tarojs/components';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { open, routes } from '../../../services/nav';
import { type MyProject, type ProjectChange, ONE_PENDING_TEXT, changeTitle } from '../data';

/**
 * 变更申请: the unit's 延期 / 变更 / 终止 requests (and the bureau's own termination), newest first,
 * with the bureau's decision and comment; for the unit's administrator, a new request while the
 * project runs and none waits, or why not.
 */
export function ChangeSection({ project: p }: { project: MyProject }) {
  const running = p.status === 'in-progress' || p.status === 'accepting';
  if (p.changes.length === 0 && !running) return null;
  const pending = p.changes.some((c) => c.status === 'pending');
  return (
    <View className="card" id="project-changes">
      <View className="card__title">变更申请</View>
      {p.changes.length === 0 ? (
        <View className="muted" id="project-changes-none">
          项目实施中确需延期、调整任务书内容或终止的，由单位管理员提出申请，经市科技局审批。
        </View>
      ) : null}
      {p.changes.map((c) => (
        <ChangeItem key={c.id} change={c} />
      ))}
      {p.mayAct && p.changesOpen ? (
        <Button
          id="project-change-new"
          className="btn btn--ghost btn--small project__action"
          onClick={() => void open(routes.projectChange, { id: p.id })}
        >
          申请延期/变更/终止
        </Button>
      ) : null}
      {p.mayAct && !p.changesOpen && pending ? (
        <View className="notice project__action" id="project-change-pending">
          {ONE_PENDING_TEXT}
        </View>
      ) : null}
    </View>
  );
}

function ChangeItem({ change: c }: { change: ProjectChange }) {
  const id = `project-change-${c.id}`;
  const extended = c.status === 'approved' && c.endOnBefore && c.endOnAfter;
  return (
    <View className="project-item" id={id}>
      <View className="project-item__head">
        <View className="project-item__title" id={`${id}-title`}>
          {c.byBureau ? `市科技局${c.kindName}` : `${changeTitle(c)}申请`}
        </View>
        <StatusTag status={c.status} label={c.statusName} id={`${id}-status`} />
      </View>
      <View className="muted">
        {formatDateTime(c.requestedAt)} {c.byBureau ? '作出' : '提出'}
        {c.decidedAt && !c.byBureau ? ` · ${formatDateTime(c.decidedAt)} 审批` : ''}
      </View>
      {c.terminationReasonName ? (
        <View className="project-item__text" id={`${id}-termination-reason`}>
          终止原因：{c.terminationReasonName}
        </View>
      ) : null}
      <View className="project-item__text" id={`${id}-reason`}>
        {c.byBureau ? '说明' : '理由'}：{c.reason}
      </View>
      {extended ? (
        <View className="project-item__text" id={`${id}-period`}>
          实施期限由 {c.endOnBefore} 延至 {c.endOnAfter}
        </View>
      ) : null}
      {c.decisionComment ? (
        <View
          className={
            c.status === 'rejected'
              ? 'project__comment project__comment--warning'
              : 'project__comment'
          }
          id={`${id}-comment`}
        >
          市科技局意见：{c.decisionComment}
        </View>
      ) : null}
    </View>
  );
}
