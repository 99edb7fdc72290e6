import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AwardApplication } from '../../src';
import { evaluate, fieldMeta, objectSchemaOf, yuan } from '../../src';
import {
  application,
  codes,
  DRAFT,
  FIRM,
  historyOf,
  priorFrom,
  run,
  TEAM_LEADER,
  VALID_INPUTS,
} from './fixtures';

const CHINESE = /[\u4e00-\u9fff]/;

describe('the award engine', () => {
  it('has every money clause of the plan in the draft version', () => {
    expect(DRAFT.rules.map((r) => `${r.clause} ${r.id}`)).toEqual([
      '四.1 scenario-case',
      '四.2 key-project',
      '四.3 rd-platform',
      '四.5 talent-team',
      '四.5 academician-workstation-provincial',
      '四.5 academician-centre-city',
      '四.5 academician-workstation-city',
      '四.8 tech-transfer',
      '四.9 incubator',
      '四.10 high-tech-enterprise',
      '四.12 innovation-contest',
    ]);
    expect(DRAFT.source).toEqual({
      document: '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
      issuer: '宿州市科学技术局',
      status: '征求意见稿',
    });
  });

  it('approves the valid sample application of every rule', () => {
    for (const rule of DRAFT.rules) {
      const e = run(rule.id);
      expect(e.refusals, rule.id).toEqual([]);
      expect(e.eligible).toBe(true);
      expect(e.amount).toBeGreaterThan(0n);
    }
  });

  it('gives every form field a Chinese title and every guide its full text', () => {
    for (const rule of DRAFT.rules) {
      const shape = objectSchemaOf(rule.inputSchema)?.shape as Record<string, z.ZodType>;
      for (const [key, field] of Object.entries(shape)) {
        expect(fieldMeta(field)?.title, `${rule.id}.${key}`).toMatch(CHINESE);
      }
      expect(rule.guide.whoMayApply).toMatch(CHINESE);
      expect(rule.guide.conditions.length).toBeGreaterThan(0);
      expect(rule.guide.evidence.some((e) => e.required)).toBe(true);
      expect(rule.guide.timeLimit).toContain('365 天内提出申请');
      expect(rule.guide.amountText).toMatch(/万元/);
    }
  });

  it('answers an empty form with Chinese messages for each missing field', () => {
    for (const rule of DRAFT.rules) {
      const e = evaluate(DRAFT, rule.id, { ...application(rule.id), input: {} });
      expect(e.eligible).toBe(false);
      expect(e.computedAmount).toBe(0n);
      expect(e.refusals.length).toBeGreaterThan(1);
      for (const r of e.refusals) {
        expect(r.code).toBe('INVALID_INPUT');
        expect(r.message, `${rule.id} ${r.field}`).toMatch(CHINESE);
      }
    }
  });

  it('refuses input that is not a form at all', () => {
    const e = evaluate(DRAFT, 'scenario-case', { ...application('scenario-case'), input: 'hello' });
    expect(e.refusals).toEqual([{ code: 'INVALID_INPUT', message: '请填写申请内容' }]);
  });

  it('names the field of an invalid date', () => {
    const e = run('incubator', { inputPatch: { recognisedOn: '2026-02-30' } });
    expect(e.refusals).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'recognisedOn',
        message: '请填写有效的认定日期（格式：YYYY-MM-DD）',
      },
    ]);
  });

  it('lists missing evidence even when the form is invalid', () => {
    const e = evaluate(DRAFT, 'incubator', {
      ...application('incubator'),
      input: {},
      evidence: [],
    });
    expect(e.missingEvidence.map((m) => m.kind)).toEqual([
      'recognition-document',
      'credit-commitment',
      'bank-account',
    ]);
    expect(codes(e)).toContain('MISSING_EVIDENCE');
  });

  it('refuses an unknown programme', () => {
    const e = evaluate(DRAFT, 'free-money', application('incubator'));
    expect(codes(e)).toEqual(['UNKNOWN_RULE']);
    expect(e.amount).toBe(0n);
  });

  it('refuses an application dated before the version is in force', () => {
    const e = run('incubator', {
      appliedOn: '2025-12-31',
      inputPatch: { recognisedOn: '2025-12-01' },
    });
    expect(codes(e)).toContain('POLICY_NOT_IN_FORCE');
  });

  it('does not cover recognitions before 2026-01-01', () => {
    const e = run('incubator', {
      appliedOn: '2026-02-01',
      inputPatch: { recognisedOn: '2025-12-31' },
    });
    expect(codes(e)).toEqual(['EVENT_BEFORE_COVERAGE']);
  });

  it('refuses a recognition dated after the application', () => {
    const e = run('incubator', {
      appliedOn: '2026-03-01',
      inputPatch: { recognisedOn: '2026-03-02' },
    });
    expect(codes(e)).toEqual(['EVENT_AFTER_APPLICATION']);
  });

  it('accepts an application on the 365th day after recognition and refuses one on the 366th', () => {
    const onTime = run('incubator', {
      appliedOn: '2027-03-15',
      inputPatch: { recognisedOn: '2026-03-15' },
    });
    expect(onTime.eligible).toBe(true);
    const late = run('incubator', {
      appliedOn: '2027-03-16',
      inputPatch: { recognisedOn: '2026-03-15' },
    });
    expect(codes(late)).toEqual(['APPLICATION_WINDOW_PASSED']);
  });

  it('refuses a person applying for an award that only organisations receive', () => {
    expect(codes(run('incubator', { applicant: TEAM_LEADER }))).toEqual([
      'APPLICANT_KIND_NOT_ALLOWED',
    ]);
  });

  it('does not count an application’s own approved award as a duplicate of itself', () => {
    const first = run('high-tech-enterprise', { id: 'A-1' });
    const again = run('high-tech-enterprise', { id: 'A-1' }, historyOf(priorFrom(first, 'A-1')));
    expect(again.eligible).toBe(true);
  });

  it('never pays part of an award to fit what is left of the budget', () => {
    const short = run(
      'incubator',
      {},
      { priorAwards: [], approvedThisYear: 0, budgetRemaining: yuan(100_000) },
    );
    expect(codes(short)).toEqual(['BUDGET_INSUFFICIENT']);
    expect(short.amount).toBe(0n);
    expect(short.computedAmount).toBe(yuan(150_000));
    const enough = run(
      'incubator',
      {},
      { priorAwards: [], approvedThisYear: 0, budgetRemaining: yuan(150_000) },
    );
    expect(enough.amount).toBe(yuan(150_000));
  });

  it('refuses a computed amount of ¥0.00 rather than approving nothing', () => {
    const e = run('tech-transfer', {
      inputPatch: { payments: [{ paidOn: '2026-03-01', amount: 9n, voucherNo: 'HX1' }] },
    });
    expect(codes(e)).toEqual(['NOTHING_TO_PAY']);
  });

  it('explains the decision with the clause, version, inputs in Chinese and the settings it used', () => {
    const e = run('tech-transfer');
    const x = e.explanation;
    expect(x).toMatchObject({
      policySetId: 'suzhou-future-2026-draft',
      version: '2026.1-draft',
      clause: '四.8',
      ruleName: '购买市外先进技术成果在宿转化补助',
      summary: '符合条件，核定购买市外先进技术成果在宿转化补助 ¥300,000.00',
    });
    expect(x.inputs).toContainEqual({ label: '合同成交额', value: '¥8,000,000.00' });
    expect(x.inputs).toContainEqual({ label: '卖方所在地', value: '宿州市外' });
    expect(x.inputs[0]).toEqual({
      label: '申请主体',
      value: '宿州云智科技有限公司（企业，宿州高新技术产业开发区）',
    });
    expect(x.settings.map((s) => s.name)).toEqual(['applicationWindowDays', 'coveredEventsFrom']);
    expect(x.settings[0]).toMatchObject({ label: '申请期限', value: '事项发生后 365 天内' });
  });

  it('does not change the application it is given', () => {
    const app: AwardApplication = application('tech-transfer');
    const before = structuredClone(app);
    run('tech-transfer');
    evaluate(DRAFT, 'tech-transfer', app);
    expect(app).toEqual(before);
  });

  it('keeps sample inputs for every rule', () => {
    expect(Object.keys(VALID_INPUTS).sort()).toEqual(DRAFT.rules.map((r) => r.id).sort());
    expect(FIRM.insideCity).toBe(true);
  });
});
