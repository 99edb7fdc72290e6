import { View } from '@tarojs/components';
import type { SUBMISSION_FORMS } from '@kc/domain';
import { pressable } from '../../../components/a11y';
import { displayInputs, fieldMeta } from '@kc/domain';
import type { z } from 'zod';
import { KeyValue } from '../../../components/KeyValue';
import './parts.css';

/**
 * What a submission says, as its reader sees it: the applicant's own view (SubmissionView) and a
 * review expert's (packages/expert/score) show the same rows.
 */

export type FormSchema = (typeof SUBMISSION_FORMS)[keyof typeof SUBMISSION_FORMS];

/**
 * Money fields hold fen as bigint; a decimal string of fen (`"100000000"`) is read as the same
 * amount, so it shows in yuan too rather than as a bare number.
 */
function moneyAsFen(schema: FormSchema, form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...form };
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = out[key];
    if (
      fieldMeta(field as z.ZodType)?.unit === 'fen' &&
      typeof value === 'string' &&
      /^-?\d+$/.test(value)
    )
      out[key] = BigInt(value);
  }
  return out;
}

/** 申报内容: the programme's fields by their Chinese labels, choices by name, money in yuan. */
export function SubmissionContent(props: {
  id: string;
  schema: FormSchema;
  form: Record<string, unknown>;
}) {
  const rows = displayInputs(props.schema, moneyAsFen(props.schema, props.form));
  return (
    <View className="card" id={props.id}>
      <View className="card__title">申报内容</View>
      {rows.length === 0 ? <View className="muted">未填写</View> : null}
      {rows.map((row) => (
        <KeyValue key={row.label} label={row.label}>
          {row.value}
        </KeyValue>
      ))}
    </View>
  );
}

export interface MemberRow {
  unitName: string;
  personName?: string | null;
  part: string;
  /** Whether the unit confirmed its part; left out where the reader is not told. */
  confirmed?: boolean;
  /** The unit is on the platform and was asked online (else it confirms on paper). */
  onPlatform?: boolean;
  /** Why the unit declined its part; null while it has not. */
  declineReason?: string | null;
}

/** How member units confirm their parts, for the lead. */
export const MEMBER_ANSWERS_HINT =
  '平台上已认证的成员单位由其管理员在“合作申报确认”中确认或谢绝；未在平台注册的，须线下提供确认函。';

/** Where a member unit's answer stands, as the lead reads it; null where the reader is not told. */
export function memberAnswer(
  m: Pick<MemberRow, 'confirmed' | 'onPlatform' | 'declineReason'>,
): { state: 'confirmed' | 'declined' | 'offline' | 'pending'; text: string } | null {
  if (m.confirmed === undefined) return null;
  if (m.confirmed) return { state: 'confirmed', text: '已确认' };
  if (m.declineReason) return { state: 'declined', text: `已谢绝（原因：${m.declineReason}）` };
  if (m.onPlatform === false) return { state: 'offline', text: '未在平台注册，须线下提供确认函' };
  return { state: 'pending', text: '待确认' };
}

/**
 * 合作成员单位: each unit, its part and who leads it; for the lead, whether the unit confirmed
 * (its administrator answers in 合作申报确认), declined with its reason, has yet to answer, or is
 * not on the platform and confirms on paper.
 */
export function SubmissionMembers(props: {
  id: string;
  team: readonly MemberRow[];
  title?: string;
  hint?: string;
}) {
  return (
    <View className="card" id={props.id}>
      <View className="card__title">{props.title ?? '合作成员单位'}</View>
      {props.hint ? <View className="muted submission-members__hint">{props.hint}</View> : null}
      {props.team.length === 0 ? <View className="muted">未填写</View> : null}
      {props.team.map((m, i) => {
        const answer = memberAnswer(m);
        return (
          <View key={`${m.unitName}-${i}`} className="submission-member" id={`${props.id}-${i}`}>
            <View className="submission-member__name">{m.unitName}</View>
            <View className="muted">
              承担任务：{m.part}
              {m.personName ? ` · 负责人：${m.personName}` : ''}
            </View>
            {answer ? (
              <View
                className={`submission-member__answer submission-member__answer--${answer.state}`}
                id={`${props.id}-${i}-answer`}
                data-state={answer.state}
              >
                {answer.text}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/**
 * 揭榜需求: the published technology need a key-project submission answers (揭榜挂帅), by its
 * number and title; on the form, a way to take it off, or how to name one, and the API's
 * refusal under it.
 */
export function SubmissionNeed(props: {
  id: string;
  need: { number: string; title: string } | null;
  /** On the form: takes the need off the submission (saved with the next save). */
  onRemove?: () => void;
  error?: string | undefined;
}) {
  const { id, need } = props;
  return (
    <View className="card" id={id}>
      <View className="card__title">揭榜需求</View>
      {need ? (
        <View className="submission-need">
          <View className="submission-need__main">
            <View className="submission-need__title" id={`${id}-title`}>
              {need.title}
            </View>
            <View className="muted" id={`${id}-number`}>
              需求编号 {need.number}
            </View>
          </View>
          {props.onRemove ? (
            <View
              {...pressable()}
              className="link link--danger submission-need__remove"
              id={`${id}-remove`}
              onClick={props.onRemove}
            >
              移除
            </View>
          ) : null}
        </View>
      ) : (
        <View className="muted" id={`${id}-none`}>
          未对应需求榜的攻关需求。如本项目针对需求榜上发布的技术攻关需求申报，请在需求榜打开该需求，点“申报揭榜挂帅项目”。
        </View>
      )}
      {props.error ? (
        <View className="form-row__error" id={`${id}-error`} role="alert">
          {props.error}
        </View>
      ) : null}
    </View>
  );
}
