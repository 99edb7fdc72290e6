import { Button, View } from '@tarojs/components';
import { type ProjectChangeKind, projectChangeKindName } from '@kc/domain';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { ChipGroup } from '../../../components/ChipGroup';
import { FormRow } from '../../../components/FormRow';
import { TextField } from '../../../components/TextField';
import type { PathErrors } from '../../../forms/form-values';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
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
  serverChangeErrors,
} from './form';

/** Refusals after which the project on screen is out of date: the page loads it again. */
const RELOAD_ON = ['STALE_VERSION', 'INVALID_TRANSITION', 'NOT_ORG_ADMIN', 'NOT_FOUND'];

const ORDER = ['kind', 'months', 'terminationReason', 'reason'] as const;

const PLACEHOLDERS: Record<ProjectChangeKind | '', string> = {
  '': '请先选择申请类型',
  extension: '未能按期完成的原因、已完成的工作及延期后的安排（10字以上）',
  change: '需变更的任务书内容（如考核指标、项目节点、负责人）、变更前后对比及理由（10字以上）',
  termination: '终止的原因、项目已完成的工作及市级资金使用情况（10字以上）',
};

function scrollToId(id: string) {
  Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -80, duration: 200 }).catch(() => undefined);
}

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
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<PathErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const check = checkChange(draft, p);
  const local: PathErrors = check.ok ? {} : check.errors;
  const errorOf = (path: string): string | undefined =>
    server[path] ?? (attempted || touched.has(path) ? local[path] : undefined);
  // A word on the request as a whole (no more extensions) shows as soon as the kind is chosen.
  const formError = refusal ?? server._form ?? (draft.kind ? local._form : undefined);

  const change = (path: string, next: ChangeDraft) => {
    setDraft(next);
    setRefusal(null);
    setServer((prev) => {
      const rest = { ...prev };
      delete rest[path];
      delete rest._form;
      return rest;
    });
  };
  const blur = (path: string) => setTouched((prev) => new Set(prev).add(path));

  const submit = async () => {
    if (busyRef.current) return;
    setAttempted(true);
    setRefusal(null);
    if (!check.ok) {
      void toast('请按提示修改标红的内容');
      const first = ORDER.find((path) => check.errors[path]);
      scrollToId(first ? `change-${first}` : 'change-form-error');
      return;
    }
    const kindName = projectChangeKindName(check.request.kind);
    const { confirm } = await Taro.showModal({
      title: `${kindName}申请`,
      content:
        check.request.kind === 'termination'
          ? '终止申请经市科技局同意后项目即终止，尚未拨付的市级资金不再拨付。确定提交吗？'
          : `${kindName}申请提交后由市科技局审批，审批前不能再提出其他变更申请。确定提交吗？`,
      confirmText: '提交',
    });
    if (!confirm) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await withSession(() =>
        api.selection.projects.requestChange.mutate({
          id: p.id,
          expectedVersion: p.version,
          request: check.request,
        }),
      );
      void toastDone(`${kindName}申请已提交`);
      onSubmitted();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      void toast(info.message);
      const { _form: above, ...placed } = serverChangeErrors(error);
      setServer(placed);
      const first = ORDER.find((path) => placed[path]);
      if (first) scrollToId(`change-${first}`);
      setRefusal(Object.keys(placed).length ? null : (above ?? info.message));
      if (info.appCode !== null && RELOAD_ON.includes(info.appCode)) onStale();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
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

      {formError ? (
        <View className="notice notice--danger" id="change-form-error" role="alert">
          {formError}
        </View>
      ) : null}

      <View className="footer-bar">
        <Button
          id="change-submit"
          className="btn btn--primary"
          loading={busy}
          disabled={busy || undefined}
          onClick={() => void submit()}
        >
          提交申请
        </Button>
      </View>
    </View>
  );
}
