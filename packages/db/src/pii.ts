/**
 * Personal data helpers shared by the API and the seed.
 * A resident ID number (居民身份证号码) is never stored: only an HMAC (to find duplicates)
 * and a masked form (to show).
 */
import { createHmac } from 'node:crypto';
import { DEV_PII_HASH_KEY, readDbEnv } from './env';

function piiHashKey(): string {
  const env = readDbEnv();
  if (env.piiHashKey) return env.piiHashKey;
  if (env.production)
    throw new Error('PII_HASH_KEY must be set in production (resident ID hashes depend on it).');
  return DEV_PII_HASH_KEY;
}

/** Upper-case, no spaces: the form that is hashed. */
export function normaliseResidentId(residentId: string): string {
  return residentId.replace(/\s+/g, '').toUpperCase();
}

/** HMAC-SHA256 (hex) of the normalised resident ID number, keyed by PII_HASH_KEY. */
export function hashResidentId(residentId: string, key: string = piiHashKey()): string {
  return createHmac('sha256', key).update(normaliseResidentId(residentId), 'utf8').digest('hex');
}
