import { View } from '@tarojs/components';
import { type ProjectChangeKind, projectChangeKindName } from '@kc/domain';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { pathErrorsUnder } from '../../../api/errors';
import { ChipGroup } from '../../../components/ChipGroup';
import { FormRefusal, SubmitBar } from '../../../components/FormFooter';
import { FormRow } from '../../../components/FormRow';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { type MyProject, periodText } from '../data';
import {
  CHANGE_KIND_OPTIONS,
  type ChangeDraft,
  EMPTY_CHANGE,
  TERMINATION_OPTIONS,
  checkChange,
  extensionLimitText,
  reasonTitle,
} from './form';

const ORDER = ['kind', 'months', 'terminationReason', 'reason'] as const;

const PLACEHOLDERS: Record<ProjectChangeKind | '', string> = {
  '': '请先选择申请类型',
  extension: '未能按期完成的原因、已完成的工作及延期后的安排（10字以上）',
  change: '需变更的任务书内容（如考核指标、项目节点、负责人）、变更前后对比及理由（10字以上）',
  termination: '终止的原因、项目已完成的工作及市级资金使用情况（10字以上）',
};

export interface ChangeFormProps {
  project: MyProject;
  /** Sent: the page goes back to the project, which loads again. */
  onSubmitted: () => void;
  /** The server said the project changed meanwhile: the page loads it again (the typing stays). */
  onStale: () => void;
}

/**
 * 申请延期 / 变更 / 终止, by the unit's administrator while no request waits: the kind, then the
 * months (the project's limits said beside them) or the reason for ending it, and the reason in
 * words. Checked as typed with the domain's schema and `changeProblems`; the server's word lands
 * under the same fields, a refusal about none of them above the button.
 */
export function ChangeForm({ project: p, onSubmitted, onStale }: ChangeFormProps) {
  const pageClass = usePageClass();
  const [draft, setDraft] = useState<ChangeDraft>(EMPTY_CHANGE);
  const form = useCheckedForm(checkChange(draft, p), {
    order: ORDER,
    fieldId: (path) => `change-${path}`,
    topId: 'change-form-error',
    serverErrors: (error) => pathErrorsUnder(error, 'request'),
    onStale,
  });
  const { errorOf, blur } = form;
  // A word on the request as a whole (no more extensions) shows as soon as the kind is chosen.
  const formError = form.refusal ?? (draft.kind ? form.local._form : undefined);

  const change = (path: string, next: ChangeDraft) => {
    setDraft(next);
    form.edited(path);
  };

  const submit = async () => {
    const checked = form.attempt();
    if (!checked) return;
    const kindName = projectChangeKindName(checked.request.kind);
    const { confirm } = await Taro.showModal({
      title: `${kindName}申请`,
      content:
        checked.request.kind === 'termination'
          ? '终止申请经市科技局同意后项目即终止，尚未拨付的市级资金不再拨付。确定提交吗？'
          : `${kindName}申请提交后由市科技局审批，审批前不能再提出其他变更申请。确定提交吗？`,
      confirmText: '提交',
    });
    if (!confirm) return;
    await form.send(async () => {
      await withSession(() =>
        api.selection.projects.requestChange.mutate({
          id: p.id,
          expectedVersion: p.version,
          request: checked.request,
        }),
      );
      void toastDone(`${kindName}申请已提交`);
      onSubmitted();
    });
  };

  return (
    <View className={`${pageClass} page--footer`} id="change-page">
      <View className="card detail-head">
        <View className="project__programme">
          {p.number} · {p.title}
        </View>
        <View className="detail-head__name">申请延期、变更或终止</View>
        <View className="muted" id="change-period">
          实施期限 {periodText(p.contract)}
        </View>
      </View>

      <View className="card">
        <FormRow
          id="change-kind"
          label="申请类型"
          required
          hint="延期：延长实施期限；变更：调整任务书的其他内容；终止：提前结束项目"
          error={errorOf('kind')}
        >
          <ChipGroup
            id="change-kind"
            chipIdPrefix="change-kind"
            options={CHANGE_KIND_OPTIONS}
            value={draft.kind ? [draft.kind] : []}
            onChange={(codes) => {
              const kind = codes[0] as ProjectChangeKind | undefined;
              if (!kind) return;
              change('kind', { ...draft, kind });
              blur('kind');
            }}
          />
        </FormRow>

        {draft.kind === 'extension' ? (
          <TextField
            id="change-months"
            label="延期月数"
            required
            type="number"
            maxlength={2}
            value={draft.months}
            placeholder={`1–${p.extension.maxMonths}`}
            hint={extensionLimitText(p)}
            error={errorOf('months')}
            onChange={(months) => change('months', { ...draft, months })}
            onBlur={() => blur('months')}
          />
        ) : null}

        {draft.kind === 'termination' ? (
          <>
            <FormRow
              id="change-terminationReason"
              label="终止原因"
              required
              error={errorOf('terminationReason')}
            >
              <ChipGroup
                id="change-terminationReason"
                chipIdPrefix="change-terminationReason"
                options={TERMINATION_OPTIONS}
                value={draft.terminationReason ? [draft.terminationReason] : []}
                onChange={(codes) => {
                  change('terminationReason', { ...draft, terminationReason: codes[0] ?? '' });
                  blur('terminationReason');
                }}
              />
            </FormRow>
            <View className="notice notice--warning" id="change-termination-warning">
              项目终止后，尚未拨付的市级资金不再拨付。
            </View>
          </>
        ) : null}

        <TextField
          id="change-reason"
          label={reasonTitle(draft.kind)}
          required
          multiline
          maxlength={2000}
          value={draft.reason}
          placeholder={PLACEHOLDERS[draft.kind]}
          error={errorOf('reason')}
          onChange={(reason) => change('reason', { ...draft, reason })}
          onBlur={() => blur('reason')}
        />
      </View>

      <FormRefusal id="change-form-error" message={formError} />
      <SubmitBar id="change-submit" label="提交申请" busy={form.busy} onSubmit={submit} />
    </View>
  );
}
