import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluationToJson,
  formatEvaluation,
  formatRuleList,
  parseEvaluationRequest,
  SUZHOU_FUTURE_2026_DRAFT,
  yuan,
  yuanString,
} from '../../src';
import { run } from './fixtures';

function example(name: string): unknown {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), 'utf8'),
  );
}

function evaluateExample(name: string) {
  const parsed = parseEvaluationRequest(example(name));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const { policySet, ruleId, application, history } = parsed.request;
  return evaluate(policySet, ruleId, application, history);
}

describe('policy CLI: list', () => {
  it('lists every rule of the version with its clause, amount and quota', () => {
    const text = formatRuleList(SUZHOU_FUTURE_2026_DRAFT);
    expect(text).toContain('政策版本：suzhou-future-2026-draft（版本 2026.1-draft）');
    expect(text).toContain('状态：征求意见稿；施行：2026-01-01 至 今');
    for (const rule of SUZHOU_FUTURE_2026_DRAFT.rules)
      expect(text).toContain(`  ${rule.id}  【${rule.clause}】${rule.name}`);
    expect(text).toContain('支持标准：每项 20万元；每年不超过 10 项');
    expect(text).toContain('支持标准：按实际支付额的 10% 补助，单项成果累计最高 50万元');
    expect(text).toContain('支持标准：一等奖 5万元；二等奖 3万元；三等奖 1万元');
    expect(text).toContain('upgradeAward  升级认定奖励方式：就高补差');
  });
});

describe('policy CLI: evaluate', () => {
  it('pays the second instalment of a contract only up to the ¥500,000 cap (example file)', () => {
    const e = evaluateExample('tech-transfer-second-payment.json');
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(200_000));
    const text = formatEvaluation(e);
    expect(text).toContain('决定：符合条件');
    expect(text).toContain('核定金额：¥200,000.00');
    expect(text).toContain('计算：实际支付额 ¥3,000,000.00 × 10% = ¥300,000.00');
    expect(text).toContain(
      '单项成果累计补助上限 ¥500,000.00，已获补助 ¥300,000.00，本次最多 ¥200,000.00',
    );
    expect(text).toContain('第2笔 2026-08-28 ¥50,000.00：无转账凭证，不计入');
  });

  it('pays a provincial key laboratory recognised nationally the ¥1,600,000 difference (example file)', () => {
    const e = evaluateExample('rd-platform-national-upgrade.json');
    expect(e.amount).toBe(yuan(1_600_000));
    expect(formatEvaluation(e)).toContain(
      '就高补差：国家级奖励 ¥2,000,000.00 − 该研发平台已获较低级别奖励 ¥400,000.00 = ¥1,600,000.00',
    );
  });

  it('prints the refusals, the missing evidence and what would be paid once they are resolved', () => {
    const text = formatEvaluation(run('tech-transfer', { evidence: [] }));
    expect(text).toContain('决定：不符合条件');
    expect(text).toContain('核定金额：¥0.00');
    expect(text).toContain('测算金额：¥300,000.00');
    expect(text).toContain('[MISSING_EVIDENCE] 缺少必需材料：技术合同');
    expect(text).toContain('需补充的材料：');
  });

  it('reads money in the file as yuan strings and refuses bare numbers', () => {
    const file = example('tech-transfer-second-payment.json') as { input: Record<string, unknown> };
    const bad = { ...file, input: { ...file.input, contractAmount: 8000000 } };
    const parsed = parseEvaluationRequest(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toContain('合同成交额请写成以元为单位的字符串');
    const unreadable = parseEvaluationRequest({
      ...file,
      input: { ...file.input, contractAmount: '八百万' },
    });
    expect(unreadable.ok).toBe(false);
  });

  it('explains what is wrong with the file itself in Chinese', () => {
    const parsed = parseEvaluationRequest({
      ruleId: 'incubator',
      appliedOn: '2026-13-01',
      applicant: {},
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.join('\n')).toContain('appliedOn');
      expect(parsed.errors.join('\n')).toContain('申请主体类型');
    }
    const noVersion = parseEvaluationRequest(example('tech-transfer-second-payment.json'), {
      version: 'v9',
    });
    expect(noVersion).toEqual({ ok: false, errors: ['没有政策版本“v9”'] });
  });

  it('writes money in JSON output as yuan strings with two decimals', () => {
    expect(yuanString(yuan(499_999))).toBe('499999.00');
    expect(yuanString(5n)).toBe('0.05');
    const json = JSON.parse(
      evaluationToJson(evaluateExample('tech-transfer-second-payment.json')),
    ) as {
      amount: string;
      eligible: boolean;
    };
    expect(json).toMatchObject({ amount: '200000.00', eligible: true });
  });
});
