import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Api } from './api';
import { apiClient } from './api';

/*
 * Officers' login steps (issue 12): the forced password change, and TOTP codes computed here
 * from the secret the enrolment screen shows as text (what an officer types into an app).
 */

/** Base32 (RFC 4648) → bytes. */
function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(ch);
    if (value < 0) throw new Error(`not base32: ${ch}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/**
 * The 6-digit code an authenticator app shows for `secret` at `at` (RFC 6238: HMAC-SHA1, 30 s).
 * Written out here rather than taken from the API's library, so the test checks interoperability.
 */
export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/** A 6-digit code that none of the three steps around `at` would accept. */
export function wrongTotpCode(secret: string, at = Date.now()): string {
  const valid = new Set([-1, 0, 1].map((d) => totpCode(secret, at + d * 30_000)));
  for (let n = 123456; ; n = (n + 1) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** On the login page's 修改初始密码 step: sets `next` in place of the given `current`. */
export async function changePasswordAtLogin(page: Page, current: string, next: string) {
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-new').fill(next);
  await page.getByTestId('password-confirm').fill(next);
  await page.getByTestId('password-submit').click();
}

/**
 * A new officer ready to sign in with `password`: the admin creates the account with a temporary
 * password, and the officer's first login replaces it (an admin-set password must be changed).
 */
export async function createReadyOfficer(
  apiUrl: string,
  admin: Api,
  input: Parameters<Api['officers']['create']['mutate']>[0] & { password: string },
) {
  const temporary = `${input.password}-tmp`;
  await admin.officers.create.mutate({ ...input, password: temporary });
  const login = await apiClient(apiUrl).auth.officerLogin.mutate({
    username: input.username,
    password: temporary,
  });
  await apiClient(apiUrl, login.token).officerSecurity.changePassword.mutate({
    currentPassword: temporary,
    newPassword: input.password,
  });
}
