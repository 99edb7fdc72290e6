import { Text, View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { ChipGroup } from '../../../components/ChipGroup';
import { FormRefusal, SubmitBar } from '../../../components/FormFooter';
import { FormRow } from '../../../components/FormRow';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { TextField } from '../../../components/TextField';
import { formatBytes, formatDateTime } from '../../../format';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { openStoredFile } from '../../../services/stored-file';
import { usePageClass } from '../../../services/text-size';
import { MilestoneTerms } from '../../projects/MilestoneTerms';
import {
  CONFLICT_OPTIONS,
  type ExpertAcceptance,
  VERDICT_OPTIONS,
  type VerdictDraft,
  VERDICT_ORDER,
  checkVerdict,
  commentHint,
  mayGiveVerdict,
  serverVerdictErrors,
  standing,
  verdictDraft,
  verdictFieldId,
} from '../acceptance';

export interface AcceptanceViewProps {
  view: ExpertAcceptance;
  /** Sent: the view the API answered with (the panel may have completed with it). */
  onSaved: (next: ExpertAcceptance) => void;
  /** The server said the page is out of date (closed, completed meanwhile): it loads again. */
  onStale: () => void;
}

/**
 * 项目验收 for one expert of the panel: the project (its 任务书's period, funds and milestones, the
 * lead unit and its partners), the 结题验收报告 — what the unit says of each milestone, the money
 * spent against the contract's, its files — and the expert's verdict: no conflict confirmed and
 * 通过 / 需整改 / 不通过 (a comment unless 通过), or a declared conflict with its reason. Once the
 * panel is complete the verdicts of all, unnamed, and the panel's conclusion; nothing to change.
 */
export function AcceptanceView({ view, onSaved, onStale }: AcceptanceViewProps) {
  const pageClass = usePageClass();
  const open = mayGiveVerdict(view);
  const p = view.project;
  const r = view.report;
  return (
    <View
      className={open ? `${pageClass} page--footer` : pageClass}
      id="acceptance-page"
      data-mode={open ? 'form' : 'readonly'}
    >
      <View className="card review-head">
        <View className="review-head__call">
          {p.programmeName} · {view.panelName}
        </View>
        <View className="review-head__title" id="acceptance-title">
          {p.title}
        </View>
        <View className="muted" id="acceptance-unit">
          承担单位：{p.organisationName}
        </View>
        <View className="review-head__row">
          <View className="muted">
            项目编号 {p.number} · {p.fieldName}
          </View>
          <StatusTag
            status={view.closed ? 'closed' : view.complete ? 'passed' : 'scoring'}
            label={view.closed ? '验收已结束' : view.complete ? '意见已汇齐' : '验收中'}
            id="acceptance-status"
          />
        </View>
      </View>
      <View
        className={open ? 'notice' : 'notice notice--warning'}
        id="acceptance-standing"
        role="status"
      >
        {standing(view)}
      </View>

      <View className="card" id="acceptance-contract">
        <View className="card__title">任务书</View>
        <KeyValue label="实施期限" id="acceptance-period">
          {p.contract.startOn} 至 {p.contract.endOn}
        </KeyValue>
        <KeyValue label="市级资金" id="acceptance-city-funds">
          {formatYuan(p.contract.cityFundsFen)}
        </KeyValue>
        <KeyValue label="自筹资金">{formatYuan(p.contract.ownFundsFen)}</KeyValue>
        {p.team.length > 0 ? (
          <KeyValue label="合作单位" id="acceptance-team">
            {p.team.map((m) => (
              <View key={`${m.unitName}-${m.part}`}>
                {m.unitName}
                {m.personName ? `（${m.personName}）` : ''}：{m.part}
              </View>
            ))}
          </KeyValue>
        ) : null}
      </View>

      <View className="card" id="acceptance-report">
        <View className="card__title">{r.kindName}</View>
        <View className="muted" id="acceptance-submitted">
          {formatDateTime(r.submittedAt)} 提交
          {r.submissions > 1 ? `（第${r.submissions}次提交）` : ''}
        </View>
        {r.superseded ? (
          <View className="notice notice--warning" id="acceptance-superseded">
            承担单位已修改后重新提交，以下为最新内容。
          </View>
        ) : null}
        <View className="project-item__text review-sheet__text" id="acceptance-summary">
          {r.body.summary}
        </View>
        <KeyValue label="市级资金已支出" id="acceptance-city-spent">
          {formatYuan(r.body.cityFundsSpentFen)}（任务书 {formatYuan(p.contract.cityFundsFen)}）
        </KeyValue>
        <KeyValue label="自筹资金已支出" id="acceptance-own-spent">
          {formatYuan(r.body.ownFundsSpentFen)}（任务书 {formatYuan(p.contract.ownFundsFen)}）
        </KeyValue>
        {r.body.nextSteps ? (
          <KeyValue label="存在问题及下一步计划">
            <View className="review-sheet__text">{r.body.nextSteps}</View>
          </KeyValue>
        ) : null}
      </View>

      <View className="card" id="acceptance-milestones">
        <View className="card__title">项目节点完成情况</View>
        {p.contract.milestones.map((m, i) => {
          const line = r.body.milestones[i];
          return (
            <View key={`${m.title}-${i}`} className="project-item" id={`acceptance-milestone-${i}`}>
              <MilestoneTerms milestone={m} index={i} />
              <View className="project-item__text" id={`acceptance-milestone-${i}-line`}>
                {line ? `${line.done ? '✓ 已完成' : '✗ 未完成'}：${line.note}` : '未填写'}
              </View>
            </View>
          );
        })}
      </View>

      {r.attachments.length > 0 ? (
        <View className="card" id="acceptance-files">
          <View className="card__title">报告附件</View>
          {r.attachments.map((a, i) => (
            <View
              key={a.fileId}
              {...pressable('link')}
              className="project-item"
              id={`acceptance-file-${i}`}
              onClick={() =>
                void openStoredFile(a.fileId, a.name).catch((e: unknown) =>
                  toast(e instanceof Error ? e.message : '文件下载失败，请稍后重试'),
                )
              }
            >
              <View className="project-item__head">
                <View className="project-item__title">{a.kindName}</View>
                <Text className="muted">{formatBytes(a.sizeBytes)}</Text>
              </View>
              <View className="link">{a.name}</View>
            </View>
          ))}
        </View>
      ) : null}

      {view.conclusion ? <PanelConclusion conclusion={view.conclusion} /> : null}
      {open ? (
        <VerdictForm view={view} onSaved={onSaved} onStale={onStale} />
      ) : (
        <MyVerdictCard view={view} />
      )}
    </View>
  );
}

/** The panel once complete: the conclusion, the tally and every valid verdict, unnamed. */
function PanelConclusion({
  conclusion: c,
}: {
  conclusion: NonNullable<ExpertAcceptance['conclusion']>;
}) {
  return (
    <View className="card" id="acceptance-conclusion">
      <View className="card__title">验收专家组意见</View>
      <View className="notice" id="acceptance-explanation">
        {c.explanation}
      </View>
      {c.verdicts.map((v, i) => (
        <View key={i} className="project-item" id={`acceptance-verdict-${i}`}>
          <View className="project-item__head">
            <View className="project-item__title">
              {v.mine ? '本人' : `专家${i + 1}`}：{v.verdictName}
            </View>
          </View>
          {v.comment ? <View className="review-sheet__text">{v.comment}</View> : null}
        </View>
      ))}
    </View>
  );
}

/** The expert's own verdict when nothing may change any more. */
function MyVerdictCard({ view }: { view: ExpertAcceptance }) {
  const mine = view.mine;
  return (
    <View className="card" id="acceptance-mine">
      <View className="card__title">本人验收意见</View>
      {!mine ? (
        <View className="muted" id="acceptance-mine-none">
          您未提出验收意见。
        </View>
      ) : mine.conflict ? (
        <KeyValue label="利益冲突" id="acceptance-mine-value">
          已申报回避：{mine.conflictReason}
        </KeyValue>
      ) : (
        <View>
          <KeyValue label="验收意见" id="acceptance-mine-value">
            {mine.verdictName}
          </KeyValue>
          <KeyValue label="意见说明">
            <View className="review-sheet__text">{mine.comment || '未填写'}</View>
          </KeyValue>
        </View>
      )}
    </View>
  );
}

function VerdictForm({ view, onSaved, onStale }: AcceptanceViewProps) {
  const [draft, setDraft] = useState<VerdictDraft>(() => verdictDraft(view.mine));
  const form = useCheckedForm(checkVerdict(draft), {
    order: VERDICT_ORDER,
    fieldId: verdictFieldId,
    topId: 'acceptance-form',
    serverErrors: serverVerdictErrors,
    onStale,
  });
  const { errorOf, blur } = form;
  const change = (path: string, next: VerdictDraft) => {
    setDraft(next);
    form.edited(path);
  };
  const rule = commentHint(draft.verdict);

  const submit = async () => {
    const checked = form.attempt();
    if (!checked) return;
    const declared = checked.sheet.conflict === 'declared';
    const { confirm } = await Taro.showModal({
      title: declared ? '申报回避' : '提交验收意见',
      content: declared
        ? '申报回避后本次验收不计您的意见，且不能撤回。确定申报回避吗？'
        : '验收专家组意见汇齐前可以修改，汇齐后不能再修改。确定提交吗？',
      confirmText: '提交',
    });
    if (!confirm) return;
    await form.send(async () => {
      const next = await withSession(() =>
        api.selection.reviews.verdict.mutate({
          assignmentId: view.assignmentId,
          sheet: checked.sheet,
        }),
      );
      void toastDone(declared ? '已申报回避' : '验收意见已提交');
      onSaved(next);
    });
  };

  return (
    <View>
      <View className="card" id="acceptance-form">
        <View className="card__title">{view.mine ? '修改验收意见' : '验收意见'}</View>
        <FormRow
          id={verdictFieldId('conflict')}
          label="利益冲突确认"
          required
          hint="与承担单位、合作单位或其人员存在任职、合作、亲属等利益关系的，应申报回避"
          error={errorOf('conflict')}
        >
          <ChipGroup
            id={verdictFieldId('conflict')}
            chipIdPrefix={verdictFieldId('conflict')}
            options={CONFLICT_OPTIONS}
            value={draft.conflict ? [draft.conflict] : []}
            onChange={(codes) => {
              const code = codes[0];
              if (code === 'none' || code === 'declared')
                change('conflict', { ...draft, conflict: code });
            }}
          />
        </FormRow>
        {draft.conflict === 'declared' ? (
          <View id="verdict-declared">
            <View className="notice notice--warning">
              申报回避后，本次验收不计您的意见；市科技局将由备选专家递补。
            </View>
            <TextField
              id={verdictFieldId('reason')}
              label="回避原因"
              required
              multiline
              maxlength={200}
              value={draft.reason}
              placeholder="如：本人在承担单位兼职；与项目负责人为同一课题组"
              error={errorOf('reason')}
              onChange={(reason) => change('reason', { ...draft, reason })}
              onBlur={() => blur('reason')}
            />
          </View>
        ) : null}
        {draft.conflict === 'none' ? (
          <View id="verdict-given">
            <FormRow
              id={verdictFieldId('verdict')}
              label="验收意见"
              required
              error={errorOf('verdict')}
            >
              <ChipGroup
                id={verdictFieldId('verdict')}
                chipIdPrefix={verdictFieldId('verdict')}
                options={VERDICT_OPTIONS}
                value={draft.verdict ? [draft.verdict] : []}
                onChange={(codes) => {
                  const code = VERDICT_OPTIONS.find((v) => v.code === codes[0])?.code;
                  if (code) change('verdict', { ...draft, verdict: code });
                }}
              />
            </FormRow>
            <TextField
              id={verdictFieldId('comment')}
              label="意见说明"
              required={rule.required}
              multiline
              maxlength={1000}
              value={draft.comment}
              placeholder="对考核指标完成情况、经费使用和成果的评价"
              hint={rule.hint}
              error={errorOf('comment')}
              onChange={(comment) => change('comment', { ...draft, comment })}
              onBlur={() => blur('comment')}
            />
          </View>
        ) : null}
      </View>
      <FormRefusal id="acceptance-refusal" message={form.refusal} />
      <SubmitBar
        id="acceptance-submit"
        label={
          draft.conflict === 'declared' ? '提交回避申报' : view.mine ? '保存修改' : '提交验收意见'
        }
        busy={form.busy}
        onSubmit={submit}
      />
    </View>
  );
}
