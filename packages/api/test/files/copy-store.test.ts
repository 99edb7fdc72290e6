import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LocalFileStore,
  S3FileStore,
  copyLocalFiles,
  missingFromStore,
  sha256Hex,
} from '../../src/files';
import { startTestS3 } from './s3rver';
import type { TestS3 } from './s3rver';
import { readAll } from './store-contract';
import * as sample from './samples';

/** Moving an existing local folder into the bucket (FILE_STORE=local → s3). */
let s3: TestS3;
let bucket: S3FileStore;
let root: string;
let local: LocalFileStore;

beforeAll(async () => {
  s3 = await startTestS3('kc-copy-test');
  bucket = S3FileStore.fromSettings(s3.settings);
});
afterAll(async () => {
  bucket?.client.destroy();
  await s3?.stop();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kc-copy-'));
  local = new LocalFileStore(join(root, 'files'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('copyLocalFiles', () => {
  it('copies every stored file once, and a second run copies only what is new', async () => {
    const files = [sample.pdf(), sample.png(), sample.jpeg()];
    const shas = [];
    for (const bytes of files) shas.push((await local.put(bytes)).sha256);
    // Leftovers that are not stored files.
    await writeFile(join(local.root, shas[0]!.slice(0, 2), `.${shas[0]}.abc.tmp`), 'half');
    await writeFile(join(local.root, 'README'), 'x');

    const first = await copyLocalFiles(local, bucket);
    expect(first.copied).toBe(3);
    expect(first.present).toBe(0);
    expect(first.damaged).toEqual([]);
    expect(first.skipped).toEqual(['README', `${shas[0]!.slice(0, 2)}/.${shas[0]}.abc.tmp`].sort());
    for (const [i, sha] of shas.entries()) {
      expect(await readAll(await bucket.get(sha))).toEqual(files[i]);
    }

    const docx = sample.docx();
    await local.put(docx);
    const second = await copyLocalFiles(local, bucket);
    expect(second).toMatchObject({ copied: 1, present: 3 });
    expect(await missingFromStore(bucket, [...shas, sha256Hex(docx)])).toEqual([]);
  });

  it('does not copy a file whose content no longer matches its name', async () => {
    const bytes = Buffer.from('the real content');
    const { sha256 } = await local.put(bytes);
    await writeFile(local.pathOf(sha256), 'bit rot');
    const report = await copyLocalFiles(local, bucket);
    expect(report.copied).toBe(0);
    expect(report.damaged).toEqual([`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`]);
    expect(await bucket.has(sha256)).toBe(false);
    expect(await missingFromStore(bucket, [sha256, sha256])).toEqual([sha256]);
  });

  it('skips a file under the wrong folder, and copies nothing from a folder that is not there', async () => {
    const sha = sha256Hex(Buffer.from('misplaced'));
    const wrong = join(local.root, 'zz', sha.slice(2, 4), sha);
    await mkdir(dirname(wrong), { recursive: true });
    await writeFile(wrong, 'misplaced');
    expect((await copyLocalFiles(local, bucket)).skipped).toEqual([`zz/${sha.slice(2, 4)}/${sha}`]);
    const none = await copyLocalFiles(new LocalFileStore(join(root, 'absent')), bucket);
    expect(none).toEqual({ copied: 0, present: 0, damaged: [], skipped: [] });
  });
});
