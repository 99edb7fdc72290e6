import { z } from 'zod';
import { plainString } from './safe-text';
import type { Checked } from './result';
import { toHalfWidth } from './text';

/** Mainland China mobile numbers: 11 digits starting 13–19. Accepts +86 / 0086 prefixes and separators. */
export function checkMobile(input: string): Checked {
  const value = toHalfWidth(input)
    .replace(/[\s()-]/g, '')
    .replace(/^(\+86|0086)/, '');
  if (value.length === 0) return { ok: false, message: '请填写手机号码' };
  if (!/^\d+$/.test(value)) return { ok: false, message: '手机号码只能包含数字' };
  if (value.length !== 11)
    return { ok: false, message: `手机号码应为11位，当前为${value.length}位` };
  if (!/^1[3-9]\d{9}$/.test(value))
    return { ok: false, message: '手机号码格式不正确（应以13–19开头）' };
  return { ok: true, value };
}

export const mobileSchema = plainString({ error: '请填写手机号码' }).transform((raw, ctx) => {
  const result = checkMobile(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
});
