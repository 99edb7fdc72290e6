import { Button, Text, View } from '@tarojs/components';
import { SUBMISSION_FORMS, type Rubric, type SelectionSettings } from '@kc/domain';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { ChipGroup } from '../../../components/ChipGroup';
import { FormRow } from '../../../components/FormRow';
import { KeyValue } from '../../../components/KeyValue';
import { TextField } from '../../../components/TextField';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { scrollToId } from '../../../services/scroll';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { SubmissionContent, SubmissionMembers } from '../../selection/submission/SubmissionParts';
import {
  type Conflict,
  type ExpertPanel,
  type MySheet,
  type PanelSubmission,
  type SheetDraft,
  type SheetErrors,
  checkSheet,
  commentRule,
  draftFrom,
  liveTotal,
  reviewSettings,
  rubricOf,
  savedSheet,
  serverSheetErrors,
} from '../reviews';

const CONFLICT_OPTIONS = [
  { code: 'none', name: '本人与该申报无利益冲突' },
  { code: 'declared', name: '申报回避' },
] as const;

/** The form's id of an error key: `scores.innovation` → `score-innovation`. */
function fieldId(key: string): string {
  return key.startsWith('scores.') ? `score-${key.slice('scores.'.length)}` : `score-${key}`;
}

export interface ScoreViewProps {
  assignmentId: string;
  panel: ExpertPanel;
  submission: PanelSubmission;
  /** The thresholds of a required comment; by default the settings in force today. */
  settings?: SelectionSettings;
  onSaved: (sheet: MySheet) => void;
  /** The panel closed meanwhile (the API said PANEL_CLOSED): the page reloads, read-only. */
  onClosed: () => void;
}

/**
 * Scoring one submission: what it says (title, organisation, the programme's fields by their
 * labels, member units), then the expert's sheet — no conflict confirmed and a score per
 * criterion with a live total and a comment where the total asks for one, or a declared conflict
 * with its reason. Checked with the domain's `scoreSheetSchema` as the API checks it. Once the
 * panel has closed, the sheet is shown read-only.
 */
export function ScoreView(props: ScoreViewProps) {
  const { panel, submission: s } = props;
  const pageClass = usePageClass();
  const settings = useMemo(() => props.settings ?? reviewSettings(panel), [props.settings, panel]);
  const rubric = rubricOf(panel, settings);
  return (
    <View
      className={panel.closed ? pageClass : `${pageClass} page--footer`}
      id="score-page"
      data-mode={panel.closed ? 'readonly' : 'form'}
    >
      <View className="card review-head">
        <View className="review-head__call">
          {panel.callTitle} · {panel.panelName}
        </View>
        <View className="review-head__title" id="score-submission-title">
          {s.title}
        </View>
        <View className="muted" id="score-submission-org">
          申报单位：{s.organisationName}
        </View>
        <View className="muted" id="score-submission-number">
          申报编号 {s.number}
        </View>
      </View>
      <SubmissionContent
        id="score-submission-content"
        schema={SUBMISSION_FORMS[panel.programme]}
        form={s.form}
      />
      {s.team.length > 0 ? <SubmissionMembers id="score-submission-members" team={s.team} /> : null}
      {panel.closed ? (
        <ReadOnlySheet rubric={rubric} sheet={s.mySheet} />
      ) : (
        <SheetForm {...props} rubric={rubric} settings={settings} />
      )}
    </View>
  );
}

