import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import type { Fen } from '../money';
import { FEN_PER_YUAN, formatYuan, parseYuan } from '../money';
import { awardApplicantSchema } from './application';
import { decodeMoney } from './fields';
import { findPolicySet, POLICY_SETS, policySetFor } from './registry';
import { describeSetting, POLICY_SETTING_INFO } from './settings';
import type { PolicySettingName } from './settings';
import type { AwardApplication, AwardHistory, Evaluation, PolicySet } from './types';

/**
 * Text and JSON for people and files: the CLI's core, kept pure so it is tested without spawning.
 *
 * Money in JSON files is a STRING OF YUAN (`"4999990.00"`, `"4,999,990"`), the way amounts are
 * written on contracts and vouchers; it is parsed exactly into fen. JSON numbers are refused for
 * money, so a fen/yuan mix-up cannot pass silently.
 */

/** `499999.00`: yuan with two decimals, no symbol or separators, for JSON. */
export function yuanString(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  return `${negative ? '-' : ''}${abs / FEN_PER_YUAN}.${(abs % FEN_PER_YUAN).toString().padStart(2, '0')}`;
}

const yuanText = plainString({ error: '金额应写成以元为单位的字符串，如 "500000.00"' }).transform(
  (text, ctx): Fen => {
    const value = parseYuan(text);
    if (value === null) {
      ctx.addIssue({
        code: 'custom',
        message: `无法识别的金额“${text}”（以元为单位，最多两位小数）`,
      });
      return z.NEVER;
    }
    return value;
  },
);

const requestFileSchema = z.object(
  {
    ruleId: plainString({ error: '请提供 ruleId（奖补事项）' }),
    appliedOn: z.iso.date({ error: '请提供 appliedOn（申请日期，YYYY-MM-DD）' }),
    applicationId: plainString().optional(),
    applicant: awardApplicantSchema,
    input: z.unknown(),
    evidence: z.array(plainString(), { error: 'evidence 应为材料类型列表' }).default([]),
    history: z
      .object({
        priorAwards: z
          .array(
            z.object({
              ruleId: plainString(),
              applicationId: plainString(),
              onceKeys: z.array(plainString()).default([]),
              itemKey: plainString().optional(),
              amount: yuanText,
              year: z.number().int(),
            }),
          )
          .default([]),
        approvedThisYear: z.number().int().min(0).default(0),
        budgetRemaining: yuanText.optional(),
      })
      .optional(),
  },
  { error: '文件内容应为一个 JSON 对象' },
);

export interface EvaluationRequest {
  readonly policySet: PolicySet;
  readonly ruleId: string;
  readonly application: AwardApplication;
  readonly history: AwardHistory;
}

export type ParsedRequest =
  | { readonly ok: true; readonly request: EvaluationRequest }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Reads `{ ruleId, appliedOn, applicant, input, evidence, history? }` (money as yuan strings).
 * The version is the one in force on `appliedOn`, unless `version` names one.
 */
export function parseEvaluationRequest(
  json: unknown,
  opts: { version?: string; registry?: readonly PolicySet[] } = {},
): ParsedRequest {
  const registry = opts.registry ?? POLICY_SETS;
  const parsed = requestFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `${i.path.map(String).join('.') || '文件'}：${i.message}`,
      ),
    };
  }
  const file = parsed.data;
  const policySet = opts.version
    ? findPolicySet(opts.version, registry)
    : policySetFor(file.appliedOn, registry);
  if (!policySet) {
    return {
      ok: false,
      errors: [
        opts.version
          ? `没有政策版本“${opts.version}”`
          : `申请日期 ${file.appliedOn} 没有施行中的政策版本`,
      ],
    };
  }
  const rule = policySet.rules.find((r) => r.id === file.ruleId);
  if (!rule) {
    return {
      ok: false,
      errors: [`政策版本 ${policySet.id} 中没有奖补事项“${file.ruleId}”（可用 list 查看）`],
    };
  }
  const problems: string[] = [];
  const input = decodeMoney(rule.inputSchema, file.input, parseYuan, problems);
  if (problems.length > 0) return { ok: false, errors: problems };
  return {
    ok: true,
    request: {
      policySet,
      ruleId: file.ruleId,
      application: {
        ...(file.applicationId !== undefined ? { id: file.applicationId } : {}),
        appliedOn: file.appliedOn,
        applicant: file.applicant,
        input,
        evidence: file.evidence,
      },
      history: file.history ?? { priorAwards: [], approvedThisYear: 0 },
    },
  };
}

