import type { Fen } from '../money';
import { fen, formatYuan } from '../money';
import { organisationTypeName } from '../reference/organisation-types';
import type { PlatformLevel } from '../reference/platform-levels';
import { platformLevelName } from '../reference/platform-levels';
import { compiledRule } from './compiled';
import { dayNumber, isoDay } from './dates';
import type { Building, Steps } from './explanation';
import { explanationOf } from './explanation';
import { datesAfter } from './fields';
import { applyFormula } from './formula';
import { keyPart } from './keys';
import type {
  AwardApplicant,
  AwardApplication,
  AwardHistory,
  Decision,
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
): readonly PriorAward[] {
  const priors = history.priorAwards;
  if (applicationId === undefined) return priors;
  // Almost never is one of them this application's own: the list as given, not a copy per call
  // (the 政策沙盘 evaluates 200,000 times on histories).
  for (const p of priors) {
    if (p.applicationId === applicationId) {
      return priors.filter((q) => q.applicationId !== applicationId);
    }
  }
  return priors;
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
  return run(policySet, ruleId, application, history, true) as Evaluation;
}

/**
 * `evaluate` without the explanation's text: the same decision, amount, refusals and keys, for a
 * caller that reads no explanation (e.g. a first pass that only finds the quota year and keys).
 */
export function decide(
  policySet: PolicySet,
  ruleId: string,
  application: AwardApplication,
  history: AwardHistory = EMPTY_HISTORY,
): Decision {
  return run(policySet, ruleId, application, history, false);
}

function run(
  policySet: PolicySet,
  ruleId: string,
  application: AwardApplication,
  history: AwardHistory,
  explain: boolean,
): Decision | Evaluation {
  const compiled = compiledRule(policySet, ruleId);
  const rule = compiled?.rule;
  if (!rule) {
    const message = `政策版本 ${policySet.id} 中没有奖补事项“${ruleId}”`;
    const decision: Decision = {
      ruleId,
      policySetId: policySet.id,
      version: policySet.version,
      eligible: false,
      amount: fen(0),
      computedAmount: fen(0),
      refusals: [{ code: 'UNKNOWN_RULE', message }],
      missingEvidence: [],
      onceKeys: [],
    };
    if (!explain) return decision;
    return {
      ...decision,
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
  // The explanation's lines are kept as data while the checks run and written out once, at the
  // end (`explanationOf`), in the order an officer reads them.
  const steps: Steps = { events: [], formula: [], evidence: undefined };
  const capsApplied: string[] = [];
  // Kept apart from the steps: officers read it, applicants are not told the budget.
  let budgetText: string | undefined;

  // 1. The version must govern the application date.
  const appliedDay = isoDay(appliedOn);
  if (appliedDay === undefined) {
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
  const futureDates =
    appliedDay !== undefined ? datesAfter(rule.inputSchema, application.input, appliedOn) : [];
  for (const d of futureDates) {
    refusals.push({
      code: 'EVENT_AFTER_APPLICATION',
      message: `${d.title}（${d.date}）晚于申请日期（${appliedOn}），请核对`,
      field: d.field,
    });
  }
  const toldFuture = new Set(futureDates.map((d) => d.date));

  // 4b. The input, through the rule's own schema.
  const parsed = (compiled?.inputSchema ?? rule.inputSchema).safeParse(application.input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      refusals.push({
        code: 'INVALID_INPUT',
        message: issue.message,
        ...(issue.path.length > 0 ? { field: issue.path.map(String).join('.') } : {}),
      });
    }
    if (missingEvidence.length > 0) refusals.push(missingEvidenceRefusal(missingEvidence));
    return finish(undefined, fen(0), '申请信息有误，无法计算金额', undefined, [], undefined);
  }
  const input = parsed.data as Readonly<Record<string, unknown>>;

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

  // 5. Dates: not before the policy covers, not after the application, not past the window.
  if (appliedDay !== undefined) {
    for (const event of rule.eventDates(input)) {
      const days = appliedDay - dayNumber(event.date);
      steps.events.push({ label: event.label, date: event.date, days });
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
  steps.formula = result.steps;
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
      steps.upgradedInFull = { familyLabel: ladder.familyLabel, paid: paidOnItem, level };
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
  steps.evidence = providedNames;
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
    input,
    amount,
    result.text,
    itemKey,
    onceKeys.map((k) => k.key),
    quotaYear,
    quota,
  );

  function finish(
    parsedInput: Readonly<Record<string, unknown>> | undefined,
    computedAmount: Fen,
    formula: string,
    item: string | undefined,
    keys: string[],
    year: number | undefined,
    quotaText?: string,
  ): Decision | Evaluation {
    // `rule` is defined here: `finish` is only reached after the unknown-rule return.
    const r = rule as Rule;
    const eligible = refusals.length === 0;
    const amountNow = eligible ? computedAmount : fen(0);
    const evaluation: Building<Evaluation, 'explanation'> = {
      ruleId,
      policySetId: policySet.id,
      version: policySet.version,
      eligible,
      amount: amountNow,
      computedAmount,
      refusals,
      missingEvidence,
      onceKeys: keys,
    };
    // Optional keys only when set, in the order they always had.
    if (item !== undefined) evaluation.itemKey = item;
    if (year !== undefined) evaluation.quotaYear = year;
    if (!explain) return evaluation as Decision;
    evaluation.explanation = explanationOf({
      policySet,
      rule: r,
      application,
      input: parsedInput,
      eligible,
      amount: amountNow,
      refusals,
      formula,
      steps,
      capsApplied,
      quota: quotaText,
      budget: budgetText,
      settings: compiled?.settings ?? [],
    });
    return evaluation as Evaluation;
  }
}

function missingEvidenceRefusal(missing: readonly EvidenceRequirement[]): Refusal {
  return {
    code: 'MISSING_EVIDENCE',
    message: `缺少必需材料：${missing.map((e) => e.name).join('、')}`,
  };
}
