import { describe, expect, it } from 'vitest';
import { checkResidentId, residentIdCheckChar, residentIdSchema } from '../src';

const TODAY = new Date('2026-11-27T00:00:00Z');

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the standard’s own example with X as check character', () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts a lower-case x and full-width digits', () => {
    const result = checkResidentId('１１０１０５１９４９１２３１００２ｘ', TODAY);
    expect(result.ok && result.value).toBe('11010519491231002X');
  });

  it('reads the sex from the 17th digit (odd is male)', () => {
    const result = checkResidentId('11010119900307803X', TODAY);
    expect(result.ok && result.sex).toBe('male');
  });

  it('computes the check character with weights 2^(17−i) mod 11', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('34130219850615001')).toBe(
      '10X98765432'.charAt(
        [3, 4, 1, 3, 0, 2, 1, 9, 8, 5, 0, 6, 1, 5, 0, 0, 1].reduce(
          (s, d, i) => s + d * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i]!,
          0,
        ) % 11,
      ),
    );
  });

  it('rejects a wrong check character', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toEqual({
      ok: false,
      message: '身份证号码校验位不正确，请核对后重新输入',
    });
  });

  it.each([
    ['19490230', '30 February'],
    ['19491301', 'month 13'],
    ['20230229', '29 February in a common year'],
    ['18991231', 'before 1900'],
  ])('rejects an impossible birth date %s (%s)', (date) => {
    const first17 = `110105${date}002`;
    const id = first17 + residentIdCheckChar(first17);
    expect(checkResidentId(id, TODAY)).toEqual({
      ok: false,
      message: '身份证号码中的出生日期无效',
    });
  });

  it('accepts 29 February in a leap year', () => {
    const first17 = '34130220000229001';
    expect(checkResidentId(first17 + residentIdCheckChar(first17), TODAY).ok).toBe(true);
  });

  it('rejects a birth date after today', () => {
    const first17 = '34130220261228001';
    expect(checkResidentId(first17 + residentIdCheckChar(first17), TODAY)).toEqual({
      ok: false,
      message: '身份证号码中的出生日期晚于今天',
    });
  });

  it('rejects an unknown province code, the old 15-digit form and letters', () => {
    const first17 = '99010519491231002';
    expect(checkResidentId(first17 + residentIdCheckChar(first17), TODAY).ok).toBe(false);
    expect(checkResidentId('110105491231002', TODAY)).toEqual({
      ok: false,
      message: '身份证号码应为18位，当前为15位',
    });
    expect(checkResidentId('1101051949123100AX', TODAY).ok).toBe(false);
  });

  it('the zod schema reports Chinese messages', () => {
    const failed = residentIdSchema.safeParse('');
    expect(failed.error?.issues[0]?.message).toBe('请填写身份证号码');
  });
});
