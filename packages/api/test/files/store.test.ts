import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileNotInStoreError, LocalFileStore, contentKey, sha256Hex } from '../../src/files';
import * as sample from './samples';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under a folder, relative paths. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('LocalFileStore', () => {
  let root: string;
  let store: LocalFileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kc-files-'));
    store = new LocalFileStore(join(root, 'files'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores content under <root>/ab/cd/<sha256> and gives the same bytes back', async () => {
    const bytes = sample.pdf();
    const sha256 = sha256Hex(bytes);
    expect(await store.has(sha256)).toBe(false);
    expect(await store.put(bytes)).toEqual({ sha256, size: bytes.length });
    expect(await store.has(sha256)).toBe(true);
    expect(await listFiles(store.root)).toEqual([
      join(sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    ]);
    expect(await readFile(join(store.root, contentKey(sha256)))).toEqual(bytes);
    expect(await readAll(await store.get(sha256))).toEqual(bytes);
  });

  it('is idempotent: identical content is stored once, also when written concurrently', async () => {
    const bytes = sample.png();
    const results = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)]);
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    await store.put(Buffer.from(bytes));
    // one file, and no temporary files left behind
    expect(await listFiles(store.root)).toHaveLength(1);
    await store.put(sample.jpeg());
    expect(await listFiles(store.root)).toHaveLength(2);
  });

  it('repairs a damaged copy when the same content is stored again', async () => {
    const bytes = sample.docx();
    const { sha256 } = await store.put(bytes);
    await writeFile(store.pathOf(sha256), bytes.subarray(0, 10));
    await store.put(bytes);
    expect(await readFile(store.pathOf(sha256))).toEqual(bytes);
  });

  it('fails clearly for content it does not hold, before any byte is streamed', async () => {
    const missing = sha256Hex(Buffer.from('never stored'));
    await expect(store.get(missing)).rejects.toBeInstanceOf(FileNotInStoreError);
  });

  it('refuses anything but a SHA-256 hex digest as a key (no path tricks)', async () => {
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'ab', `${'a'.repeat(63)}/`]) {
      await expect(store.get(bad)).rejects.toThrow(TypeError);
      await expect(store.has(bad)).rejects.toThrow(TypeError);
    }
  });

  it('creates its folder on first use', async () => {
    const deep = new LocalFileStore(join(root, 'a', 'b', 'c'));
    const { sha256 } = await deep.put(Buffer.from('x'));
    expect(await deep.has(sha256)).toBe(true);
  });
});
