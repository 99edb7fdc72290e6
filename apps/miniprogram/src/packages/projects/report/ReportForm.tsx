import { View } from '@tarojs/components';
import { formatYuan, projectReportKindName } from '@kc/domain';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { EvidenceUploader } from '../../../components/EvidenceUploader';
import { FormRefusal, SubmitBar } from '../../../components/FormFooter';
import { FormRow } from '../../../components/FormRow';
import { TextField } from '../../../components/TextField';
import { env } from '../../../env';
import { formatDateTime } from '../../../format';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { MilestoneTerms } from '../MilestoneTerms';
import { type MyProject, type ProjectReportKindCode, returnedReport } from '../data';
import {
  type ReportDraft,
  checkReport,
  missingAttachmentKinds,
  reportAttachmentRows,
  reportDraft,
  reportFieldId,
  reportPathOrder,
  reportServerErrors,
} from './form';

/** WeChat's digit keyboard for money; a browser's number box would refuse `1,200,000`. */
const MONEY_TYPE = env.platform === 'weapp' ? 'digit' : 'text';

export interface ReportFormProps {
  project: MyProject;
  kind: ProjectReportKindCode;
  /** Sent: the page goes back to the project, which loads again. */
  onSubmitted: () => void;
  /** The server said the project changed meanwhile: the page loads it again (the typing stays). */
  onStale: () => void;
}

/**
 * 中期报告 / 结题验收报告 of a project, by the unit's administrator: the progress in words, a block
 * per 任务书 milestone (its title, 完成时间 and 考核指标, whether it is done and how far it got),
 * the city and own funds spent so far in yuan (sent as fen), the next steps, and the files (报告附件:
 * an upload row per kind the report kind asks for, required ones marked). A report the bureau
 * returned starts from what was sent, files included, its comment on top. Checked as typed with
 * the domain's schema and the contract's checks (`./form`); the server's word lands under the
 * same fields.
 */
