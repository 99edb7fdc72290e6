import { describe, expect, it } from 'vitest';
import { checkMobile, maskMobile, maskResidentId, redactPII } from '../src';

describe('mainland mobile number', () => {
  it.each(['13912345678', '15055701234', '19955771234', '17712345678'])('accepts %s', (m) => {
    expect(checkMobile(m)).toEqual({ ok: true, value: m });
  });

  it('strips +86, 0086, spaces and dashes', () => {
    expect(checkMobile('+86 139-1234-5678')).toEqual({ ok: true, value: '13912345678' });
    expect(checkMobile('0086 13912345678')).toEqual({ ok: true, value: '13912345678' });
  });

  it.each([
    ['12912345678', '手机号码格式不正确（应以13–19开头）'],
    ['1391234567', '手机号码应为11位，当前为10位'],
    ['0557-3021234', '手机号码格式不正确（应以13–19开头）'],
    ['139abcd5678', '手机号码只能包含数字'],
    ['', '请填写手机号码'],
  ])('rejects %s', (m, message) => {
    expect(checkMobile(m)).toEqual({ ok: false, message });
  });
});

describe('masking personal data', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskMobile('13912345678')).toBe('139****5678');
  });

  it('keeps only the address code and the last four characters of an ID number', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('redacts ID and mobile numbers inside log text but leaves other numbers alone', () => {
    expect(redactPII('user 11010519491231002X called from 13912345678, order 20261127001')).toBe(
      'user 110105********002X called from 139****5678, order 20261127001',
    );
    expect(redactPII('{"mobile":"+8613912345678"}')).toBe('{"mobile":"139****5678"}');
    expect(redactPII('13912345678')).toBe('139****5678');
    expect(redactPII('11010519491231002X')).toBe('110105********002X');
    expect(redactPII('x139123456780')).toBe('x139123456780');
    expect(redactPII('电话13912345678。')).toBe('电话139****5678。');
    // URL-encoded: the number follows a hex letter (%3A is a colon).
    expect(redactPII('q=mobile%3A13912345678')).toBe('q=mobile%3A139****5678');
  });

  it('leaves identifiers alone whose groups happen to hold a phone-like run of digits', () => {
    const uuid = '76fe8625-038e-4bdb-85be-c15802980859';
    expect(redactPII(`{"fileId":"${uuid}"}`)).toBe(`{"fileId":"${uuid}"}`);
  });
});
