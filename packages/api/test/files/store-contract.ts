import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileStore } from '../../src/files';
import { FileNotInStoreError, contentKey, sha256Hex } from '../../src/files';
import * as sample from './samples';

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** One fresh, empty store, and a look behind it. */
export interface StoreUnderTest {
  store: FileStore;
  /** Every object or file the store holds, as `ab/cd/<sha256>` keys, sorted. */
  keys(): Promise<string[]>;
  /** Replaces the stored bytes behind the store's back (a damaged copy). */
  overwrite(sha256: string, bytes: Uint8Array): Promise<void>;
  teardown(): Promise<void>;
}

/** What every FileStore must do, whatever holds the bytes. */
export function fileStoreContract(name: string, setup: () => Promise<StoreUnderTest>) {
  describe(`FileStore contract: ${name}`, () => {
    let s: StoreUnderTest;
    beforeEach(async () => {
      s = await setup();
    });
    afterEach(async () => {
      await s.teardown();
    });

    it('stores content under ab/cd/<sha256> and gives the same bytes back', async () => {
      const bytes = sample.pdf();
      const sha256 = sha256Hex(bytes);
      expect(await s.store.has(sha256)).toBe(false);
      expect(await s.store.put(bytes)).toEqual({ sha256, size: bytes.length });
      expect(await s.store.has(sha256)).toBe(true);
      expect(await s.keys()).toEqual([contentKey(sha256)]);
      expect(contentKey(sha256)).toBe(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
      expect(await readAll(await s.store.get(sha256))).toEqual(bytes);
    });

    it('is idempotent: identical content is stored once, also when written concurrently', async () => {
      const bytes = sample.png();
      const results = await Promise.all([
        s.store.put(bytes),
        s.store.put(bytes),
        s.store.put(bytes),
      ]);
      expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
      await s.store.put(Buffer.from(bytes));
      // one object, and nothing temporary left behind
      expect(await s.keys()).toHaveLength(1);
      await s.store.put(sample.jpeg());
      expect(await s.keys()).toHaveLength(2);
      expect(await readAll(await s.store.get(results[0]!.sha256))).toEqual(bytes);
    });

    it('repairs a damaged copy when the same content is stored again', async () => {
      const bytes = sample.docx();
      const { sha256 } = await s.store.put(bytes);
      await s.overwrite(sha256, bytes.subarray(0, 10));
      await s.store.put(bytes);
      expect(await readAll(await s.store.get(sha256))).toEqual(bytes);
    });

    it('streams a larger file back intact', async () => {
      const bytes = randomBytes(3 * 1024 * 1024 + 7);
      const { sha256, size } = await s.store.put(bytes);
      expect(size).toBe(bytes.length);
      const stream = await s.store.get(sha256);
      let chunks = 0;
      const got: Buffer[] = [];
      for await (const chunk of stream) {
        chunks += 1;
        got.push(chunk as Buffer);
      }
      expect(chunks).toBeGreaterThan(1);
      expect(sha256Hex(Buffer.concat(got))).toBe(sha256);
    });

    it('fails clearly for content it does not hold, before any byte is streamed', async () => {
      const missing = sha256Hex(Buffer.from('never stored'));
      await expect(s.store.get(missing)).rejects.toBeInstanceOf(FileNotInStoreError);
      expect(await s.store.has(missing)).toBe(false);
    });

    it('refuses anything but a SHA-256 hex digest as a key (no path tricks)', async () => {
      for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'ab', `${'a'.repeat(63)}/`]) {
        await expect(s.store.get(bad)).rejects.toThrow(TypeError);
        await expect(s.store.has(bad)).rejects.toThrow(TypeError);
      }
    });
  });
}
