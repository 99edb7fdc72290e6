/**
 * A request number (`idempotencyKey`, UUID v4) for one intended write, kept by the page and sent
 * again when the write is retried (see packages/api idempotency.ts).
 *
 * WeChat's JS runtime has no Web Crypto (its own random API is asynchronous). The number only has
 * to be unique, not secret (the server also compares the caller), so Math.random fills in where
 * `crypto.getRandomValues` is missing.
 */
export function newRequestKey(): string {
  const bytes = new Uint8Array(16);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => void } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
