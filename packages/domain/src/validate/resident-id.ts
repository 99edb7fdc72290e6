import { z } from 'zod';
import { plainString } from './safe-text';
import type { Checked } from './result';
import { normaliseCode } from './text';

/**
 * Resident identity card number (公民身份号码), GB 11643-1999: 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd = male), check character.
 */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const CHECK_CHARS = '10X98765432';
/** First two digits: provinces, autonomous regions and municipalities (GB/T 2260), plus 71/81/82. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type ResidentIdFacts = { birthDate: string; sex: 'male' | 'female' };

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `today` is injectable so the "not in the future" check is testable. */
export function checkResidentId(input: string, today: Date = new Date()): Checked<ResidentIdFacts> {
  const value = normaliseCode(input);
  if (value.length === 0) return { ok: false, message: '请填写身份证号码' };
  if (value.length !== 18)
    return { ok: false, message: `身份证号码应为18位，当前为${value.length}位` };
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, message: '身份证号码前17位应为数字，最后一位为数字或X' };
  }
  if (!PROVINCES.has(value.slice(0, 2))) {
    return { ok: false, message: '身份证号码前两位（省级行政区划代码）无效' };
  }
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) {
    return { ok: false, message: '身份证号码中的出生日期无效' };
  }
  const birth = Date.UTC(y, m - 1, d);
  if (birth > today.getTime()) return { ok: false, message: '身份证号码中的出生日期晚于今天' };
  if (residentIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, message: '身份证号码校验位不正确，请核对后重新输入' };
  }
  const sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return {
    ok: true,
    value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex,
  };
}

export const residentIdSchema = plainString({ error: '请填写身份证号码' }).transform((raw, ctx) => {
  const result = checkResidentId(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
});
