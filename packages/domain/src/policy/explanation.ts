import type { Fen } from '../money';
import { formatYuan } from '../money';
import { areaName } from '../reference/areas';
import { organisationTypeName } from '../reference/organisation-types';
import type { PlatformLevel } from '../reference/platform-levels';
import { platformLevelName } from '../reference/platform-levels';
import { displayInputs } from './fields';
import type { AwardApplication, Explanation, PolicySet, Refusal, Rule } from './types';

/**
 * The explanation of an evaluation, written out from the data the engine's checks gathered. The
 * checks keep their findings as data (`Steps`); the text is made here, once, and only for callers
 * that ask for an explanation (`evaluate`, not `decide`).
 */

/** An object being built key by key: writable, its last key `Last` not yet set. */
export type Building<T, Last extends keyof T> = Omit<{ -readonly [K in keyof T]: T[K] }, Last> & {
  -readonly [K in Last]?: T[K];
};

/** The explanation's steps as data; `renderSteps` writes them in this order. */
export interface Steps {
  /** Each date checked against the application window (`days` from the event to the application). */
  events: { label: string; date: string; days: number }[];
  formula: readonly string[];
  upgradedInFull?: { familyLabel: string; paid: Fen; level: PlatformLevel };
  /** Names of the evidence provided; undefined when the input never reached the checks. */
  evidence: readonly string[] | undefined;
}

export interface ExplanationData {
  readonly policySet: PolicySet;
  readonly rule: Rule;
  readonly application: AwardApplication;
  /** The parsed input, when it parsed. */
  readonly input: Readonly<Record<string, unknown>> | undefined;
  readonly eligible: boolean;
  readonly amount: Fen;
  readonly refusals: readonly Refusal[];
  readonly formula: string;
  readonly steps: Steps;
  readonly capsApplied: readonly string[];
  readonly quota: string | undefined;
  readonly budget: string | undefined;
  readonly settings: Explanation['settings'];
}

/**
 * The explanation, written out from the data the checks gathered. Plain string properties, made
 * here and not on first read: an own getter costs V8 some microseconds per object to define (more
 * than all the text it would defer), and a prototype getter is lost to the spread, superjson and
 * `structuredClone` that the API applies to explanations.
 */
export function explanationOf(d: ExplanationData): Explanation {
  const explanation: Building<Explanation, 'settings'> = {
    policySetId: d.policySet.id,
    version: d.policySet.version,
    policyTitle: d.policySet.title,
    clause: d.rule.clause,
    ruleName: d.rule.name,
    summary: d.eligible
      ? `符合条件，核定${d.rule.name} ${formatYuan(d.amount)}`
      : `不符合条件：${d.refusals.map((x) => x.message).join('；')}`,
    inputs: inputRows(d),
    formula: d.formula,
    steps: renderSteps(d),
    capsApplied: d.capsApplied,
  };
  // Keys added in the order readers have always seen them; quota and budget only when used.
  if (d.quota !== undefined) explanation.quota = d.quota;
  if (d.budget !== undefined) explanation.budget = d.budget;
  // Fresh rows from the version's texts made once: no two evaluations share an object (superjson
  // would record the sharing, and a reader may annotate its copy).
  explanation.settings = d.settings.map((row) => ({ ...row }));
  return explanation as Explanation;
}

function inputRows(d: ExplanationData): { label: string; value: string }[] {
  const { applicant, appliedOn } = d.application;
  const rows = [
    {
      label: '申请主体',
      value:
        applicant.kind === 'organisation'
          ? `${applicant.name}（${organisationTypeName(applicant.type)}，${applicant.insideCity ? areaName(applicant.areaCode) : '宿州市外'}）`
          : `${applicant.name}（团队负责人）`,
    },
    { label: '申请日期', value: appliedOn },
  ];
  if (d.input) rows.push(...displayInputs(d.rule.inputSchema, d.input));
  return rows;
}

function renderSteps(d: ExplanationData): string[] {
  const { steps: s, input } = d;
  if (!input) return [];
  const window = d.policySet.settings.applicationWindowDays;
  const out: string[] = [...(d.rule.explain?.(input) ?? [])];
  for (const e of s.events) {
    out.push(
      e.days >= 0
        ? `${e.label} ${e.date}，距申请日期 ${e.days} 天（期限 ${window} 天）`
        : `${e.label} ${e.date}，晚于申请日期`,
    );
  }
  out.push(...s.formula);
  if (s.upgradedInFull) {
    const u = s.upgradedInFull;
    out.push(
      `该${u.familyLabel}此前已获较低级别奖励 ${formatYuan(u.paid)}；按设置全额给予${platformLevelName(u.level)}奖励`,
    );
  }
  if (s.evidence) out.push(`已提交材料：${s.evidence.length > 0 ? s.evidence.join('、') : '无'}`);
  return out;
}
