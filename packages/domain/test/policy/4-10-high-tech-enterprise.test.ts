import { describe, expect, it } from 'vitest';
import { yuan } from '../../src';
import { codes, historyOf, priorFrom, run } from './fixtures';

// 四.10 对首次认定的国家高新技术企业，给予 20 万元奖励，对再次认定的国家高新技术企业，给予 10 万元奖励。
const RE_2026 = {
  recognitionType: 're',
  certificateNo: 'GR202634005678',
  certifiedOn: '2026-02-10',
  previousCertificateNo: 'GR202334001111',
};

describe('四.10 国家高新技术企业认定', () => {
  it('awards ¥200,000 for a first recognition', () => {
    const e = run('high-tech-enterprise');
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(200_000));
    expect(e.onceKeys).toEqual(['high-tech-first:orgyunzhi', 'high-tech:orgyunzhi:2026']);
  });

  it('awards ¥100,000 for a re-recognition', () => {
    const e = run('high-tech-enterprise', { inputPatch: RE_2026 });
    expect(e.amount).toBe(yuan(100_000));
  });

  it('refuses a second first-recognition award to the same firm, even years later', () => {
    const first = run('high-tech-enterprise');
    const again = run(
      'high-tech-enterprise',
      {
        appliedOn: '2029-03-01',
        inputPatch: { certificateNo: 'GR202934000001', certifiedOn: '2029-01-10' },
      },
      historyOf(priorFrom(first, 'A-1')),
    );
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
    expect(again.refusals[0]?.message).toContain('首次认定奖励（每家企业仅一次）');
  });

  it('pays a re-recognition once per certificate year', () => {
    const re = run('high-tech-enterprise', { inputPatch: RE_2026 });
    const again = run(
      'high-tech-enterprise',
      { inputPatch: RE_2026 },
      historyOf(priorFrom(re, 'A-1')),
    );
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
    const nextRound = run(
      'high-tech-enterprise',
      {
        appliedOn: '2029-04-01',
        inputPatch: { ...RE_2026, certificateNo: 'GR202934009999', certifiedOn: '2029-02-01' },
      },
      historyOf(priorFrom(re, 'A-1')),
    );
    expect(nextRound.amount).toBe(yuan(100_000));
  });

  it('asks for the previous certificate number on a re-recognition', () => {
    const e = run('high-tech-enterprise', { inputPatch: { recognitionType: 're' } });
    expect(e.refusals).toContainEqual({
      code: 'INVALID_INPUT',
      field: 'previousCertificateNo',
      message: '再次认定请填写上一次高新技术企业证书编号',
    });
  });

  it('checks the certificate number’s form and its year against the issue date', () => {
    expect(
      run('high-tech-enterprise', { inputPatch: { certificateNo: 'GR2026' } }).refusals[0]?.message,
    ).toContain('GR 加 12 位数字');
    expect(
      run('high-tech-enterprise', { inputPatch: { certificateNo: 'gr 2025 3400 1234' } })
        .refusals[0]?.message,
    ).toContain('证书编号中的年份 2025 与发证日期 2026-01-20 不一致');
  });
});
