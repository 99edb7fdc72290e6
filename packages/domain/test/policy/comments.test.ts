import { describe, expect, it } from 'vitest';
import {
  COMMENT_RULES,
  SUZHOU_FUTURE_2026_DRAFT_TEXT as TEXT,
  commentAnswerSchema,
  commentPeriodSchema,
  commentSchemaFor,
  commentStage,
  personalDataIn,
  periodDays,
} from '../../src';

const messages = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('征求意见: a comment on a clause', () => {
  const schema = commentSchemaFor(TEXT);

  it('takes a comment on a clause with words, as a person by default', () => {
    const r = schema.parse({ clauseId: '四.8', body: '建议将单项成果补助上限提高到80万元。' });
    expect(r).toEqual({
      clauseId: '四.8',
      body: '建议将单项成果补助上限提高到80万元。',
      asOrganisation: false,
    });
  });

  it('refuses a clause that is not there or has no words of its own', () => {
    expect(messages(schema.safeParse({ clauseId: '四.13', body: '建议增加条款内容。' }))).toEqual({
      clauseId: '请选择要提意见的条款',
    });
    expect(messages(schema.safeParse({ clauseId: '四', body: '建议增加条款内容。' }))).toEqual({
      clauseId: '请选择要提意见的条款',
    });
  });

  it('keeps to the length limits', () => {
    expect(messages(schema.safeParse({ clauseId: '四.8', body: '好' }))).toEqual({
      body: `意见内容至少${COMMENT_RULES.minChars}个字`,
    });
    const long = '很'.repeat(COMMENT_RULES.maxChars + 1);
    expect(messages(schema.safeParse({ clauseId: '四.8', body: long }))).toEqual({
      body: `意见内容不能超过${COMMENT_RULES.maxChars}个字`,
    });
  });

  it('refuses personal data however it is written: it would be published', () => {
    for (const body of [
      '有问题请联系我13855712036',
      '电话 138 5571 2036，欢迎交流',
      '电话１３８５５７１２０３６',
      '我的身份证341302199001011234请核实',
      '请发邮件到 zhang.san@example.com 说明',
    ]) {
      expect(personalDataIn(body), body).not.toEqual([]);
      expect(messages(schema.safeParse({ clauseId: '四.8', body })).body, body).toContain(
        '请勿填写手机号码',
      );
    }
    // Figures of the policy are not personal data.
    expect(personalDataIn('补助上限由50万元提高到800000元，比例10%，2030年目标')).toEqual([]);
  });
});

describe('征求意见: the bureau answers each comment', () => {
  it('不予采纳 and 部分采纳 say why; a duplicate names the comment it repeats', () => {
    expect(commentAnswerSchema.parse({ outcome: 'adopted' })).toEqual({ outcome: 'adopted' });
    expect(messages(commentAnswerSchema.safeParse({ outcome: 'not-adopted' }))).toEqual({
      reason: '不予采纳的，请填写理由',
    });
    expect(messages(commentAnswerSchema.safeParse({ outcome: 'partly-adopted' }))).toEqual({
      reason: '部分采纳的，请填写理由',
    });
    expect(messages(commentAnswerSchema.safeParse({ outcome: 'duplicate' }))).toEqual({
      duplicateOf: '请选择重复的意见',
    });
    expect(messages(commentAnswerSchema.safeParse({ outcome: 'sideways' }))).toEqual({
      outcome: '请选择处理结果',
    });
  });
});

describe('征求意见: the period', () => {
  const contact = { department: '宿州市科学技术局政策法规科', phone: '0557-3021234' };

  it('runs at least 30 days, both ends counted, unless it says why', () => {
    expect(periodDays({ opensOn: '2026-12-01', closesOn: '2026-12-30' })).toBe(30);
    expect(
      commentPeriodSchema.safeParse({ opensOn: '2026-12-01', closesOn: '2026-12-30', contact })
        .success,
    ).toBe(true);
    expect(
      messages(
        commentPeriodSchema.safeParse({ opensOn: '2026-12-01', closesOn: '2026-12-15', contact }),
      ),
    ).toEqual({ shortReason: '征求意见期限为15日，少于30日的须说明理由' });
    expect(
      commentPeriodSchema.safeParse({
        opensOn: '2026-12-01',
        closesOn: '2026-12-15',
        shortReason: '年度资金申报时间紧，需在年底前定稿',
        contact,
      }).success,
    ).toBe(true);
    expect(
      messages(
        commentPeriodSchema.safeParse({ opensOn: '2026-12-10', closesOn: '2026-12-01', contact }),
      ),
    ).toEqual({ closesOn: '截止日期不能早于开始日期' });
  });

  it('takes comments on both end days, not after', () => {
    const p = { opensOn: '2026-12-01', closesOn: '2026-12-30' };
    expect(commentStage(p, '2026-11-30')).toBe('upcoming');
    expect(commentStage(p, '2026-12-01')).toBe('open');
    expect(commentStage(p, '2026-12-30')).toBe('open');
    expect(commentStage(p, '2026-12-31')).toBe('closed');
  });
});
