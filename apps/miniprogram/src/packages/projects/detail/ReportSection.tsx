import { Button, Text, View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import { StatusTag } from '../../../components/StatusTag';
import { formatBytes, formatDateTime } from '../../../format';
import { open, routes } from '../../../services/nav';
import { type MyProject, type ProjectReport, reportActionLabel } from '../data';

/**
 * 项目报告: the 中期报告 and 结题验收报告 sent so far, each with where its review stands, the
 * bureau's comment, what it said and the files it came with; for the unit's administrator, the
 * report the project is ready for (`reportsOpen`) — a returned one is corrected and sent again.
 */
export function ReportSection({ project: p }: { project: MyProject }) {
  const open_ = p.mayAct ? p.reportsOpen : [];
  const running = p.status === 'in-progress' || p.status === 'accepting';
  if (p.reports.length === 0 && !running) return null;
  return (
    <View className="card" id="project-reports">
      <View className="card__title">项目报告</View>
      {p.reports.length === 0 ? (
        <View className="muted" id="project-reports-none">
          暂无报告。中期报告于 {p.schedule.midTermDueOn} 前提交，结题验收报告于{' '}
          {p.schedule.finalDueOn} 前提交。
        </View>
      ) : null}
      {p.reports.map((r) => (
        <ReportItem key={r.id} report={r} />
      ))}
      {open_.map((kind) => (
        <Button
          key={kind}
          id={`project-report-${kind}-submit`}
          className="btn btn--primary btn--small project__action"
          onClick={() => void open(routes.projectReport, { id: p.id, kind })}
        >
          {reportActionLabel(kind, p.reports)}
        </Button>
      ))}
      {!p.mayAct && p.reportsOpen.length > 0 ? (
        <View className="notice project__action" id="project-reports-admin-only">
          项目报告由单位管理员提交，请提醒本单位管理员处理。
        </View>
      ) : null}
    </View>
  );
}

function ReportItem({ report: r }: { report: ProjectReport }) {
  const id = `project-report-${r.kind}`;
  return (
    <View className="project-item" id={id}>
      <View className="project-item__head">
        <View className="project-item__title">{r.kindName}</View>
        <StatusTag status={r.status} label={r.statusName} id={`${id}-status`} />
      </View>
      <View className="muted" id={`${id}-submitted`}>
        {formatDateTime(r.submittedAt)} 提交
        {r.submissions > 1 ? `（第${r.submissions}次提交）` : ''}
        {r.reviewedAt ? ` · ${formatDateTime(r.reviewedAt)} 审查` : ''}
      </View>
      {r.comment ? (
        <View
          className={
            r.status === 'returned' || r.status === 'failed'
              ? 'project__comment project__comment--warning'
              : 'project__comment'
          }
          id={`${id}-comment`}
        >
          {r.status === 'returned' ? '退回意见' : '审查意见'}：{r.comment}
        </View>
      ) : null}
      <View className="project-item__text" id={`${id}-summary`}>
        {r.body.summary}
      </View>
      <View className="muted" id={`${id}-spent`}>
        已支出：市级资金 {formatYuan(r.body.cityFundsSpentFen)}，自筹资金{' '}
        {formatYuan(r.body.ownFundsSpentFen)}
      </View>
      {r.attachments.length > 0 ? (
        <View className="report-files" id={`${id}-files`} role="list" aria-label="报告附件">
          {r.attachments.map((a, i) => (
            <View
              key={a.fileId}
              className="report-files__item"
              role="listitem"
              id={`${id}-file-${i}`}
            >
              <Text className="report-files__kind">{a.kindName}</Text>
              <Text className="report-files__name">{a.name}</Text>
              <Text className="muted">{formatBytes(a.sizeBytes)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
