import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the API must read back (officers' TOTP secrets) are stored encrypted with
 * AES-256-GCM: `v1:` + base64url(12-byte IV | 16-byte tag | ciphertext). The version prefix
 * leaves room for a new key or algorithm without guessing what a stored value is.
 */
const PREFIX = 'v1:';

/** A 32-byte key written as 64 hex digits or as base64; null when it is neither. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

function keyOf(text: string): Buffer {
  const key = parseSecretKey(text);
  if (!key) throw new Error('officer secret key must be 32 bytes, as base64 or 64 hex digits');
  return key;
}

export function sealSecret(plain: string, keyText: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keyText), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The clear secret; throws when the value was not sealed with this key (or was altered). */
export function openSecret(sealed: string, keyText: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('unknown secret format');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyText), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
