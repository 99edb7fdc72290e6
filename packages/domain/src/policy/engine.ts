import type { Fen } from '../money';
import { fen, formatYuan } from '../money';
import { areaName } from '../reference/areas';
import { organisationTypeName } from '../reference/organisation-types';
import type { PlatformLevel } from '../reference/platform-levels';
import { platformLevelName } from '../reference/platform-levels';
import { daysBetween, isIsoDate } from './dates';
import { datesAfter, displayInputs } from './fields';
import { applyFormula } from './formula';
import { keyPart } from './keys';
import type { PolicySettingName } from './settings';
import { describeSetting } from './settings';
import type {
  AwardApplicant,
  AwardApplication,
  AwardHistory,
  EvidenceRequirement,
  Evaluation,
  OnceKey,
  PolicySet,
  PriorAward,
  Refusal,
  Rule,
} from './types';

export const EMPTY_HISTORY: AwardHistory = { priorAwards: [], approvedThisYear: 0 };

const LEVEL_RANK: Record<PlatformLevel, number> = { city: 1, provincial: 2, national: 3 };

function isLevel(value: string): value is PlatformLevel {
  return value in LEVEL_RANK;
}

/** Item key of a recognised thing: `<family>:<applicant>:<name>`; its once key adds `:<level>`. */
export function recognitionItemKey(family: string, applicantId: string, subject: string): string {
  return `${family}:${keyPart(applicantId)}:${keyPart(subject)}`;
}

/** Item key of a percentage-capped rule: `<rule>:<applicant>:<item field value>`. */
export function cappedItemKey(ruleId: string, applicantId: string, item: string): string {
  return `${ruleId}:${keyPart(applicantId)}:${keyPart(item)}`;
}

/** Whether this kind of applicant may apply at all (before the rule's own conditions). */
export function applicantRefusals(
  rule: Rule,
  applicant: AwardApplicant,
  set: PolicySet,
): Refusal[] {
  const who = rule.applicants;
  if (applicant.kind === 'researcher') {
    if (!who.researchers) {
      return [
        {
          code: 'APPLICANT_KIND_NOT_ALLOWED',
          message: `本事项由单位申请（${who.organisationTypes.map(organisationTypeName).join('、')}），个人不能申请`,
        },
      ];
    }
    return [];
  }
  const out: Refusal[] = [];
  if (!who.organisationTypes.includes(applicant.type)) {
    out.push({
      code: 'ORGANISATION_TYPE_NOT_ALLOWED',
      message: `本事项的申请单位应为${who.organisationTypes.map(organisationTypeName).join('、')}，当前为${organisationTypeName(applicant.type)}`,
    });
  }
  if (who.organisationInsideCity && !applicant.insideCity) {
    out.push({
      code: 'APPLICANT_OUTSIDE_CITY',
      message: `申请单位须在宿州市内注册（${set.title}支持市内单位）`,
    });
  }
  return out;
}

function priorsExcludingSelf(
  history: AwardHistory,
  applicationId: string | undefined,
): PriorAward[] {
  return history.priorAwards.filter(
    (p) => applicationId === undefined || p.applicationId !== applicationId,
  );
}

function sumFen(amounts: readonly Fen[]): Fen {
  return amounts.reduce<Fen>((a, b) => (a + b) as Fen, fen(0));
}

/**
 * Evaluates one application under one rule of a policy set. Pure: the same arguments always give
 * the same result; the caller supplies dates, history and budget.
 *
 * The API must run it again inside the transaction that approves, with `history` read under the
 * programme's lock — the quota and once-only checks here are only as fresh as the history given.
 */
