import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src';
import {
  addPolicyVersion,
  derivePolicySet,
  evaluate,
  findPolicySet,
  POLICY_SETS,
  policySetFor,
  SUZHOU_FUTURE_2026_DRAFT,
  yuan,
} from '../../src';
import { application } from './fixtures';

/** A second version, built as data only: scenario cases pay ¥300,000 from 2027-07-01. */
const JULY_2027 = derivePolicySet(SUZHOU_FUTURE_2026_DRAFT, {
  id: 'suzhou-future-2027-07',
  version: '2027.2',
  effectiveFrom: '2027-07-01',
  reviseRules: {
    'scenario-case': (rule) => ({ ...rule, formula: { kind: 'fixed', amount: yuan(300_000) } }),
  },
});
const REGISTRY: readonly PolicySet[] = addPolicyVersion(POLICY_SETS, JULY_2027);

function scenarioAppliedOn(appliedOn: string, selectedOn: string) {
  const set = policySetFor(appliedOn, REGISTRY);
  if (!set) throw new Error(`no version on ${appliedOn}`);
  const app = application('scenario-case', { appliedOn, inputPatch: { selectedOn } });
  return { set, evaluation: evaluate(set, 'scenario-case', app) };
}

describe('policy versions', () => {
  it('puts the draft in force from 2026-01-01 and nothing before', () => {
    expect(policySetFor('2026-01-01')?.id).toBe('suzhou-future-2026-draft');
    expect(policySetFor('2030-12-31')?.id).toBe('suzhou-future-2026-draft');
    expect(policySetFor('2025-12-31')).toBeUndefined();
    expect(policySetFor('not a date')).toBeUndefined();
  });

  it('evaluates an application dated before 2027-07-01 under the draft at ¥200,000', () => {
    const { set, evaluation } = scenarioAppliedOn('2027-06-30', '2027-06-01');
    expect(set.id).toBe('suzhou-future-2026-draft');
    expect(set.effectiveTo).toBe('2027-06-30');
    expect(evaluation.amount).toBe(yuan(200_000));
    expect(evaluation.explanation.version).toBe('2026.1-draft');
  });

  it('evaluates an application dated from 2027-07-01 under the new version at ¥300,000', () => {
    const { set, evaluation } = scenarioAppliedOn('2027-07-01', '2027-06-01');
    expect(set.id).toBe('suzhou-future-2027-07');
    expect(evaluation.eligible).toBe(true);
    expect(evaluation.amount).toBe(yuan(300_000));
    expect(evaluation.explanation.formula).toBe('定额奖励 ¥300,000.00');
  });

  it('re-renders the applicant guide of a revised rule from its new figures', () => {
    const rule = JULY_2027.rules.find((r) => r.id === 'scenario-case');
    expect(rule?.guide.amountText).toBe('每项 30万元；每年不超过 10 项');
    expect(SUZHOU_FUTURE_2026_DRAFT.rules[0]?.guide.amountText).toBe(
      '每项 20万元；每年不超过 10 项',
    );
  });

  it('keeps the other rules and the settings of the version it derives from', () => {
    expect(JULY_2027.rules.map((r) => r.id)).toEqual(
      SUZHOU_FUTURE_2026_DRAFT.rules.map((r) => r.id),
    );
    expect(JULY_2027.settings).toEqual(SUZHOU_FUTURE_2026_DRAFT.settings);
    expect(JULY_2027.source.status).toBe('征求意见稿');
  });

  it('refuses to use a closed version for a date after it ends', () => {
    const closed = findPolicySet('suzhou-future-2026-draft', REGISTRY);
    if (!closed) throw new Error('missing');
    const e = evaluate(
      closed,
      'scenario-case',
      application('scenario-case', { appliedOn: '2027-07-02' }),
    );
    expect(e.refusals.map((r) => r.code)).toContain('POLICY_NOT_IN_FORCE');
  });

  it('leaves the registry it extends untouched', () => {
    expect(POLICY_SETS).toHaveLength(1);
    expect(POLICY_SETS[0]?.effectiveTo).toBeUndefined();
  });

  it('finds a version by id or by version label', () => {
    expect(findPolicySet('2027.2', REGISTRY)?.id).toBe('suzhou-future-2027-07');
    expect(findPolicySet('nope', REGISTRY)).toBeUndefined();
  });

  it('refuses a version that starts no later than the one before, or repeats an id', () => {
    expect(() =>
      addPolicyVersion(REGISTRY, { ...JULY_2027, id: 'x', effectiveFrom: '2027-07-01' }),
    ).toThrow();
    expect(() => addPolicyVersion(REGISTRY, JULY_2027)).toThrow();
  });

  it('refuses to revise a rule that does not exist', () => {
    expect(() =>
      derivePolicySet(SUZHOU_FUTURE_2026_DRAFT, {
        id: 'x',
        version: 'x',
        effectiveFrom: '2028-01-01',
        reviseRules: { 'no-such-rule': (r) => r },
      }),
    ).toThrow(/unknown rule/);
  });

  it('lets a version change a setting, e.g. a 180-day application window', () => {
    const strict = derivePolicySet(SUZHOU_FUTURE_2026_DRAFT, {
      id: 'strict',
      version: 'strict',
      effectiveFrom: '2026-01-01',
      settings: { applicationWindowDays: 180 },
    });
    const app = application('incubator', {
      appliedOn: '2026-09-12',
      inputPatch: { recognisedOn: '2026-03-15' },
    });
    expect(evaluate(SUZHOU_FUTURE_2026_DRAFT, 'incubator', app).eligible).toBe(true);
    const e = evaluate(strict, 'incubator', app);
    expect(e.refusals.map((r) => r.code)).toEqual(['APPLICATION_WINDOW_PASSED']);
    expect(strict.rules[0]?.guide.timeLimit).toContain('180 天内');
  });
});
