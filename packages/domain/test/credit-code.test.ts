import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, creditCodeSchema } from '../src';

// Published codes of well-known organisations (from their business licences / 信用中国).
const REAL_CODES = [
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '914403001922038216', // 华为技术有限公司
  '91110000802100433B', // 中国石油化工股份有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '12100000400000624D', // a public institution (事业单位, authority 1)
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('computes the check character with weights 3^(i−1) mod 31', () => {
    expect(creditCodeCheckChar('91440300715267260')).not.toBe('G');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    // A check value of 31 − 0 is written as 0, not as an out-of-range index.
    for (const code of REAL_CODES) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('uses the weights of the standard', () => {
    // 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 (GB 32100-2015 table 2)
    const first17 = '10000000000000000';
    expect(creditCodeCheckChar(first17)).toBe(
      '0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt((31 - (1 % 31)) % 31),
    );
    expect(creditCodeCheckChar('00000000000000001')).toBe(
      '0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(31 - 28),
    );
  });

  it('normalises full-width characters, lower case, spaces and dashes before checking', () => {
    expect(checkCreditCode('９１４４０３００７１５２６７２６ｘｇ')).toEqual({
      ok: true,
      value: '9144030071526726XG',
    });
    expect(checkCreditCode(' 91440300-7152 6726xg ')).toEqual({
      ok: true,
      value: '9144030071526726XG',
    });
  });

  it('rejects a wrong check character', () => {
    const result = checkCreditCode('9144030071526726XH');
    expect(result).toEqual({
      ok: false,
      message: '统一社会信用代码校验位不正确，请核对后重新输入',
    });
  });

  it('rejects a single transposition of two characters', () => {
    expect(checkCreditCode('9144030071526762XG').ok).toBe(false);
  });

  it('rejects the wrong length with the length in the message', () => {
    expect(checkCreditCode('91440300715267')).toEqual({
      ok: false,
      message: '统一社会信用代码应为18位，当前为14位',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the excluded letter %s', (letter) => {
    const result = checkCreditCode(`91341302MA${letter}0000010`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(letter);
  });

  it('rejects an unknown registration authority and a non-numeric division code', () => {
    expect(checkCreditCode('B1440300715267260G').ok).toBe(false);
    expect(checkCreditCode('91A40300715267260G').ok).toBe(false);
  });

  it('rejects an empty value with a prompt to fill it in', () => {
    expect(checkCreditCode('  ')).toEqual({ ok: false, message: '请填写统一社会信用代码' });
  });

  it('the zod schema outputs the normalised code and reports the Chinese message', () => {
    expect(creditCodeSchema.parse('９１１１０１０８５５１３８５０８２ｑ')).toBe(
      '91110108551385082Q',
    );
    const failed = creditCodeSchema.safeParse('91110108551385082A');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe('统一社会信用代码校验位不正确，请核对后重新输入');
  });
});
