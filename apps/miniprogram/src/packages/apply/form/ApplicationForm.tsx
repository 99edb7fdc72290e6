import { Button, View } from '@tarojs/components';
import type { Rule } from '@kc/domain';
import { documentKindForEvidence } from '@kc/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError, refusedOutright } from '../../../api/errors';
import { DynamicForm } from '../../../components/DynamicForm';
import { type EvidenceItem, EvidenceUploader } from '../../../components/EvidenceUploader';
import { evidenceRefs } from '../../../components/evidence-items';
import { fromInput, inputKey } from '../../../forms/form-values';
import { describeFields } from '../../../forms/schema-fields';
import { useDynamicForm } from '../../../hooks/useDynamicForm';
import Taro from '@tarojs/taro';
import { leaveIfLoggedOut, replace, routes, toast, toastDone } from '../../../services/nav';
import { newRequestKey } from '../../../services/request-key';
import { withSession } from '../../../services/session';
import { askToSubscribe } from '../../../services/subscribe';
import type { EvidenceOffers, ExistingApplication } from './evidence';
import { choicesOf, initialEvidence, savableKinds } from './evidence';
import { AUTOSAVE_INTERVAL_MS, autosavedText } from './draft-state';
import { showDraftInUrl } from './draft-url';
import { useLeaveGuard } from './leave-guard';
import { PreviewCard } from './PreviewCard';
import { previewReasons } from './preview-reasons';
import { scrollToId } from '../../../services/scroll';
import { useDraftKeeper } from './useDraftKeeper';
import { usePreview } from './usePreview';
import { usePageClass } from '../../../services/text-size';

type CreateDraft = Parameters<typeof api.applications.saveDraft.mutate>[0];

/**
 * The application form, generated from the rule's input schema, with the evidence the guide
 * asks for and a live preview of eligibility and amount. Standing documents the 资料库 holds and
 * the registered 收款账户 are attached by reference, chosen beforehand (`offers`). Save a draft
 * at any point; submit when the form is complete (the server checks everything again).
 */
