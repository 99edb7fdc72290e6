import { z } from 'zod';
import { plainString } from './safe-text';
import type { Checked } from './result';
import { normaliseCode } from './text';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registration authority (1), organisation category (1), administrative
 * division (6 digits), organisation code (9), check character (1).
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i−1) mod 31 for i = 1…17 (1, 3, 9, 27, 19, 26, …), by repeated multiplication mod 31. */
const WEIGHTS: number[] = [];
for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) WEIGHTS.push(w);
/** Registration authority codes defined by the standard (1 机构编制 … 9 市场监管, A, N, Y). */
const AUTHORITIES = '123456789ANY';

export function normaliseCreditCode(input: string): string {
  return normaliseCode(input);
}

/** The check character for the first 17 characters (which must be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return CHARSET.charAt(check);
}

export function checkCreditCode(input: string): Checked {
  const value = normaliseCreditCode(input);
  if (value.length === 0) return { ok: false, message: '请填写统一社会信用代码' };
  if (value.length !== 18) {
    return { ok: false, message: `统一社会信用代码应为18位，当前为${value.length}位` };
  }
  const bad = [...value].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) {
    return {
      ok: false,
      message: `统一社会信用代码含有不允许的字符“${bad}”（不使用 I、O、Z、S、V）`,
    };
  }
  if (!AUTHORITIES.includes(value.charAt(0))) {
    return { ok: false, message: '统一社会信用代码第1位（登记管理部门代码）无效' };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, message: '统一社会信用代码第3–8位应为行政区划代码（数字）' };
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, message: '统一社会信用代码校验位不正确，请核对后重新输入' };
  }
  return { ok: true, value };
}

export const creditCodeSchema = plainString({ error: '请填写统一社会信用代码' }).transform(
  (raw, ctx) => {
    const result = checkCreditCode(raw);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  },
);

/**
 * A credit code a form may leave empty (a researcher's institution): blank is "not given", anything
 * else must be a valid code and is refused with the same reason as a required one.
 */
export const optionalCreditCodeSchema = plainString({ error: '请填写统一社会信用代码' })
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const result = checkCreditCode(raw);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  });