/** `pnpm policy list`: the rules of a version, then its settings. */
export function formatRuleList(set: PolicySet): string {
  const lines = [
    `政策版本：${set.id}（版本 ${set.version}）`,
    `${set.title}`,
    `发布机关：${set.source.issuer}；状态：${set.source.status}；施行：${set.effectiveFrom} 至 ${set.effectiveTo ?? '今'}`,
    '',
    '奖补事项：',
  ];
  for (const rule of set.rules) {
    lines.push(`  ${rule.id}  【${rule.clause}】${rule.name}`);
    lines.push(`      支持标准：${rule.guide.amountText}`);
    lines.push(
      `      数量限制：${rule.yearlyQuota === undefined ? '无' : `每年不超过 ${rule.yearlyQuota} 项`}`,
    );
    lines.push(`      申请时限：${rule.guide.timeLimit}`);
  }
  lines.push('', '版本设置（方案未规定的事项）：');
  for (const name of Object.keys(POLICY_SETTING_INFO) as PolicySettingName[]) {
    const s = describeSetting(name, set.settings);
    lines.push(`  ${s.name}  ${s.label}：${s.value}（${s.note}）`);
  }
  for (const note of set.notes ?? []) lines.push(`  注：${note}`);
  return lines.join('\n');
}

/** `pnpm policy evaluate`: the decision and the explanation, in Chinese, money as ¥ with 2 decimals. */
export function formatEvaluation(evaluation: Evaluation): string {
  const x = evaluation.explanation;
  const lines = [
    `决定：${evaluation.eligible ? '符合条件' : '不符合条件'}`,
    `核定金额：${formatYuan(evaluation.amount)}`,
  ];
  if (!evaluation.eligible && evaluation.computedAmount > 0n) {
    lines.push(`测算金额：${formatYuan(evaluation.computedAmount)}（消除下列原因后可核定）`);
  }
  lines.push(
    `政策：${x.policyTitle}（${x.policySetId}，版本 ${x.version}）`,
    `条款：${x.clause} ${x.ruleName}`,
    '',
    '申请信息：',
    ...x.inputs.map((i) => `  ${i.label}：${i.value}`),
    '',
    `计算：${x.formula}`,
  );
  if (x.steps.length > 0) lines.push('过程：', ...x.steps.map((s) => `  - ${s}`));
  if (x.capsApplied.length > 0) lines.push('上限与扣减：', ...x.capsApplied.map((s) => `  - ${s}`));
  if (x.quota) lines.push(`数量限制：${x.quota}`);
  if (evaluation.refusals.length > 0) {
    lines.push(
      '不予支持的原因：',
      ...evaluation.refusals.map((r) => `  - [${r.code}] ${r.message}`),
    );
  }
  if (evaluation.missingEvidence.length > 0) {
    lines.push(
      '需补充的材料：',
      ...evaluation.missingEvidence.map((e) => `  - ${e.name}（${e.kind}）`),
    );
  }
  if (x.settings.length > 0) {
    lines.push(
      '适用的版本设置：',
      ...x.settings.map((s) => `  - ${s.label}：${s.value}（${s.note}）`),
    );
  }
  if (evaluation.onceKeys.length > 0 || evaluation.itemKey) {
    lines.push('查重键：');
    if (evaluation.itemKey) lines.push(`  事项：${evaluation.itemKey}`);
    lines.push(...evaluation.onceKeys.map((k) => `  唯一：${k}`));
  }
  lines.push('', `结论：${x.summary}`);
  return lines.join('\n');
}

/** The evaluation as JSON text, money as yuan strings (`"499999.00"`), like the input files. */
export function evaluationToJson(evaluation: Evaluation): string {
  return JSON.stringify(
    evaluation,
    (_key, value: unknown) => (typeof value === 'bigint' ? yuanString(value) : value),
    2,
  );
}
