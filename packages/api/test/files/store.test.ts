import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from '../../src/files';
import { fileStoreContract } from './store-contract';

/** Every file under a folder, as `/`-separated relative paths. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split(/[\\/]/)
        .join('/'),
    )
    .sort();
}

fileStoreContract('LocalFileStore', async () => {
  const root = await mkdtemp(join(tmpdir(), 'kc-files-'));
  const store = new LocalFileStore(join(root, 'files'));
  return {
    store,
    keys: () => listFiles(store.root).catch(() => []),
    overwrite: (sha256, bytes) => writeFile(store.pathOf(sha256), bytes),
    teardown: () => rm(root, { recursive: true, force: true }),
  };
});

describe('LocalFileStore', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kc-files-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates its folder on first use', async () => {
    const deep = new LocalFileStore(join(root, 'a', 'b', 'c'));
    const { sha256 } = await deep.put(Buffer.from('x'));
    expect(await deep.has(sha256)).toBe(true);
    expect(await listFiles(deep.root)).toEqual([
      `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`,
    ]);
  });
});