export function ReportForm({ project: p, kind, onSubmitted, onStale }: ReportFormProps) {
  const pageClass = usePageClass();
  const c = p.contract;
  const returned = returnedReport(kind, p.reports);
  const kindName = projectReportKindName(kind);
  const [draft, setDraft] = useState<ReportDraft>(() => reportDraft(c, returned));
  const form = useCheckedForm(checkReport(draft, c, kind), {
    order: reportPathOrder(draft),
    fieldId: reportFieldId,
    topId: 'report-page',
    serverErrors: reportServerErrors,
    onStale,
  });
  const { errorOf, blur } = form;

  const change = (path: string, next: ReportDraft) => {
    setDraft(next);
    // A row's change takes the contract's check of the whole list (under the list) with it.
    form.edited(path);
  };
  const setMilestone = (i: number, patch: Partial<ReportDraft['milestones'][number]>) =>
    draft.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m));

  const submit = async () => {
    const checked = form.attempt();
    if (!checked) return;
    const { confirm } = await Taro.showModal({
      title: returned ? '重新提交' : `提交${kindName}`,
      content:
        kind === 'final'
          ? '结题验收报告提交后项目进入验收，由市科技局审查，审查期间不能修改。确定提交吗？'
          : '中期报告提交后由市科技局审查，审查期间不能修改。确定提交吗？',
      confirmText: '提交',
    });
    if (!confirm) return;
    await form.send(async () => {
      await withSession(() =>
        api.selection.projects.submitReport.mutate({
          id: p.id,
          expectedVersion: p.version,
          kind,
          body: checked.body,
          attachments: checked.attachments,
        }),
      );
      void toastDone(returned ? '已重新提交' : `${kindName}已提交`);
      onSubmitted();
    });
  };

  const due = kind === 'mid-term' ? p.schedule.midTermDueOn : p.schedule.finalDueOn;
  const milestonesError = errorOf('milestones');
  const attachmentsError = errorOf('attachments');
  return (
    <View className={`${pageClass} page--footer`} id="report-page" data-kind={kind}>
      <View className="card detail-head">
        <View className="project__programme">
          {p.number} · {p.title}
        </View>
        <View className="detail-head__name" id="report-title">
          {kindName}
        </View>
        <View className="muted" id="report-due">
          {kind === 'mid-term' ? '中期检查' : '结题报告'} {due} 前提交
        </View>
      </View>

      {returned ? (
        <View className="notice notice--warning" id="report-returned" role="alert">
          <View>
            市科技局于 {formatDateTime(returned.reviewedAt)} 退回修改：
            {returned.comment ?? '请按要求修改后重新提交'}
          </View>
          <View>已载入上次提交的内容，请修改后重新提交。</View>
        </View>
      ) : null}

      <View className="card">
        <View className="card__title">工作进展</View>
        <TextField
          id="report-summary"
          label="工作进展与主要成果"
          required
          multiline
          maxlength={3000}
          value={draft.summary}
          placeholder="项目实施以来开展的主要工作、取得的阶段性成果（20字以上）"
          error={errorOf('summary')}
          onChange={(summary) => change('summary', { ...draft, summary })}
          onBlur={() => blur('summary')}
        />
      </View>

      <View
        className="card"
        id="report-milestones"
        role="group"
        aria-labelledby="report-milestones-label"
      >
        <View className="card__title" id="report-milestones-label">
          任务书节点完成情况
        </View>
        {milestonesError ? (
          <View className="form-row__error" id="report-milestones-error" role="alert">
            {milestonesError}
          </View>
        ) : null}
        {c.milestones.map((m, i) => {
          const row = draft.milestones[i] ?? { done: false, note: '' };
          const doneId = `report-milestone-${i}-done`;
          return (
            <View key={`${m.title}-${i}`} className="report-milestone" id={`report-milestone-${i}`}>
              <MilestoneTerms milestone={m} index={i} />
              <FormRow
                id={doneId}
                label="是否完成"
                required
                error={errorOf(`milestones.${i}.done`)}
              >
                <View
                  {...pressable('switch')}
                  id={doneId}
                  className="report-switch"
                  aria-checked={row.done ? 'true' : 'false'}
                  aria-labelledby={`${doneId}-label`}
                  onClick={() =>
                    change(`milestones.${i}.done`, {
                      ...draft,
                      milestones: setMilestone(i, { done: !row.done }),
                    })
                  }
                >
                  <View className={row.done ? 'switch switch--on' : 'switch'} />
                  <View className="report-switch__text" id={`${doneId}-text`}>
                    {row.done ? '已完成' : '未完成'}
                  </View>
                </View>
              </FormRow>
              <TextField
                id={`report-milestone-${i}-note`}
                label="完成情况"
                required
                multiline
                maxlength={500}
                value={row.note}
                placeholder={
                  row.done ? '考核指标的完成情况及佐证' : '目前进度、未完成的原因及预计完成时间'
                }
                error={errorOf(`milestones.${i}.note`)}
                onChange={(note) =>
                  change(`milestones.${i}.note`, {
                    ...draft,
                    milestones: setMilestone(i, { note }),
                  })
                }
                onBlur={() => blur(`milestones.${i}.note`)}
              />
            </View>
          );
        })}
      </View>

      <View className="card">
        <View className="card__title">资金使用</View>
        <TextField
          id="report-cityFundsSpent"
          label="市级资金已支出（元）"
          required
          type={MONEY_TYPE}
          maxlength={20}
          value={draft.cityFundsSpent}
          placeholder="单位：元，如 200000"
          hint={`任务书市级资金 ${formatYuan(c.cityFundsFen)}`}
          error={errorOf('cityFundsSpentFen')}
          onChange={(cityFundsSpent) => change('cityFundsSpentFen', { ...draft, cityFundsSpent })}
          onBlur={() => blur('cityFundsSpentFen')}
        />
        <TextField
          id="report-ownFundsSpent"
          label="自筹资金已支出（元）"
          required
          type={MONEY_TYPE}
          maxlength={20}
          value={draft.ownFundsSpent}
          placeholder="单位：元，如 200000"
          hint={`任务书单位自筹资金 ${formatYuan(c.ownFundsFen)}`}
          error={errorOf('ownFundsSpentFen')}
          onChange={(ownFundsSpent) => change('ownFundsSpentFen', { ...draft, ownFundsSpent })}
          onBlur={() => blur('ownFundsSpentFen')}
        />
        <TextField
          id="report-nextSteps"
          label="存在问题及下一步计划"
          multiline
          maxlength={1000}
          value={draft.nextSteps}
          placeholder="选填"
          error={errorOf('nextSteps')}
          onChange={(nextSteps) => change('nextSteps', { ...draft, nextSteps })}
          onBlur={() => blur('nextSteps')}
        />
      </View>

      <View
        className="card"
        id="report-attachments"
        role="group"
        aria-labelledby="report-attachments-label"
      >
        <View className="card__title" id="report-attachments-label">
          报告附件
        </View>
        <EvidenceUploader
          requirements={reportAttachmentRows(kind)}
          items={draft.attachments}
          onChange={(update) => {
            // Uploads finish in any order: each lands on the latest list.
            setDraft((prev) => ({ ...prev, attachments: update(prev.attachments) }));
            form.edited('attachments');
          }}
          error={attachmentsError}
          missingKinds={attachmentsError ? missingAttachmentKinds(kind, draft.attachments) : []}
          disabled={form.busy}
        />
      </View>

      <FormRefusal id="report-form-error" message={form.refusal} />
      <SubmitBar
        id="report-submit"
        label={returned ? '重新提交' : `提交${kindName}`}
        busy={form.busy}
        onSubmit={submit}
      />
    </View>
  );
}
