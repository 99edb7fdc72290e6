/**
 * Officer password hashing with scrypt (node:crypto), stored as
 *   scrypt$N$r$p$saltB64$hashB64
 * The parameters travel with the hash, so they can be raised later: `needsRehash` tells the
 * API to re-hash on the next successful login.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two */
  N: number;
  /** block size */
  r: number;
  /** parallelisation */
  p: number;
}

/**
 * N=2^15, r=8, p=3: one of OWASP's equivalent scrypt settings (as strong as N=2^17, p=1) with
 * 32 MiB of memory per hash instead of 128 MiB; ≈0.2 s on one core of the project machine.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse absurd parameters from a stored string (DoS guard). */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(
  password: string,
  salt: Buffer,
  keyLength: number,
  { N, r, p }: ScryptParams,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // node's default maxmem (32 MiB) is exactly 128·N·r for N=2^15, r=8: give headroom.
    const maxmem = 128 * N * r * 2 + 1024 * 1024;
    scrypt(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, KEY_BYTES, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,8}$/.test(s ?? '') ? Number(s) : NaN));
  if (N === undefined || r === undefined || p === undefined) return null;
  if (!(N > 1 && N <= MAX_N && (N & (N - 1)) === 0)) return null;
  if (!(r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || hash.length < 16) return null;
  return { params: { N, r, p }, salt, hash };
}

/**
 * True when `password` matches `stored`. A missing or malformed hash returns false after doing
 * the same amount of work, so callers can use it for unknown users without a timing leak.
 */
export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  const parsed = stored ? parse(stored) : null;
  if (!parsed) {
    await derive(password, randomBytes(SALT_BYTES), KEY_BYTES, DEFAULT_SCRYPT_PARAMS);
    return false;
  }
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when the stored hash is malformed or weaker than `params`. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const cost = (x: ScryptParams) => x.N * x.r * x.p;
  return (
    cost(parsed.params) < cost(params) || parsed.params.N * parsed.params.r < params.N * params.r
  );
}
