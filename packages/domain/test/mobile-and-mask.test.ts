import { describe, expect, it } from 'vitest';
import { checkMobile, findUnmaskedPII, maskMobile, maskResidentId, redactPII } from '../src';

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

  it('redacts numbers right after percent-encoding, which ends in a digit or hex letter', () => {
    // A search sent in a GET query: {"q":"13912345678"} → %7B%22q%22%3A%2213912345678%22%7D
    expect(redactPII('%22q%22%3A%2213912345678%22')).toBe('%22q%22%3A%22139****5678%22');
    expect(redactPII('%3A%2211010519491231002X%22')).toBe('%3A%22110105********002X%22');
    expect(redactPII('q%3D%2011010519491231002X')).toBe('q%3D%20110105********002X');
    // Encoded twice (%25 is the percent sign), and a JSON \u escape.
    expect(redactPII('%252213912345678')).toBe('%2522139****5678');
    expect(redactPII('\\u002213912345678')).toBe('\\u0022139****5678');
    // Still no match inside longer runs of digits.
    expect(redactPII('%22139123456789%22')).toBe('%22139123456789%22');
  });

  it('finds unmasked numbers in a log, encoded or not, and ignores ids, hashes and times', () => {
    expect(findUnmaskedPII('url /x?q=%2213912345678%22 id 11010519491231002X')).toEqual([
      '13912345678',
      '11010519491231002X',
    ]);
    expect(findUnmaskedPII('%252211010519491231002X%2522')).toEqual(['11010519491231002X']);
    expect(
      findUnmaskedPII(
        '{"time":1796407900858,"responseTime":7.13912345678,"fileId":"76fe8625-038e-4bdb-85be-c15802980859","m":"139****5678"}',
      ),
    ).toEqual([]);
    expect(findUnmaskedPII('sha ' + 'ab'.repeat(10) + '13912345678' + 'cd'.repeat(10))).toEqual([]);
  });

  it('leaves identifiers alone whose groups happen to hold a phone-like run of digits', () => {
    const uuid = '76fe8625-038e-4bdb-85be-c15802980859';
    expect(redactPII(`{"fileId":"${uuid}"}`)).toBe(`{"fileId":"${uuid}"}`);
    // A panel draw's seed (and a sha-256): the audit record must keep it whole to replay the draw.
    const seed = 'fe6ffb563ff6420e9bf18544436501ee';
    expect(redactPII(`{"seed":"${seed}","pool":6}`)).toBe(`{"seed":"${seed}","pool":6}`);
    const sha = `${'0a'.repeat(10)}13912345678${'bc'.repeat(16)}`;
    expect(redactPII(sha)).toBe(sha);
    // A phone number beside them is still masked.
    expect(redactPII(`{"seed":"${seed}","mobile":"13912345678"}`)).toBe(
      `{"seed":"${seed}","mobile":"139****5678"}`,
    );
  });
});
