import { describe, expect, it } from 'vitest';
import { policyRule, policySetFor, vpCandidateSchema, vpNeedSchema } from '@kc/domain';
import { fromInput, pathErrors, setAt, toInput, visiblePathErrors } from '../src/forms/form-values';
import { describeFields, emptyValues } from '../src/forms/schema-fields';

const set = policySetFor('2026-11-27');
const rule = (id: string) => {
  const found = set && policyRule(set, id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('forms described from domain schemas', () => {
  it('reads controls, titles and options from a rule input schema', () => {
    const fields = describeFields(rule('tech-transfer').inputSchema);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.contractNo).toMatchObject({
      kind: 'text',
      title: '技术合同编号',
      optional: false,
    });
    expect(byName.contractRegisteredNo).toMatchObject({ kind: 'text', optional: true });
    expect(byName.sellerLocation?.kind).toBe('choice');
    expect(byName.sellerLocation?.options).toEqual([
      { code: 'outside-city', name: '宿州市外' },
      { code: 'inside-city', name: '宿州市内' },
    ]);
    expect(byName.contractSignedOn?.kind).toBe('date');
    expect(byName.contractAmount?.kind).toBe('money');
    expect(byName.conversionProject?.kind).toBe('textarea');
    expect(byName.payments?.kind).toBe('group-list');
    expect(byName.payments?.item.map((f) => [f.name, f.kind])).toEqual([
      ['paidOn', 'date'],
      ['amount', 'money'],
      ['voucherNo', 'text'],
    ]);
  });

  it('offers 四.1’s 评选年度 as an optional year, left out when blank', () => {
    const fields = describeFields(rule('scenario-case').inputSchema);
    const year = fields.find((f) => f.name === 'selectionYear');
    expect(year).toMatchObject({ kind: 'integer', title: '评选年度', optional: true });
    expect(year?.description).toContain('不填的，按入选日期所在年份计');
    expect('selectionYear' in toInput(fields, emptyValues(fields)).input).toBe(false);
    expect(
      toInput(fields, setAt(emptyValues(fields), 'selectionYear', '2026')).input,
    ).toMatchObject({ selectionYear: 2026 });
  });

  it('describes every rule of the version in force without falling back to bare names', () => {
    for (const r of set?.rules ?? []) {
      for (const f of describeFields(r.inputSchema)) expect(f.title).not.toBe(f.name);
    }
  });

  it('reads numbers with defaults, multi-choices and lists from the 科技副总 forms', () => {
    const need = Object.fromEntries(describeFields(vpNeedSchema).map((f) => [f.name, f]));
    expect(need.positions).toMatchObject({ kind: 'integer', initial: '1', optional: true });
    expect(need.investorInstitutions?.kind).toBe('text-list');
    // 细分方向 is scored, so it is asked for, not offered as 选填 (issue 11).
    expect(need.subFieldCode).toMatchObject({ optional: false, title: '细分方向' });
    expect(need.subFieldCode?.description).toContain('匹配评分');
    const candidate = Object.fromEntries(describeFields(vpCandidateSchema).map((f) => [f.name, f]));
    expect(candidate.priorityFlags?.kind).toBe('multi-choice');
    expect(candidate.relatedFirmCreditCodes?.kind).toBe('text-list');
  });
});

describe('form values ↔ schema input', () => {
  const fields = describeFields(rule('tech-transfer').inputSchema);

  it('turns yuan into fen, numbers into numbers, and leaves blanks out', () => {
    const values = setAt(
      setAt(
        setAt(emptyValues(fields), 'contractAmount', '1,200,000.5'),
        'payments.0.amount',
        '300000',
      ),
      'sellerRegion',
      '  ',
    );
    const { input, problems } = toInput(fields, values);
    expect(problems).toEqual({});
    expect(input.contractAmount).toBe(120_000_050n);
    expect(input.payments).toEqual([{ amount: 30_000_000n }]);
    expect('sellerRegion' in input).toBe(false);
  });

  it('reports money that is not money in words, under the field', () => {
    const values = setAt(emptyValues(fields), 'payments.0.amount', '30万');
    const { problems } = toInput(fields, values);
    expect(problems['payments.0.amount']).toContain('以元为单位');
    expect(problems.contractAmount).toBe('请填写合同成交额');
  });

  it('round-trips a saved draft back into the form', () => {
    const stored = { contractNo: 'HT-1', contractAmount: 20_000_050n, payments: [{ amount: 1n }] };
    const values = fromInput(fields, stored);
    expect(values.contractAmount).toBe('200000.50');
    expect(values.payments).toEqual([{ paidOn: '', amount: '0.01', voucherNo: '' }]);
    expect(toInput(fields, values).input).toMatchObject(stored);
  });

  it('shows errors of left fields only, and list errors once a row was touched', () => {
    const errors = pathErrors(
      [
        { path: ['contractNo'], message: '请填写技术合同编号' },
        { path: ['payments'], message: '支付金额合计超过合同成交额' },
        { path: ['payments', 0, 'paidOn'], message: '请填写有效的支付日期' },
      ],
      {},
    );
    const visible = visiblePathErrors(errors, new Set(['payments.0.amount']), false);
    expect(visible).toEqual({ payments: '支付金额合计超过合同成交额' });
    expect(visiblePathErrors(errors, new Set(), true)).toEqual(errors);
  });
});
