import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/caller';
import { AppErrorCause } from '../../src/errors';
import type { FileServiceDeps } from '../../src/files';
import {
  ACCEPTED_TYPES_TEXT,
  FileRejectedError,
  LocalFileStore,
  createFileService,
  memoryFileRecords,
  sha256Hex,
} from '../../src/files';
import * as sample from './samples';

const alice: Caller = {
  kind: 'applicant',
  userId: '00000000-0000-4000-8000-00000000a11c',
  sessionId: 's1',
  openid: 'o-alice',
};
const bob: Caller = {
  kind: 'applicant',
  userId: '00000000-0000-4000-8000-000000000b0b',
  sessionId: 's2',
  openid: 'o-bob',
};
const officer: Caller = {
  kind: 'officer',
  userId: '00000000-0000-4000-8000-0000000000ff',
  sessionId: 's3',
  username: 'yongqiao',
  displayName: '埇桥区管理员',
  role: 'area-officer',
  areaCode: 'yongqiao',
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The error's stable code, whichever kind was thrown. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileRejectedError) return error.appCode;
    if (error instanceof TRPCError && error.cause instanceof AppErrorCause)
      return error.cause.appCode;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the file service', () => {
  let root: string;
  let audits: { data: Record<string, unknown> }[];
  let records: ReturnType<typeof memoryFileRecords>;
  let files: ReturnType<typeof createFileService>;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kc-files-'));
    audits = [];
    records = memoryFileRecords();
    const audit = {
      auditLog: {
        create: async (args: { data: Record<string, unknown> }) => {
          audits.push(args);
          return args.data;
        },
      },
    } as unknown as FileServiceDeps['audit'];
    files = createFileService({
      store: new LocalFileStore(root),
      records,
      maxBytes: 64 * 1024,
      audit,
      now: () => new Date('2026-11-27T02:00:00Z'),
    });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores an applicant’s evidence and describes it by its content', async () => {
    const bytes = sample.pdf();
    const up = await files.uploadEvidence({
      caller: alice,
      bytes,
      originalName: 'C:\\fakepath\\技术合同.pdf',
    });
    expect(up).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sha256: sha256Hex(bytes),
      sizeBytes: bytes.length,
      mimeType: 'application/pdf',
      originalName: '技术合同.pdf',
    });
    expect(records.all()[0]?.ownerUserId).toBe(alice.userId);
  });

  it('judges the type by content, not by the name', async () => {
    const photo = await files.uploadEvidence({
      caller: alice,
      bytes: sample.heic(),
      originalName: 'IMG_0001.pdf',
    });
    expect(photo.mimeType).toBe('image/heic');
    const dl = await files.openForDownload({ caller: alice, fileId: photo.id });
    expect(dl.downloadName).toBe('IMG_0001.pdf.heic');
    dl.stream.destroy();
  });

  it('refuses a program renamed .pdf, an HTML page, an empty file, and too large a file', async () => {
    const exe = files.uploadEvidence({ caller: alice, bytes: sample.exe(), originalName: 'a.pdf' });
    await expect(exe).rejects.toMatchObject({
      appCode: 'FILE_TYPE_NOT_ALLOWED',
      httpStatus: 415,
      message: `不支持该文件类型。${ACCEPTED_TYPES_TEXT}`,
    });
    expect(await codeOf(files.uploadEvidence({ caller: alice, bytes: sample.html() }))).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    await expect(
      files.uploadEvidence({ caller: alice, bytes: new Uint8Array(0) }),
    ).rejects.toMatchObject({ appCode: 'FILE_EMPTY', httpStatus: 400 });
    const big = Buffer.concat([sample.pdf(), Buffer.alloc(64 * 1024)]);
    await expect(files.uploadEvidence({ caller: alice, bytes: big })).rejects.toMatchObject({
      appCode: 'FILE_TOO_LARGE',
      httpStatus: 413,
      message: '文件过大：单个文件不能超过 64 KB，请压缩或分开上传',
    });
    // Nothing refused reached the disk or the records.
    expect(await readdir(root)).toEqual([]);
    expect(records.all()).toEqual([]);
  });

  it('lets only applicants upload', async () => {
    expect(await codeOf(files.uploadEvidence({ caller: null, bytes: sample.pdf() }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await codeOf(files.uploadEvidence({ caller: officer, bytes: sample.pdf() }))).toBe(
      'FORBIDDEN',
    );
    expect(() => files.assertMayUpload(null)).toThrow(TRPCError);
  });

  it('keeps one copy of identical bytes, and one record per owner', async () => {
    const bytes = sample.png();
    const a1 = await files.uploadEvidence({ caller: alice, bytes, originalName: '一.png' });
    const a2 = await files.uploadEvidence({ caller: alice, bytes, originalName: '二.png' });
    const b1 = await files.uploadEvidence({ caller: bob, bytes, originalName: '三.png' });
    expect(a2).toEqual(a1); // the same person again: the same record, first name kept
    expect(b1.id).not.toBe(a1.id);
    expect(b1.sha256).toBe(a1.sha256);
    const onDisk = await readdir(root, { recursive: true, withFileTypes: true });
    expect(onDisk.filter((e) => e.isFile())).toHaveLength(1);
  });

  it('gives the owner their file back, byte for byte', async () => {
    const bytes = sample.docx();
    const up = await files.uploadEvidence({ caller: alice, bytes, originalName: '合同' });
    const dl = await files.openForDownload({ caller: alice, fileId: up.id });
    expect(dl.downloadName).toBe('合同.docx');
    expect(dl.file.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await readAll(dl.stream)).toEqual(bytes);
    expect(audits).toEqual([]); // owners' own downloads are not audited
  });

  it('answers NOT_FOUND to everyone else, exactly as for a missing file', async () => {
    const up = await files.uploadEvidence({ caller: alice, bytes: sample.pdf() });
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const fileId of [up.id, missing, 'not-a-uuid', '../../etc/passwd']) {
      expect(await codeOf(files.openForDownload({ caller: bob, fileId }))).toBe('NOT_FOUND');
    }
    // An officer without a grant (the default until the API supplies the rule).
    expect(await codeOf(files.openForDownload({ caller: officer, fileId: up.id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(
        files.openForDownload({ caller: officer, fileId: up.id, canOfficerSee: () => false }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(files.openForDownload({ caller: null, fileId: up.id }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(audits).toEqual([]);
  });

  it('lets a colleague download when the organisation’s rule grants it, unaudited', async () => {
    const bytes = sample.pdf();
    const up = await files.uploadEvidence({ caller: alice, bytes, originalName: '信用承诺书.pdf' });
    const colleagues = (caller: { userId: string }) => caller.userId === bob.userId;
    const dl = await files.openForDownload({
      caller: bob,
      fileId: up.id,
      canApplicantSee: colleagues,
    });
    expect(await readAll(dl.stream)).toEqual(bytes);
    expect(
      await codeOf(
        files.openForDownload({ caller: bob, fileId: up.id, canApplicantSee: () => false }),
      ),
    ).toBe('NOT_FOUND');
    expect(audits).toEqual([]);
  });

  it('lets an officer download when authorised, and audits every such download', async () => {
    const bytes = sample.jpeg();
    const up = await files.uploadEvidence({ caller: alice, bytes, originalName: '转账凭证.jpg' });
    const seen: string[] = [];
    const dl = await files.openForDownload({
      caller: officer,
      fileId: up.id.toUpperCase(),
      ip: '10.0.0.7',
      canOfficerSee: async (who, file) => {
        seen.push(`${who.username}:${file.id}`);
        return { areaCode: 'yongqiao', details: { applicationId: 'app-1' } };
      },
    });
    expect(await readAll(dl.stream)).toEqual(bytes);
    expect(seen).toEqual([`yongqiao:${up.id}`]);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toMatchObject({
      actorUserId: officer.userId,
      actorRole: 'area-officer',
      action: 'file.download',
      objectType: 'stored_file',
      objectId: up.id,
      areaCode: 'yongqiao',
      ip: '10.0.0.7',
      details: {
        applicationId: 'app-1',
        ownerUserId: alice.userId,
        originalName: '转账凭证.jpg',
        mimeType: 'image/jpeg',
        sizeBytes: bytes.length,
      },
    });
    const again = await files.openForDownload({
      caller: officer,
      fileId: up.id,
      canOfficerSee: () => true,
    });
    again.stream.destroy();
    expect(audits).toHaveLength(2);
    expect(audits[1]?.data).toMatchObject({ areaCode: null });
  });

  it('refuses an officer download when the audit record cannot be written', async () => {
    const up = await files.uploadEvidence({ caller: alice, bytes: sample.pdf() });
    const broken = createFileService({
      store: new LocalFileStore(root),
      records,
      maxBytes: 1024,
      audit: {
        auditLog: {
          create: async () => {
            throw new Error('database down');
          },
        },
      } as unknown as FileServiceDeps['audit'],
      now: () => new Date('2026-11-27T02:00:00Z'),
    });
    await expect(
      broken.openForDownload({ caller: officer, fileId: up.id, canOfficerSee: () => true }),
    ).rejects.toThrow('database down');
  });
});
