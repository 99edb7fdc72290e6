import { describe, expect, it } from 'vitest';
import type { PolicyAmendment } from '../../../src';
import {
  POLICY_SETS,
  effectiveDateProblem,
  policyCatalogue,
  policyRule,
  policySetFor,
  yuan,
} from '../../../src';

const FIRST: PolicyAmendment = {
  baseId: 'suzhou-future-2026-draft',
  id: 'suzhou-future-2027-01',
  version: '2027.1',
  title: '提高技术成果转化补助上限',
  effectiveFrom: '2027-01-01',
  changes: { 'rules.tech-transfer.formula.cap': '800000.00' },
};
const SECOND: PolicyAmendment = {
  baseId: 'suzhou-future-2027-01',
  id: 'suzhou-future-2027-07',
  version: '2027.7',
  title: '技术成果转化补助比例调整为15%',
  effectiveFrom: '2027-07-01',
  changes: { 'rules.tech-transfer.formula.rate': 1500 },
};

const capOn = (catalogue: ReturnType<typeof policyCatalogue>, date: string) => {
  const set = policySetFor(date, catalogue);
  const rule = set && policyRule(set, 'tech-transfer');
  return rule?.formula.kind === 'percentage-capped'
    ? { set: set?.id, cap: rule.formula.capPerItem, rate: rule.formula.rate }
    : null;
};

describe('policyCatalogue: the code versions, then every adopted amendment in order', () => {
  it('with nothing adopted it is the code registry itself', () => {
    expect(policyCatalogue([])).toBe(POLICY_SETS);
  });

  it('chains amendments in date order whatever order they are read in; each closes the one before', () => {
    const catalogue = policyCatalogue([SECOND, FIRST]);
    expect(catalogue.map((s) => [s.id, s.effectiveFrom, s.effectiveTo])).toEqual([
      ['suzhou-future-2026-draft', '2026-01-01', '2026-12-31'],
      ['suzhou-future-2027-01', '2027-01-01', '2027-06-30'],
      ['suzhou-future-2027-07', '2027-07-01', undefined],
    ]);
    expect(capOn(catalogue, '2026-12-31')).toEqual({
      set: 'suzhou-future-2026-draft',
      cap: yuan(500_000),
      rate: 1000,
    });
    expect(capOn(catalogue, '2027-01-01')).toEqual({
      set: 'suzhou-future-2027-01',
      cap: yuan(800_000),
      rate: 1000,
    });
    // The second keeps the first's cap: it amends the first, not the draft.
    expect(capOn(catalogue, '2027-07-01')).toEqual({
      set: 'suzhou-future-2027-07',
      cap: yuan(800_000),
      rate: 1500,
    });
  });

  it('refuses a chain with a missing link rather than guess', () => {
    expect(() => policyCatalogue([SECOND])).toThrow(/base version suzhou-future-2027-01/);
  });
});

describe('effectiveDateProblem', () => {
  const latest = { id: 'suzhou-future-2026-draft', effectiveFrom: '2026-01-01', title: '方案' };
  it('tomorrow is the earliest; the date must follow the newest version', () => {
    expect(effectiveDateProblem('2026-12-07', '2026-12-07', latest)).toBe(
      '施行日期最早为明天（2026-12-08）',
    );
    expect(effectiveDateProblem('2026-12-08', '2026-12-07', latest)).toBeNull();
    expect(
      effectiveDateProblem('2026-12-08', '2026-12-07', { ...latest, effectiveFrom: '2027-01-01' }),
    ).toBe('施行日期须晚于现行版本的施行日期（2027-01-01）');
  });
});
