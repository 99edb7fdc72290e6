import type { Fen } from '../money';
import { fen, formatYuan } from '../money';
import { organisationTypeName } from '../reference/organisation-types';
import type { PlatformLevel } from '../reference/platform-levels';
import { platformLevelName } from '../reference/platform-levels';
import type { CompiledRule } from './compiled';
import { compiledRule } from './compiled';
import { missingEvidenceOf, providedEvidenceNames } from './evidence';
import { dayNumber, isoDay } from './dates';
import type { Building, Steps } from './explanation';
import { explanationOf } from './explanation';
import { datesAfter } from './fields';
import type { FormulaAmount } from './formula';
import { applyFormula, formulaAmount } from './formula';
import type { AwardKeys, DateAfter, InputCheck, LastInputCheck } from './input-checks';
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
  const out: Refusal[] = [];
  pushApplicantRefusals(out, rule, applicant, set);
  return out;
}

/** `applicantRefusals`, added to `out`: the engine's list, not a new one per application. */
function pushApplicantRefusals(
  out: Refusal[],
  rule: Rule,
  applicant: AwardApplicant,
  set: PolicySet,
): void {
  const who = rule.applicants;
  if (applicant.kind === 'researcher') {
    if (!who.researchers) {
      out.push({
        code: 'APPLICANT_KIND_NOT_ALLOWED',
        message: `本事项由单位申请（${who.organisationTypes.map(organisationTypeName).join('、')}），个人不能申请`,
      });
    }
    return;
  }
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

/** What `priors` paid on the item (and its former name): caps and upgrades count these. */
function priorsOnItem(
  priors: readonly PriorAward[],
  itemKey: string | undefined,
  formerItemKey: string | undefined,
): readonly PriorAward[] {
  if (itemKey === undefined || priors.length === 0) return NO_PRIORS;
  let found: PriorAward[] | undefined;
  for (const p of priors) {
    if (p.itemKey !== undefined && (p.itemKey === itemKey || p.itemKey === formerItemKey)) {
      (found ??= []).push(p);
    }
  }
  return found ?? NO_PRIORS;
}

const NO_PRIORS: readonly PriorAward[] = [];
const NO_ONCE_KEYS: readonly OnceKey[] = [];

function sumFen(awards: readonly PriorAward[]): Fen {
  let sum = fen(0);
  for (const a of awards) sum = (sum + a.amount) as Fen;
  return sum;
}

/** The first prior award holding `key`, as the once-only check names it. */
function firstHolding(priors: readonly PriorAward[], key: string): PriorAward | undefined {
  for (const p of priors) if (p.onceKeys.includes(key)) return p;
  return undefined;
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

/**
 * `decide`, reusing `last` input check when it was made of the same schema, input and date, and
 * keeping its own there otherwise: for a caller deciding the same application again, under another
 * version or on another history. The decision is the one `decide` makes.
 */
export function decideReusingCheck(
  policySet: PolicySet,
  ruleId: string,
  application: AwardApplication,
  history: AwardHistory,
  last: LastInputCheck,
): Decision {
  return run(policySet, ruleId, application, history, false, last);
}

/** The application's input check: `last`, or made (and kept there if given). */
function inputCheck(
  compiled: CompiledRule,
  application: AwardApplication,
  appliedDay: number | undefined,
  last: LastInputCheck | undefined,
): InputCheck {
  const schema = compiled.rule.inputSchema;
  const { input, appliedOn } = application;
  const known = last?.get(schema, input, appliedOn);
  if (known) return known;
  const check: InputCheck = {
    schema,
    input,
    appliedOn,
    datesAfter: appliedDay !== undefined ? datesAfter(schema, input, appliedOn) : NO_DATES,
    parsed: compiled.inputSchema.safeParse(input),
  };
  last?.set(check);
  return check;
}

const NO_DATES: readonly DateAfter[] = [];

/**
 * What only the explanation reads, gathered as data while the checks run and written out once, at
 * the end (`explanationOf`), in the order an officer reads them. `decide` gathers none: it builds
 * no text beyond its refusals.
 */
interface Notes {
  readonly steps: Steps;
  readonly capsApplied: string[];
  formula: string;
  quota: string | undefined;
  /** Kept apart from the steps: officers read it, applicants are not told the budget. */
  budget: string | undefined;
}

function run(
  policySet: PolicySet,
  ruleId: string,
  application: AwardApplication,
  history: AwardHistory,
  explain: boolean,
  lastCheck?: LastInputCheck,
): Decision | Evaluation {
  const compiled = compiledRule(policySet, ruleId);
  if (!compiled) return unknownRule(policySet, ruleId, explain);
  const rule = compiled.rule;
  const settings = policySet.settings;
  const { applicant, appliedOn } = application;
  const refusals: Refusal[] = [];
  const notes: Notes | undefined = explain
    ? {
        steps: { events: [], formula: [], evidence: undefined },
        capsApplied: [],
        formula: '',
        quota: undefined,
        budget: undefined,
      }
    : undefined;

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
  pushApplicantRefusals(refusals, rule, applicant, policySet);

  // 3. Evidence (does not depend on the input, so it is listed even when the input is invalid).
  const missingEvidence = missingEvidenceOf(rule.guide.evidence, application.evidence);

  // 4. The input: its dates, then its parse through the rule's own schema. A date after the
  // application is a mistake in its field (a contract dated 2099), told even while other fields
  // are still wrong, so the form shows it where it was typed.
  const check = inputCheck(compiled, application, appliedDay, lastCheck);
  const { datesAfter: futureDates, parsed } = check;
  for (const d of futureDates) {
    refusals.push({
      code: 'EVENT_AFTER_APPLICATION',
      message: `${d.title}（${d.date}）晚于申请日期（${appliedOn}），请核对`,
      field: d.field,
    });
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      refusals.push({
        code: 'INVALID_INPUT',
        message: issue.message,
        ...(issue.path.length > 0 ? { field: issue.path.map(String).join('.') } : {}),
      });
    }
    if (missingEvidence.length > 0) refusals.push(missingEvidenceRefusal(missingEvidence));
    const refused = decisionOf(policySet, ruleId, refusals, missingEvidence, fen(0), []);
    if (!notes) return refused;
    notes.formula = '申请信息有误，无法计算金额';
    return explained(refused, compiled, policySet, application, undefined, notes);
  }
  const input = parsed.data as Readonly<Record<string, unknown>>;

  const ctx = { applicant, settings, appliedOn };
  const ruleRefusals = rule.eligibility?.(input, ctx);
  if (ruleRefusals) for (const r of ruleRefusals) refusals.push(r);
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
      notes?.steps.events.push({ label: event.label, date: event.date, days });
      if (event.date < settings.coveredEventsFrom) {
        refusals.push({
          code: 'EVENT_BEFORE_COVERAGE',
          message: `${event.label}（${event.date}）早于本政策覆盖起始日 ${settings.coveredEventsFrom}`,
        });
      } else if (days < 0) {
        // Told already, in its field (step 4).
        if (futureDates.some((d) => d.date === event.date)) continue;
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
  const { onceKeys, keys, itemKey, formerItemKey, level } = awardKeysOf(
    rule,
    input,
    applicant,
    check,
  );
  const ladder = rule.recognition;

  // The applications whose awards refused this one already: each is told once.
  let refusedBy: string[] | undefined;
  if (priors.length > 0) {
    for (const once of onceKeys) {
      const prior = firstHolding(priors, once.key);
      if (prior && !refusedBy?.includes(prior.applicationId)) {
        (refusedBy ??= []).push(prior.applicationId);
        refusals.push({
          code: 'ALREADY_AWARDED',
          message: `${once.label}已发放（申请 ${prior.applicationId}，${formatYuan(prior.amount)}），不能重复申领`,
        });
      }
    }
  }

  const onItem = priorsOnItem(priors, itemKey, formerItemKey);
  const paidOnItem = sumFen(onItem);

  // A recognition ladder: a higher (or the same) level already paid on this item stops a lower one.
  if (ladder && level) {
    for (const prior of onItem) {
      const priorLevel = prior.onceKeys
        .filter((k) => prior.itemKey !== undefined && k.startsWith(`${prior.itemKey}:`))
        .map((k) => k.slice((prior.itemKey ?? '').length + 1))
        .find(isLevel);
      if (!priorLevel || refusedBy?.includes(prior.applicationId)) continue;
      if (LEVEL_RANK[priorLevel] >= LEVEL_RANK[level]) {
        (refusedBy ??= []).push(prior.applicationId);
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
  const result = formulaOutcome(rule.formula, input, paidOnItem, notes);
  let amount = result.amount;
  let zeroReason: Refusal | undefined;
  if (result.capExhausted && rule.formula.kind === 'percentage-capped') {
    zeroReason = {
      code: 'ITEM_CAP_REACHED',
      message: `该${rule.formula.itemNoun}已累计获得补助 ${formatYuan(paidOnItem)}，达到${rule.formula.itemNoun}补助上限 ${formatYuan(rule.formula.capPerItem)}，本次不再补助`,
    };
  }
  if (ladder && level && onItem.length > 0 && !refusedBy) {
    if (settings.upgradeAward === 'difference') {
      const after = paidOnItem >= amount ? fen(0) : ((amount - paidOnItem) as Fen);
      notes?.capsApplied.push(
        `就高补差：${platformLevelName(level)}奖励 ${formatYuan(amount)} − 该${ladder.familyLabel}已获较低级别奖励 ${formatYuan(paidOnItem)} = ${formatYuan(after)}`,
      );
      amount = after;
      if (after === 0n) {
        zeroReason = {
          code: 'NOTHING_TO_PAY',
          message: `该${ladder.familyLabel}已获较低级别奖励 ${formatYuan(paidOnItem)}，按就高补差无差额可补`,
        };
      }
    } else if (notes) {
      notes.steps.upgradedInFull = { familyLabel: ladder.familyLabel, paid: paidOnItem, level };
    }
  }

  // 8. Quota.
  let quotaYear: number | undefined;
  if (rule.yearlyQuota !== undefined) {
    quotaYear = rule.quotaYear?.(input) ?? Number(appliedOn.slice(0, 4));
    if (notes) {
      notes.quota = `本年度已评选 ${history.approvedThisYear} 项，上限 ${rule.yearlyQuota} 项（评选年度：${quotaYear} 年）`;
    }
    if (history.approvedThisYear >= rule.yearlyQuota) {
      refusals.push({
        code: 'YEARLY_QUOTA_REACHED',
        message: `${quotaYear} 年度已评选 ${history.approvedThisYear} 项，已达每年不超过 ${rule.yearlyQuota} 项的上限`,
      });
    }
  }

  // 9. Evidence.
  if (notes)
    notes.steps.evidence = providedEvidenceNames(rule.guide.evidence, application.evidence);
  if (missingEvidence.length > 0) refusals.push(missingEvidenceRefusal(missingEvidence));

  // 10. Nothing to pay, budget.
  if (zeroReason && !refusedBy) refusals.push(zeroReason);
  // A zero with no reason given yet (e.g. 10% of ¥0.09) still must not be "approved".
  if (amount === 0n && refusals.length === 0) {
    refusals.push({
      code: 'NOTHING_TO_PAY',
      message: `按${rule.clause}计算的金额为 ¥0.00，无可补助金额`,
    });
  }
  if (history.budgetRemaining !== undefined && amount > 0n) {
    if (notes) {
      notes.budget = `本项目年度预算余额 ${formatYuan(history.budgetRemaining)}，本次核定 ${formatYuan(amount)}`;
    }
    if (amount > history.budgetRemaining) {
      refusals.push({
        code: 'BUDGET_INSUFFICIENT',
        message: `本项目年度预算余额 ${formatYuan(history.budgetRemaining)} 不足以支付本次 ${formatYuan(amount)}（奖补不拆分发放）`,
      });
    }
  }

  const decision = decisionOf(
    policySet,
    ruleId,
    refusals,
    missingEvidence,
    amount,
    keys,
    itemKey,
    quotaYear,
  );
  if (!notes) return decision;
  return explained(decision, compiled, policySet, application, input, notes);
}

/**
 * The award's keys (step 6): the rule's once-only keys, and the item it counts on, named by the
 * recognised thing or the capped item. Kept in the input check: a version deriving the rule
 * (another amount or cap) keeps these functions, and its keys are the same objects, hashed once.
 */
function awardKeysOf(
  rule: Rule,
  input: Readonly<Record<string, unknown>>,
  applicant: AwardApplicant,
  check: InputCheck,
): AwardKeys {
  const known = check.awardKeys;
  if (known && known.applicant === applicant && sameKeyRules(known.rule, rule)) return known;
  const ruleOnce = rule.onceOnly?.(input, applicant) ?? NO_ONCE_KEYS;
  let onceKeys = ruleOnce;
  let itemKey: string | undefined;
  let formerItemKey: string | undefined;
  let level: PlatformLevel | undefined;
  const ladder = rule.recognition;
  if (ladder) {
    level = ladder.level(input);
    itemKey = recognitionItemKey(ladder.family, applicant.id, ladder.subject(input));
    const former = ladder.formerSubject?.(input);
    if (former) formerItemKey = recognitionItemKey(ladder.family, applicant.id, former);
    onceKeys = [
      ...ruleOnce,
      {
        key: `${itemKey}:${level}`,
        label: `该${ladder.familyLabel}${platformLevelName(level)}认定奖励`,
      },
    ];
  } else if (rule.formula.kind === 'percentage-capped') {
    itemKey = cappedItemKey(rule.id, applicant.id, String(input[rule.formula.itemKey]));
  }
  const keys: string[] = [];
  for (const once of onceKeys) keys.push(once.key);
  const made: AwardKeys = { onceKeys, keys, itemKey, formerItemKey, level, rule, applicant };
  check.awardKeys = made;
  return made;
}

/** Whether two rules name an award's keys alike: the same functions, the same capped item. */
function sameKeyRules(a: Rule, b: Rule): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.onceOnly === b.onceOnly &&
    a.recognition === b.recognition &&
    (a.formula.kind === 'percentage-capped') === (b.formula.kind === 'percentage-capped') &&
    (a.formula.kind !== 'percentage-capped' ||
      (b.formula.kind === 'percentage-capped' && a.formula.itemKey === b.formula.itemKey))
  );
}

/** The formula's amount; with `notes`, its words too (`applyFormula`), noted for the explanation. */
function formulaOutcome(
  formula: Rule['formula'],
  input: Readonly<Record<string, unknown>>,
  paidOnItem: Fen,
  notes: Notes | undefined,
): FormulaAmount {
  if (!notes) return formulaAmount(formula, input, paidOnItem);
  const result = applyFormula(formula, input, paidOnItem);
  notes.steps.formula = result.steps;
  notes.capsApplied.push(...result.capsApplied);
  notes.formula = result.text;
  return result;
}

/** The decision's keys in the order they always had; the optional ones only when set. */
function decisionOf(
  policySet: PolicySet,
  ruleId: string,
  refusals: Refusal[],
  missingEvidence: EvidenceRequirement[],
  computedAmount: Fen,
  onceKeys: readonly string[],
  itemKey?: string,
  quotaYear?: number,
): Building<Evaluation, 'explanation'> {
  const eligible = refusals.length === 0;
  const decision: Building<Evaluation, 'explanation'> = {
    ruleId,
    policySetId: policySet.id,
    version: policySet.version,
    eligible,
    amount: eligible ? computedAmount : fen(0),
    computedAmount,
    refusals,
    missingEvidence,
    onceKeys,
  };
  if (itemKey !== undefined) decision.itemKey = itemKey;
  if (quotaYear !== undefined) decision.quotaYear = quotaYear;
  return decision;
}

/** `decision` with its explanation, written out from the notes the checks gathered. */
function explained(
  decision: Building<Evaluation, 'explanation'>,
  compiled: CompiledRule,
  policySet: PolicySet,
  application: AwardApplication,
  input: Readonly<Record<string, unknown>> | undefined,
  notes: Notes,
): Evaluation {
  decision.explanation = explanationOf({
    policySet,
    rule: compiled.rule,
    application,
    input,
    eligible: decision.eligible,
    amount: decision.amount,
    refusals: decision.refusals,
    formula: notes.formula,
    steps: notes.steps,
    capsApplied: notes.capsApplied,
    quota: notes.quota,
    budget: notes.budget,
    settings: compiled.settings,
  });
  return decision as Evaluation;
}

function unknownRule(
  policySet: PolicySet,
  ruleId: string,
  explain: boolean,
): Decision | Evaluation {
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

function missingEvidenceRefusal(missing: readonly EvidenceRequirement[]): Refusal {
  return {
    code: 'MISSING_EVIDENCE',
    message: `缺少必需材料：${missing.map((e) => e.name).join('、')}`,
  };
}
