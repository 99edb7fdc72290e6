import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS, applicantMessage, formatYuan } from '../../src';

/** Every message an applicant can be sent about an application, with an amount and a comment. */
const facts = {
  number: 'SZKC-2026-000001',
  ruleId: 'tech-transfer',
  comment: '请补充材料',
  amountFen: 3_000_000n,
};
const messages = APPLICATION_ACTIONS.flatMap(({ code }) => {
  const m = applicantMessage(code, facts);
  return m ? [{ code, ...m }] : [];
});

describe('messages to applicants', () => {
  it('write an amount with one ¥: the formatter already gives it', () => {
    const approved = applicantMessage('approve', facts);
    expect(approved?.body).toContain(`核定金额${formatYuan(3_000_000n)}`);
    expect(approved?.body).toContain('¥30,000.00');
    for (const m of messages) {
      expect(`${m.title}${m.body}`, m.code).not.toMatch(/[¥￥]{2}/);
    }
  });

  it('send a receipt on submit, with the application number', () => {
    const receipt = applicantMessage('submit', facts);
    expect(receipt?.title).toBe('申请已提交');
    expect(receipt?.body).toContain('SZKC-2026-000001');
    // The applicant's own withdrawal is not echoed back.
    expect(applicantMessage('withdraw', facts)).toBeNull();
  });
});