export function evaluate(
  policySet: PolicySet,
  ruleId: string,
  application: AwardApplication,
  history: AwardHistory = EMPTY_HISTORY,
): Evaluation {
  const rule = policySet.rules.find((r) => r.id === ruleId);
  const base = {
    ruleId,
    policySetId: policySet.id,
    version: policySet.version,
  };
  if (!rule) {
    const message = `政策版本 ${policySet.id} 中没有奖补事项“${ruleId}”`;
    return {
      ...base,
      eligible: false,
      amount: fen(0),
      computedAmount: fen(0),
      refusals: [{ code: 'UNKNOWN_RULE', message }],
      missingEvidence: [],
      onceKeys: [],
      explanation: {
        policySetId: policySet.id,
        version: policySet.version,
        policyTitle: policySet.title,
        clause: '—',
        ruleName: ruleId,
        summary: `不予受理：${message}`,
        inputs: [],
        formula: '—',
        steps: [],
        capsApplied: [],
        settings: [],
      },
    };
  }

  const settings = policySet.settings;
  const { applicant, appliedOn } = application;
  const refusals: Refusal[] = [];
  const steps: string[] = [];
  const capsApplied: string[] = [];
  // Kept apart from the steps: officers read it, applicants are not told the budget.
  let budgetText: string | undefined;
  const settingsUsed: PolicySettingName[] = ['applicationWindowDays', 'coveredEventsFrom'];
  if (rule.recognition) settingsUsed.push('upgradeAward');
  if (rule.applicants.researchers) settingsUsed.push('contestTeamsMayApply');

  const inputs: { label: string; value: string }[] = [
    {
      label: '申请主体',
      value:
        applicant.kind === 'organisation'
          ? `${applicant.name}（${organisationTypeName(applicant.type)}，${applicant.insideCity ? areaName(applicant.areaCode) : '宿州市外'}）`
          : `${applicant.name}（团队负责人）`,
    },
    { label: '申请日期', value: appliedOn },
  ];

  // 1. The version must govern the application date.
  if (!isIsoDate(appliedOn)) {
    refusals.push({
      code: 'INVALID_INPUT',
      message: '申请日期无效（格式：YYYY-MM-DD）',
      field: 'appliedOn',
    });
  } else if (
    appliedOn < policySet.effectiveFrom ||
    (policySet.effectiveTo !== undefined && appliedOn > policySet.effectiveTo)
  ) {
    refusals.push({
      code: 'POLICY_NOT_IN_FORCE',
      message: `申请日期 ${appliedOn} 不在政策版本 ${policySet.id} 的施行期（${policySet.effectiveFrom} 至 ${policySet.effectiveTo ?? '今'}）内`,
    });
  }

  // 2. Who may apply.
  refusals.push(...applicantRefusals(rule, applicant, policySet));

  // 3. Evidence (does not depend on the input, so it is listed even when the input is invalid).
  const provided = new Set(application.evidence);
  const missingEvidence: EvidenceRequirement[] = rule.guide.evidence.filter(
    (e) => e.required && !provided.has(e.kind),
  );
  const providedNames = rule.guide.evidence.filter((e) => provided.has(e.kind)).map((e) => e.name);

  // 4. A date after the application is a mistake in its field (a contract dated 2099), told even
  // while other fields are still wrong, so the form shows it where it was typed.
  const futureDates = isIsoDate(appliedOn)
    ? datesAfter(rule.inputSchema, application.input, appliedOn)
    : [];
  for (const d of futureDates) {
    refusals.push({
      code: 'EVENT_AFTER_APPLICATION',
      message: `${d.title}（${d.date}）晚于申请日期（${appliedOn}），请核对`,
      field: d.field,
    });
  }
  const toldFuture = new Set(futureDates.map((d) => d.date));

  // 4b. The input, through the rule's own schema.
  const parsed = rule.inputSchema.safeParse(application.input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      refusals.push({
        code: 'INVALID_INPUT',
        message: issue.message,
        ...(issue.path.length > 0 ? { field: issue.path.map(String).join('.') } : {}),
      });
    }
    if (missingEvidence.length > 0) refusals.push(missingEvidenceRefusal(missingEvidence));
    return finish(fen(0), '申请信息有误，无法计算金额', undefined, [], undefined);
  }
  const input = parsed.data as Readonly<Record<string, unknown>>;
  inputs.push(...displayInputs(rule.inputSchema, input));

  const ctx = { applicant, settings, appliedOn };
  refusals.push(...(rule.eligibility?.(input, ctx) ?? []));
  if (
    applicant.kind === 'researcher' &&
    rule.applicants.researchers &&
    !settings.contestTeamsMayApply
  ) {
    refusals.push({
      code: 'TEAMS_MAY_NOT_APPLY',
      message: '按本版本设置，获奖团队须以在宿注册的企业申请',
    });
  }

  steps.push(...(rule.explain?.(input) ?? []));

  // 5. Dates: not before the policy covers, not after the application, not past the window.
  if (isIsoDate(appliedOn)) {
    for (const event of rule.eventDates(input)) {
      const days = daysBetween(event.date, appliedOn);
      steps.push(
        days >= 0
          ? `${event.label} ${event.date}，距申请日期 ${days} 天（期限 ${settings.applicationWindowDays} 天）`
          : `${event.label} ${event.date}，晚于申请日期`,
      );
      if (event.date < settings.coveredEventsFrom) {
        refusals.push({
          code: 'EVENT_BEFORE_COVERAGE',
          message: `${event.label}（${event.date}）早于本政策覆盖起始日 ${settings.coveredEventsFrom}`,
        });
      } else if (days < 0) {
        if (toldFuture.has(event.date)) continue;
        refusals.push({
          code: 'EVENT_AFTER_APPLICATION',
          message: `${event.label}（${event.date}）晚于申请日期（${appliedOn}）`,
        });
      } else if (days > settings.applicationWindowDays) {
        refusals.push({
          code: 'APPLICATION_WINDOW_PASSED',
          message: `${event.label}（${event.date}）距申请日期已 ${days} 天，超过 ${settings.applicationWindowDays} 天的申请期限`,
        });
      }
    }
  }

  // 6. Once only, and the item (recognised thing, or contract) the award counts on.
  const priors = priorsExcludingSelf(history, application.id);
  const onceKeys: OnceKey[] = [...(rule.onceOnly?.(input, applicant) ?? [])];
  let itemKey: string | undefined;
  let itemKeys: string[] = [];
  const ladder = rule.recognition;
  let level: PlatformLevel | undefined;
  if (ladder) {
    level = ladder.level(input);
    itemKey = recognitionItemKey(ladder.family, applicant.id, ladder.subject(input));
    const former = ladder.formerSubject?.(input);
    itemKeys = [itemKey];
    if (former) itemKeys.push(recognitionItemKey(ladder.family, applicant.id, former));
    onceKeys.push({
      key: `${itemKey}:${level}`,
      label: `该${ladder.familyLabel}${platformLevelName(level)}认定奖励`,
    });
  } else if (rule.formula.kind === 'percentage-capped') {
    itemKey = cappedItemKey(rule.id, applicant.id, String(input[rule.formula.itemKey]));
    itemKeys = [itemKey];
  }

  const refusedBy = new Set<string>();
  for (const once of onceKeys) {
    const prior = priors.find((p) => p.onceKeys.includes(once.key));
    if (prior && !refusedBy.has(prior.applicationId)) {
      refusedBy.add(prior.applicationId);
      refusals.push({
        code: 'ALREADY_AWARDED',
        message: `${once.label}已发放（申请 ${prior.applicationId}，${formatYuan(prior.amount)}），不能重复申领`,
      });
    }
  }

  const priorsOnItem = priors.filter(
    (p) => p.itemKey !== undefined && itemKeys.includes(p.itemKey),
  );
  const paidOnItem = sumFen(priorsOnItem.map((p) => p.amount));

  // A recognition ladder: a higher (or the same) level already paid on this item stops a lower one.
  if (ladder && level) {
    for (const prior of priorsOnItem) {
      const priorLevel = prior.onceKeys
        .filter((k) => prior.itemKey !== undefined && k.startsWith(`${prior.itemKey}:`))
        .map((k) => k.slice((prior.itemKey ?? '').length + 1))
        .find(isLevel);
      if (!priorLevel || refusedBy.has(prior.applicationId)) continue;
      if (LEVEL_RANK[priorLevel] >= LEVEL_RANK[level]) {
        refusedBy.add(prior.applicationId);
        refusals.push({
          code:
            LEVEL_RANK[priorLevel] > LEVEL_RANK[level]
              ? 'HIGHER_LEVEL_ALREADY_AWARDED'
              : 'ALREADY_AWARDED',
          message: `该${ladder.familyLabel}已获${platformLevelName(priorLevel)}认定奖励（申请 ${prior.applicationId}，${formatYuan(prior.amount)}），不再给予${platformLevelName(level)}奖励`,
        });
      }
    }
  }

  // 7. The amount.
  const result = applyFormula(rule.formula, input, paidOnItem);
  steps.push(...result.steps);
  capsApplied.push(...result.capsApplied);
  let amount = result.amount;
  let zeroReason: Refusal | undefined;
  if (result.capExhausted && rule.formula.kind === 'percentage-capped') {
    zeroReason = {
      code: 'ITEM_CAP_REACHED',
      message: `该${rule.formula.itemNoun}已累计获得补助 ${formatYuan(paidOnItem)}，达到${rule.formula.itemNoun}补助上限 ${formatYuan(rule.formula.capPerItem)}，本次不再补助`,
    };
  }
  if (ladder && level && priorsOnItem.length > 0 && refusedBy.size === 0) {
    if (settings.upgradeAward === 'difference') {
      const after = paidOnItem >= amount ? fen(0) : ((amount - paidOnItem) as Fen);
      capsApplied.push(
        `就高补差：${platformLevelName(level)}奖励 ${formatYuan(amount)} − 该${ladder.familyLabel}已获较低级别奖励 ${formatYuan(paidOnItem)} = ${formatYuan(after)}`,
      );
      amount = after;
      if (after === 0n) {
        zeroReason = {
          code: 'NOTHING_TO_PAY',
          message: `该${ladder.familyLabel}已获较低级别奖励 ${formatYuan(paidOnItem)}，按就高补差无差额可补`,
        };
      }
    } else {
      steps.push(
        `该${ladder.familyLabel}此前已获较低级别奖励 ${formatYuan(paidOnItem)}；按设置全额给予${platformLevelName(level)}奖励`,
      );
    }
  }

  // 8. Quota.
  let quota: string | undefined;
  let quotaYear: number | undefined;
  if (rule.yearlyQuota !== undefined) {
    quotaYear = rule.quotaYear?.(input) ?? Number(appliedOn.slice(0, 4));
    quota = `本年度已评选 ${history.approvedThisYear} 项，上限 ${rule.yearlyQuota} 项（评选年度：${quotaYear} 年）`;
    if (history.approvedThisYear >= rule.yearlyQuota) {
      refusals.push({
        code: 'YEARLY_QUOTA_REACHED',
        message: `${quotaYear} 年度已评选 ${history.approvedThisYear} 项，已达每年不超过 ${rule.yearlyQuota} 项的上限`,
      });
    }
  }

  // 9. Evidence.
  steps.push(`已提交材料：${providedNames.length > 0 ? providedNames.join('、') : '无'}`);
  if (missingEvidence.length > 0) refusals.push(missingEvidenceRefusal(missingEvidence));

  // 10. Nothing to pay, budget.
  if (zeroReason && refusedBy.size === 0) refusals.push(zeroReason);
  // A zero with no reason given yet (e.g. 10% of ¥0.09) still must not be "approved".
  if (amount === 0n && refusals.length === 0) {
    refusals.push({
      code: 'NOTHING_TO_PAY',
      message: `按${rule.clause}计算的金额为 ¥0.00，无可补助金额`,
    });
  }
  if (history.budgetRemaining !== undefined && amount > 0n) {
    budgetText = `本项目年度预算余额 ${formatYuan(history.budgetRemaining)}，本次核定 ${formatYuan(amount)}`;
    if (amount > history.budgetRemaining) {
      refusals.push({
        code: 'BUDGET_INSUFFICIENT',
        message: `本项目年度预算余额 ${formatYuan(history.budgetRemaining)} 不足以支付本次 ${formatYuan(amount)}（奖补不拆分发放）`,
      });
    }
  }

  return finish(
    amount,
    result.text,
    itemKey,
    onceKeys.map((k) => k.key),
    quotaYear,
    quota,
  );

  function finish(
    computedAmount: Fen,
    formula: string,
    item: string | undefined,
    keys: string[],
    year: number | undefined,
    quotaText?: string,
  ): Evaluation {
    // `rule` is defined here: `finish` is only reached after the unknown-rule return.
    const r = rule as Rule;
    const eligible = refusals.length === 0;
    const amountNow = eligible ? computedAmount : fen(0);
    const summary = eligible
      ? `符合条件，核定${r.name} ${formatYuan(amountNow)}`
      : `不符合条件：${refusals.map((x) => x.message).join('；')}`;
    return {
      ...base,
      eligible,
      amount: amountNow,
      computedAmount,
      refusals,
      missingEvidence,
      onceKeys: keys,
      ...(item !== undefined ? { itemKey: item } : {}),
      ...(year !== undefined ? { quotaYear: year } : {}),
      explanation: {
        policySetId: policySet.id,
        version: policySet.version,
        policyTitle: policySet.title,
        clause: r.clause,
        ruleName: r.name,
        summary,
        inputs,
        formula,
        steps,
        capsApplied,
        ...(quotaText !== undefined ? { quota: quotaText } : {}),
        ...(budgetText !== undefined ? { budget: budgetText } : {}),
        settings: settingsUsed.map((name) => describeSetting(name, settings)),
      },
    };
  }
}

function missingEvidenceRefusal(missing: readonly EvidenceRequirement[]): Refusal {
  return {
    code: 'MISSING_EVIDENCE',
    message: `缺少必需材料：${missing.map((e) => e.name).join('、')}`,
  };
}