export function ApplicationForm({
  rule,
  existing,
  offers,
}: {
  rule: Rule;
  existing: ExistingApplication | null;
  offers: EvidenceOffers;
}) {
  const pageClass = usePageClass();
  const fields = useMemo(() => describeFields(rule.inputSchema), [rule]);
  const form = useDynamicForm(
    rule.inputSchema,
    fields,
    existing ? fromInput(fields, existing.input) : undefined,
  );
  const [evidence, setEvidence] = useState<EvidenceItem[]>(() => initialEvidence(existing, offers));
  const choices = useMemo(() => choicesOf(offers), [offers]);
  const savable = useMemo(() => savableKinds(offers), [offers]);
  const [saved, setSaved] = useState(
    existing ? { id: existing.id, version: existing.version } : null,
  );
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  // Read by the autosave timer, which must not save while a tap is saving or submitting.
  const busyRef = useRef(false);
  const preview = usePreview(rule.id, form.input, evidence, saved?.id);
  const told = previewReasons(preview.result?.refusals ?? [], form.input);
  // The preview's reasons under their fields, once it has caught up with what is typed.
  const formWithReasons = preview.loading
    ? form
    : { ...form, errors: { ...told.fieldErrors, ...form.errors } };

  const keeper = useDraftKeeper(inputKey({ input: form.input, evidence: evidenceRefs(evidence) }));
  useLeaveGuard(keeper.dirty, keeper.stillDirty);
  const [autosavedAt, setAutosavedAt] = useState<Date | null>(null);

  // The first save (the one that creates the draft), kept with its request number until an
  // answer says whether it landed: a save after a timeout sends exactly it again, so the server
  // answers with the draft it made instead of making a second (edits since follow as an update).
  const creating = useRef<{ snapshot: string; request: CreateDraft } | null>(null);

  const save = async (): Promise<{ id: string; version: number }> => {
    const snapshot = keeper.snapshotNow();
    const content = { ruleId: rule.id, input: form.normalised, evidence: evidenceRefs(evidence) };
    let draft = saved;
    if (!draft) {
      const create = (creating.current ??= {
        snapshot,
        request: { ...content, idempotencyKey: newRequestKey() },
      });
      let result;
      try {
        result = await withSession(() => api.applications.saveDraft.mutate(create.request));
      } catch (error) {
        if (!refusedOutright(error)) throw error;
        creating.current = null;
        // The earlier content was refused, so nothing was made: save what the form holds now.
        if (create.snapshot !== snapshot) return save();
        throw error;
      }
      creating.current = null;
      draft = { id: result.id, version: result.version };
      showDraftInUrl(result.id);
      setSaved(draft);
      keeper.markSaved(create.snapshot);
      if (create.snapshot === snapshot) return draft;
    }
    const current = draft;
    const result = await withSession(() =>
      api.applications.saveDraft.mutate({
        applicationId: current.id,
        expectedVersion: current.version,
        ...content,
      }),
    );
    const next = { id: result.id, version: result.version };
    setSaved(next);
    keeper.markSaved(snapshot);
    return next;
  };

  // Every 30 s of editing, what changed is saved as the draft; failures stay quiet (the next
  // tap on 保存草稿 says why).
  const autosave = useRef<() => Promise<void>>(async () => undefined);
  autosave.current = async () => {
    if (busyRef.current || !keeper.stillDirty()) return;
    busyRef.current = true;
    try {
      await save();
      setAutosavedAt(new Date());
    } catch (error) {
      leaveIfLoggedOut(error);
    } finally {
      busyRef.current = false;
    }
  };
  useEffect(() => {
    const timer = setInterval(() => void autosave.current(), AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  /** An uploaded 信用承诺书 (or account proof) kept in the 资料库 for the next application too. */
  const saveToLibrary = async (kind: string, fileId: string) => {
    const docKind = documentKindForEvidence(kind);
    if (!docKind) return;
    try {
      await withSession(() => api.myOrg.documents.add.mutate({ kind: docKind, fileId }));
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      throw new Error(describeError(error).message);
    }
    void toastDone('已存入资料库');
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
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy('save');
    try {
      await save();
      void toastDone('草稿已保存');
    } catch (error) {
      fail(error);
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    if (busyRef.current) return;
    // WeChat lets a page ask for subscribe messages only right after a tap.
    void askToSubscribe();
    if (!form.attempt()) {
      void toast('请按提示修改标红的内容');
      const first = form.firstInvalid();
      scrollToId(first ? `apply-${first}` : undefined);
      return;
    }
    busyRef.current = true;
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
      busyRef.current = false;
      setBusy(null);
    }
  };

  const returned = existing?.status === 'returned';
  const returnComment = returned
    ? [...existing.timeline].reverse().find((t) => t.action === 'return')?.comment
    : null;

  return (
    <View className={`${pageClass} page--footer`} id="apply-page" data-rule={rule.id}>
      <View className="card guide-head">
        <View className="guide-head__clause">方案条款 {rule.clause}</View>
        <View className="guide-head__name" id="apply-rule-name">
          {rule.name}
        </View>
        <View className="guide-head__amount" id="apply-rule-amount">
          {rule.guide.amountText}
        </View>
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
        <DynamicForm idPrefix="apply" fields={fields} form={formWithReasons} />
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
          choices={choices}
          savableKinds={savable}
          onSaveToLibrary={saveToLibrary}
        />
      </View>

      <PreviewCard
        preview={preview}
        reasons={told.reasons}
        incomplete={told.incomplete || !form.valid}
      />
      {autosavedAt ? (
        <View className="muted apply-autosaved" id="apply-autosaved">
          {autosavedText(autosavedAt)}
        </View>
      ) : null}

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
