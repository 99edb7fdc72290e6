import { Button, View } from '@tarojs/components';
import type { Rule } from '@kc/domain';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { DynamicForm } from '../../../components/DynamicForm';
import { type EvidenceItem, EvidenceUploader } from '../../../components/EvidenceUploader';
import { fromInput } from '../../../forms/form-values';
import { describeFields } from '../../../forms/schema-fields';
import { useDynamicForm } from '../../../hooks/useDynamicForm';
import Taro from '@tarojs/taro';
import { leaveIfLoggedOut, replace, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { askToSubscribe } from '../../../services/subscribe';
import { PreviewCard } from './PreviewCard';
import { scrollToId } from './scroll';
import { usePreview } from './usePreview';

type Existing = Awaited<ReturnType<typeof api.applications.byId.query>>;

/**
 * The application form, generated from the rule's input schema, with the evidence the guide
 * asks for and a live preview of eligibility and amount. Save a draft at any point; submit
 * when the form is complete (the server checks everything again).
 */
export function ApplicationForm({ rule, existing }: { rule: Rule; existing: Existing | null }) {
  const fields = useMemo(() => describeFields(rule.inputSchema), [rule]);
  const form = useDynamicForm(
    rule.inputSchema,
    fields,
    existing ? fromInput(fields, existing.input) : undefined,
  );
  const [evidence, setEvidence] = useState<EvidenceItem[]>(
    () =>
      existing?.evidence.map((e) => ({
        fileId: e.fileId,
        kind: e.kind,
        name: e.originalName ?? e.kindName,
        sizeBytes: e.sizeBytes,
      })) ?? [],
  );
  const [saved, setSaved] = useState(
    existing ? { id: existing.id, version: existing.version } : null,
  );
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const preview = usePreview(rule.id, form.input, evidence, saved?.id);

  const save = async () => {
    const result = await withSession(() =>
      api.applications.saveDraft.mutate({
        ...(saved ? { applicationId: saved.id, expectedVersion: saved.version } : {}),
        ruleId: rule.id,
        input: form.normalised,
        evidence: evidence.map((e) => ({ fileId: e.fileId, kind: e.kind })),
      }),
    );
    const next = { id: result.id, version: result.version };
    setSaved(next);
    return next;
  };

  const fail = (error: unknown) => {
    if (leaveIfLoggedOut(error)) return;
    const info = describeError(error);
    form.setServerErrors(info.fieldErrors);
    const first = form.firstInvalid(info.fieldErrors);
    scrollToId(first ? `apply-${first}` : info.fieldErrors.evidence ? 'evidence' : undefined);
    void toast(info.message);
  };

  const onSave = async () => {
    if (busy) return;
    setBusy('save');
    try {
      await save();
      void toastDone('草稿已保存');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    if (busy) return;
    // WeChat lets a page ask for subscribe messages only right after a tap.
    void askToSubscribe();
    if (!form.attempt()) {
      void toast('请按提示修改标红的内容');
      const first = form.firstInvalid();
      scrollToId(first ? `apply-${first}` : undefined);
      return;
    }
    setBusy('submit');
    try {
      const draft = await save();
      await withSession(() =>
        api.applications.submit.mutate({
          applicationId: draft.id,
          expectedVersion: draft.version,
        }),
      );
      void toastDone('已提交');
      void showApplication(draft.id);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const returned = existing?.status === 'returned';
  const returnComment = returned
    ? [...existing.timeline].reverse().find((t) => t.action === 'return')?.comment
    : null;

  return (
    <View className="page page--footer" id="apply-page" data-rule={rule.id}>
      <View className="card guide-head">
        <View className="guide-head__clause">方案条款 {rule.clause}</View>
        <View className="guide-head__name" id="apply-rule-name">
          {rule.name}
        </View>
        <View className="guide-head__amount">{rule.guide.amountText}</View>
      </View>
      {returned ? (
        <View className="notice notice--warning" id="apply-returned">
          审核意见：{returnComment ?? '请按要求修改后重新提交'}
        </View>
      ) : null}
      {form.errors._form ? (
        <View className="notice notice--danger" id="apply-form-error">
          {form.errors._form}
        </View>
      ) : null}

      <View className="card">
        <View className="card__title">申请内容</View>
        <DynamicForm idPrefix="apply" fields={fields} form={form} />
      </View>

      <View className="card">
        <View className="card__title">申报材料</View>
        <EvidenceUploader
          requirements={rule.guide.evidence}
          items={evidence}
          onChange={(update) => {
            setEvidence(update);
            form.setServerErrors((prev) => ({ ...prev, evidence: undefined }));
          }}
          error={form.errors.evidence}
          missingKinds={preview.result?.missingEvidence.map((e) => e.kind)}
        />
      </View>

      <PreviewCard preview={preview} formComplete={form.valid} />

      <View className="footer-bar footer-bar--split">
        <Button
          id="apply-save"
          className="btn btn--ghost"
          loading={busy === 'save'}
          disabled={busy !== null || undefined}
          onClick={() => void onSave()}
        >
          保存草稿
        </Button>
        <Button
          id="apply-submit"
          className="btn btn--primary"
          loading={busy === 'submit'}
          disabled={busy !== null || undefined}
          onClick={() => void onSubmit()}
        >
          {returned ? '重新提交' : '提交申请'}
        </Button>
      </View>
    </View>
  );
}

/**
 * After submitting: back to the status page when the form was opened from it (it reloads on
 * show), otherwise the status page replaces the form, so "back" does not return to a sent form.
 */
function showApplication(id: string) {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2] as { route?: string; path?: string } | undefined;
  const from = previous?.route ?? previous?.path ?? '';
  if (from.includes('packages/apply/detail')) return Taro.navigateBack();
  return replace(routes.application, { id });
}