function SheetForm(props: ScoreViewProps & { rubric: Rubric; settings: SelectionSettings }) {
  const { rubric, settings, submission: s } = props;
  const [draft, setDraft] = useState<SheetDraft>(() => draftFrom(s.mySheet, rubric));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<SheetErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const check = checkSheet(draft, rubric, settings);
  const local: SheetErrors = check.ok ? {} : check.errors;
  const errorOf = (key: string): string | undefined =>
    server[key] ?? (attempted || touched.has(key) ? local[key] : undefined);
  const live = liveTotal(draft, rubric);
  const rule = commentRule(live, settings);
  const maxTotal = rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0);

  const change = (key: string, next: SheetDraft) => {
    setDraft(next);
    setFormError(null);
    setServer((prev) => {
      const rest = { ...prev };
      delete rest[key];
      delete rest._form;
      // A score changes the total, so the server's word on the comment may no longer hold.
      if (key.startsWith('scores.')) delete rest.comment;
      return rest;
    });
  };
  const blur = (key: string) => setTouched((prev) => new Set(prev).add(key));

  const save = async () => {
    if (busyRef.current) return;
    setAttempted(true);
    if (!check.ok) {
      void toast('请按提示修改标红的内容');
      const first = [
        'conflict',
        ...rubric.criteria.map((c) => `scores.${c.code}`),
        'comment',
        'reason',
      ].find((k) => local[k]);
      scrollToId(first ? fieldId(first) : 'score-sheet');
      return;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      await withSession(() =>
        api.selection.reviews.score.mutate({
          assignmentId: props.assignmentId,
          submissionId: s.id,
          sheet: check.sheet,
        }),
      );
      void toastDone(check.sheet.conflict === 'declared' ? '已申报回避' : '评分已保存');
      props.onSaved(savedSheet(check.sheet));
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      void toast(info.message);
      if (info.appCode === 'PANEL_CLOSED') {
        props.onClosed();
        return;
      }
      const errors = serverSheetErrors(error, rubric);
      const { _form: above, ...placed } = errors;
      setServer(placed);
      // A refusal about no one box (not accepted, changed meanwhile) is said above the button.
      setFormError(Object.keys(placed).length ? null : (above ?? info.message));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const setConflict = (value: Conflict) => change('conflict', { ...draft, conflict: value });

  return (
    <View>
      <View className="card" id="score-sheet">
        <View className="card__title">{s.mySheet ? '修改评分' : '评分'}</View>
        <FormRow
          id="score-conflict"
          label="利益冲突确认"
          required
          hint="与申报单位、合作成员单位或其人员存在任职、合作、亲属等利益关系的，应申报回避"
          error={errorOf('conflict')}
        >
          <ChipGroup
            id="score-conflict"
            chipIdPrefix="score-conflict"
            options={CONFLICT_OPTIONS}
            value={draft.conflict ? [draft.conflict] : []}
            onChange={(codes) => {
              const code = codes[0];
              if (code === 'none' || code === 'declared') setConflict(code);
            }}
          />
        </FormRow>

        {draft.conflict === 'declared' ? (
          <View id="score-declared">
            <View className="notice notice--warning" id="score-declared-notice">
              申报回避后，您不对本申报评分，本申报的结果不计您的意见。
            </View>
            <TextField
              id="score-reason"
              label="回避原因"
              required
              multiline
              maxlength={200}
              value={draft.reason}
              placeholder="如：本人在该申报单位兼职；与项目负责人为同一课题组"
              error={errorOf('reason')}
              onChange={(reason) => change('reason', { ...draft, reason })}
              onBlur={() => blur('reason')}
            />
          </View>
        ) : null}

        {draft.conflict === 'none' ? (
          <View id="score-criteria">
            {rubric.criteria.map((c) => {
              const key = `scores.${c.code}`;
              return (
                <TextField
                  key={c.code}
                  id={`score-${c.code}`}
                  label={`${c.name}（0–${c.maxPoints}分）`}
                  required
                  type="number"
                  maxlength={3}
                  value={draft.scores[c.code] ?? ''}
                  placeholder={`0–${c.maxPoints}`}
                  hint={c.guidance}
                  error={errorOf(key)}
                  onChange={(v) =>
                    change(key, { ...draft, scores: { ...draft.scores, [c.code]: v } })
                  }
                  onBlur={() => blur(key)}
                />
              );
            })}
            <View className="review-total" id="score-total" role="status" aria-live="polite">
              <View>
                总分
                {live.complete ? '' : `（已评 ${live.filled} / ${rubric.criteria.length} 项）`}
              </View>
              <View>
                <Text className="review-total__value" id="score-total-value">
                  {live.total}
                </Text>
                <Text className="muted"> / {maxTotal} 分</Text>
              </View>
            </View>
            <TextField
              id="score-comment"
              label="评审意见"
              required={rule.required}
              multiline
              maxlength={1000}
              value={draft.comment}
              placeholder="对申报的主要优点、不足和建议"
              hint={rule.hint}
              error={errorOf('comment')}
              onChange={(comment) => change('comment', { ...draft, comment })}
              onBlur={() => blur('comment')}
            />
          </View>
        ) : null}
      </View>

      {formError ? (
        <View className="notice notice--danger" id="score-form-error" role="alert">
          {formError}
        </View>
      ) : null}

      <View className="footer-bar">
        <Button
          id="score-save"
          className="btn btn--primary"
          loading={busy}
          disabled={busy || undefined}
          onClick={() => void save()}
        >
          {draft.conflict === 'declared' ? '提交回避申报' : s.mySheet ? '保存修改' : '提交评分'}
        </Button>
      </View>
    </View>
  );
}

/** The expert's own sheet once the panel has closed: nothing to change. */
function ReadOnlySheet({ rubric, sheet }: { rubric: Rubric; sheet: MySheet | null }) {
  return (
    <View>
      <View className="notice notice--warning" id="score-closed" role="status">
        评审组已结束评分，评分不能再修改。
      </View>
      <View className="card" id="score-readonly">
        <View className="card__title">本人评分</View>
        {!sheet ? (
          <View className="muted" id="score-none">
            您未对本申报评分。
          </View>
        ) : sheet.conflict ? (
          <View>
            <KeyValue label="利益冲突" id="score-conflict-value">
              已申报回避
            </KeyValue>
            <KeyValue label="回避原因" id="score-reason-value">
              <View className="review-sheet__text">{sheet.conflictReason ?? '—'}</View>
            </KeyValue>
          </View>
        ) : (
          <View>
            {rubric.criteria.map((c) => (
              <KeyValue
                key={c.code}
                label={`${c.name}（满分${c.maxPoints}）`}
                id={`score-${c.code}-value`}
              >
                {sheet.scores?.[c.code] ?? '—'} 分
              </KeyValue>
            ))}
            <KeyValue label="总分" id="score-total-value">
              {sheet.total ?? '—'} 分
            </KeyValue>
            <KeyValue label="评审意见" id="score-comment-value">
              <View className="review-sheet__text">{sheet.comment || '未填写'}</View>
            </KeyValue>
          </View>
        )}
      </View>
    </View>
  );
}
