import { Button, View } from '@tarojs/components';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { DynamicForm } from '../../../components/DynamicForm';
import { type EvidenceItem, EvidenceUploader } from '../../../components/EvidenceUploader';
import { inputKey } from '../../../forms/form-values';
import { describeFields } from '../../../forms/schema-fields';
import { useDynamicForm } from '../../../hooks/useDynamicForm';
import { leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { scrollToId } from '../../../services/scroll';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { useLeaveGuard } from '../../apply/form/leave-guard';
import { useDraftKeeper } from '../../apply/form/useDraftKeeper';
import type { CallTiming, MySubmission, PublishedCall } from '../data';
import {
  type NeedRef,
  answersNeeds,
  evidenceItems,
  hasTeam,
  initialValues,
  missingEvidence,
  needContent,
  requirementsOf,
  saveContent,
  serverErrors,
  submissionOverrides,
  submissionSchema,
  submissionSections,
} from './form';
import { MEMBER_ANSWERS_HINT, SubmissionMembers, SubmissionNeed } from './SubmissionParts';
import { withdrawSubmission } from './withdraw';

/**
 * 在线申报: the programme's form generated from its domain schema, the member units, the
 * documents the programme asks for (uploaded as for award applications), 保存草稿 at any point
 * and 提交申报 when complete. The API checks everything again on submit; its field errors land
 * under the same fields. A returned submission shows the formal check's comment first. A key
 * project names the published technology need it answers (揭榜挂帅): the saved one, or the one
 * the 需求榜 opened the form with; it may be taken off, and every save says which (or none).
 */
export function SubmissionForm(props: {
  call: PublishedCall;
  timing: CallTiming;
  existing: MySubmission | null;
  /** 揭榜挂帅: the need the 需求榜 opened the form for (it replaces a saved one). */
  offeredNeed?: NeedRef | null;
  /** Why the need the 需求榜 opened the form for could not be read. */
  offeredNeedProblem?: string | null;
  /** After a submit or a withdrawal: the page shows where the submission stands. */
  onDone: (submission: MySubmission) => void;
}) {
  const { call, timing, existing } = props;
  const programme = call.programme;
  const pageClass = usePageClass();
  const schema = useMemo(() => submissionSchema(programme), [programme]);
  const overrides = useMemo(() => submissionOverrides(programme, call), [programme, call]);
  const fields = useMemo(() => describeFields(schema, overrides), [schema, overrides]);
  const sections = useMemo(() => submissionSections(programme), [programme]);
  const [initial] = useState(() => initialValues(fields, programme, existing));
  const form = useDynamicForm(schema, fields, initial);
  const requirements = requirementsOf(programme, existing);
  const [evidence, setEvidence] = useState<EvidenceItem[]>(() =>
    evidenceItems(existing, requirements),
  );
  const [saved, setSaved] = useState(
    existing ? { id: existing.id, version: existing.version } : null,
  );
  // The member units as last saved, with their answers (a save asks the new ones).
  const [savedTeam, setSavedTeam] = useState(existing?.team ?? []);
  const [busy, setBusy] = useState<'save' | 'submit' | 'withdraw' | null>(null);
  const busyRef = useRef(false);
  const [attempted, setAttempted] = useState(false);
  const [formError, setFormError] = useState<{ message: string; verify: boolean } | null>(null);
  const returned = existing?.status === 'returned';
  const withNeed = answersNeeds(programme);
  const [need, setNeed] = useState<NeedRef | null>(() =>
    withNeed ? (props.offeredNeed ?? existing?.need ?? null) : null,
  );

  const keeper = useDraftKeeper(
    inputKey({ values: form.values, evidence, needId: need?.id ?? null }),
  );
  useLeaveGuard(keeper.dirty, keeper.stillDirty);

  const missing = missingEvidence(requirements, evidence);
  const evidenceError = form.errors.evidence ?? (attempted ? missing.message : undefined);

  const save = async (): Promise<MySubmission> => {
    const snapshot = keeper.snapshotNow();
    const current = saved;
    const result = await withSession(() =>
      api.selection.submissions.save.mutate({
        callId: call.id,
        ...(current ? { expectedVersion: current.version } : {}),
        ...saveContent(programme, form.normalised, evidence, existing),
        ...needContent(programme, need),
      }),
    );
    setSaved({ id: result.id, version: result.version });
    setSavedTeam(result.team);
    keeper.markSaved(snapshot);
    return result;
  };

  const fail = (error: unknown) => {
    if (leaveIfLoggedOut(error)) return;
    const info = describeError(error);
    const errors = serverErrors(error);
    form.setServerErrors(errors);
    const placed = Object.keys(errors).some(
      (k) =>
        k === 'evidence' ||
        (k === 'needId' && withNeed) ||
        fields.some((f) => k === f.name || k.startsWith(`${f.name}.`)),
    );
    // A refusal about no one field (not verified, past the deadline, changed meanwhile) is said
    // above the form, with the way to 机构认证 where that is what is missing.
    setFormError(
      placed
        ? null
        : { message: info.message, verify: info.appCode === 'ORGANISATION_NOT_VERIFIED' },
    );
    const first = form.firstInvalid(errors);
    scrollToId(
      first
        ? `submission-${first}`
        : errors.evidence
          ? 'evidence'
          : errors.needId && withNeed
            ? 'submission-need'
            : 'submission-form-error',
    );
    void toast(info.message);
  };

  const run = async (kind: 'save' | 'submit', work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(kind);
    setFormError(null);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  const onSave = () =>
    run('save', async () => {
      await save();
      void toastDone('草稿已保存');
    });

  const onSubmit = () => {
    setAttempted(true);
    const valid = form.attempt();
    if (!valid || missing.message) {
      void toast('请按提示修改标红的内容');
      const first = form.firstInvalid();
      scrollToId(first ? `submission-${first}` : 'evidence');
      return;
    }
    return run('submit', async () => {
      const draft = await save();
      const submitted = await withSession(() =>
        api.selection.submissions.submit.mutate({
          id: draft.id,
          expectedVersion: draft.version,
        }),
      );
      void toastDone(returned ? '已重新提交' : '已提交');
      props.onDone(submitted);
    });
  };

  const onWithdraw = async () => {
    if (!saved || busyRef.current) return;
    busyRef.current = true;
    setBusy('withdraw');
    try {
      const withdrawn = await withdrawSubmission(saved);
      if (withdrawn) {
        keeper.markSaved(keeper.snapshotNow());
        props.onDone(withdrawn);
      }
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  return (
    <View className={`${pageClass} page--footer`} id="submission-page" data-mode="form">
      <View className="card call-head">
        <View className="call__programme">
          方案条款 {call.clause} · {call.programmeName}
        </View>
        <View className="call-head__title" id="submission-call-title">
          {call.title}
        </View>
        <View
          className={timing.urgent ? 'call__days call__days--urgent' : 'call__days'}
          id="submission-deadline"
        >
          申报截止 {call.applyUntil}
          {timing.days ? ` · ${timing.days}` : ''}
        </View>
        {existing ? (
          <View className="muted" id="submission-number">
            申报编号 {existing.number} · {existing.statusName}
          </View>
        ) : null}
      </View>

      {returned ? (
        <View className="notice notice--warning" id="submission-returned" role="alert">
          <View className="submission-comment__label">申报被退回修改，形式审查意见：</View>
          <View className="submission-comment" id="submission-returned-comment">
            {existing.checkComment ?? '请按要求修改后重新提交'}
          </View>
          <View className="submission-comment__label">
            请在 {call.applyUntil} 前修改后重新提交。
          </View>
        </View>
      ) : null}

      {formError || form.errors._form ? (
        <View className="notice notice--danger" id="submission-form-error" role="alert">
          {formError?.message ?? form.errors._form}
          {formError?.verify ? (
            <Button
              id="submission-verify"
              className="btn btn--ghost btn--small"
              onClick={() => void open(routes.orgVerify)}
            >
              去机构认证
            </Button>
          ) : null}
        </View>
      ) : null}

      {withNeed ? (
        <SubmissionNeed
          id="submission-need"
          need={need}
          onRemove={() => {
            setNeed(null);
            form.setServerErrors((prev) => ({ ...prev, needId: undefined }));
          }}
          error={form.errors.needId ?? (need ? undefined : (props.offeredNeedProblem ?? undefined))}
        />
      ) : null}

      <DynamicForm
        idPrefix="submission"
        fields={fields}
        form={form}
        overrides={overrides}
        sections={sections}
      />

      {hasTeam(programme) && savedTeam.length > 0 ? (
        <SubmissionMembers
          id="submission-answers"
          title="成员单位确认情况"
          hint={`以下为已保存的成员单位。${MEMBER_ANSWERS_HINT}修改某家单位或其承担的任务并保存后，须由该单位重新确认。`}
          team={savedTeam}
        />
      ) : null}

      <View className="card">
        <View className="card__title">申报材料</View>
        <EvidenceUploader
          requirements={requirements}
          items={evidence}
          onChange={(update) => {
            setEvidence(update);
            form.setServerErrors((prev) => ({ ...prev, evidence: undefined }));
          }}
          error={evidenceError}
          missingKinds={attempted ? missing.kinds : undefined}
        />
      </View>

      {saved ? (
        <View className="submission-actions">
          <Button
            id="submission-withdraw"
            className="btn btn--ghost btn--danger"
            disabled={busy !== null || undefined}
            onClick={() => void onWithdraw()}
          >
            撤回申报
          </Button>
        </View>
      ) : null}

      <View className="footer-bar footer-bar--split">
        <Button
          id="submission-save"
          className="btn btn--ghost"
          loading={busy === 'save'}
          disabled={busy !== null || undefined}
          onClick={() => void onSave()}
        >
          保存草稿
        </Button>
        <Button
          id="submission-submit"
          className="btn btn--primary"
          loading={busy === 'submit'}
          disabled={busy !== null || undefined}
          onClick={() => void onSubmit()}
        >
          {returned ? '重新提交' : '提交申报'}
        </Button>
      </View>
    </View>
  );
}
