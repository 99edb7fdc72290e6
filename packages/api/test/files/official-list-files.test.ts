import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/caller';
import { AppErrorCause } from '../../src/errors';
import type { FileServiceDeps } from '../../src/files';
import {
  FileRejectedError,
  LIST_MAX_BYTES,
  LIST_TYPES_TEXT,
  LocalFileStore,
  createFileService,
  decodeCsvText,
  memoryFileRecords,
  sniffListFile,
} from '../../src/files';
import { parseCsv } from '../../src/organisations/official-lists/csv';
import { cellText } from '../../src/organisations/official-lists/read-list';
import * as sample from './samples';

/** GBK bytes of 企业名称 (what Excel on Chinese Windows writes for a .csv). */
const GBK_HEADER = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const kindOf = (bytes: Uint8Array) => {
  const r = sniffListFile(bytes);
  return r.ok ? `${r.type.kind}${r.encoding ? `:${r.encoding}` : ''}` : r.reason;
};
const messageOf = (bytes: Uint8Array) => {
  const r = sniffListFile(bytes);
  if (r.ok) throw new Error(`accepted as ${r.type.kind}`);
  return r.message;
};

describe('sniffListFile: an official list is an .xlsx or CSV text', () => {
  it('accepts an .xlsx workbook and CSV in UTF-8 (with or without BOM) or GBK', () => {
    expect(kindOf(sample.xlsx())).toBe('xlsx');
    expect(kindOf(Buffer.from('企业名称,证书编号\r\n'))).toBe('csv:utf-8');
    expect(kindOf(Buffer.concat([UTF8_BOM, Buffer.from('企业名称\r\n')]))).toBe('csv:utf-8');
    expect(kindOf(Buffer.concat([GBK_HEADER, Buffer.from(',GR\r\n')]))).toBe('csv:gbk');
  });

  it('decodes GBK text to the characters Excel saved', () => {
    expect(decodeCsvText(GBK_HEADER)).toEqual({ text: '企业名称', encoding: 'gbk' });
    expect(decodeCsvText(Buffer.concat([UTF8_BOM, Buffer.from('名称')]))).toEqual({
      text: '名称',
      encoding: 'utf-8',
    });
  });

  it('refuses other files, saying what to upload instead', () => {
    expect(messageOf(sample.pdf())).toBe(`名单文件只能是表格。${LIST_TYPES_TEXT}`);
    expect(messageOf(sample.docx())).toBe(`名单文件只能是表格。${LIST_TYPES_TEXT}`);
    expect(messageOf(sample.legacyDoc())).toBe(
      `不支持旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx。${LIST_TYPES_TEXT}`,
    );
    expect(messageOf(sample.zip({ 'a.txt': 'x' }))).toContain('不是有效的 Excel 文件');
    // UTF-16 (Excel's “Unicode 文本”) and binary data are not CSV.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('企业名称', 'utf16le')]);
    expect(messageOf(utf16)).toContain('CSV 文件须为 UTF-8 或 GBK 编码');
    expect(kindOf(sample.exe())).toBe('unsupported');
    expect(kindOf(Buffer.alloc(0))).toBe('empty');
    expect(kindOf(Buffer.from(' \r\n\r\n'))).toBe('empty');
  });
});

describe('reading CSV (RFC 4180, as Excel writes it)', () => {
  it('splits fields on commas and records on CRLF, LF or CR', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
      { line: 4, fields: ['g', 'h'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes, counting lines', () => {
    expect(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nnext,,\r\n')).toEqual([
      { line: 1, fields: ['a,1', 'say "hi"', 'two\r\nlines'] },
      { line: 3, fields: ['next', '', ''] },
    ]);
  });

  it('keeps a quote inside an unquoted field, and empty quoted fields', () => {
    expect(parseCsv('12"3,"",x')).toEqual([{ line: 1, fields: ['12"3', '', 'x'] }]);
  });

  it('names the line of a quote left open', () => {
    expect(() => parseCsv('a,b\r\nc,"d\r\ne')).toThrow('第 2 行的引号没有闭合');
  });
});

describe('cells of an .xlsx as text', () => {
  it('reads dates, whole numbers, rich text and formula results as a person sees them', () => {
    expect(cellText(new Date('2026-10-15T00:00:00Z'))).toBe('2026-10-15');
    expect(cellText(341302123456789)).toBe('341302123456789');
    // A long code Excel stored as a number (its last digits already lost) is never 1.2E+18.
    expect(cellText(2 ** 60)).toMatch(/^\d{19}$/);
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText({ richText: [{ text: 'GR2026' }, { text: '34000101' }] })).toBe(
      'GR202634000101',
    );
    expect(cellText({ formula: 'A1', result: '首次认定' })).toBe('首次认定');
    expect(cellText({ text: '安徽宿氢', hyperlink: 'https://example.cn' })).toBe('安徽宿氢');
    expect(cellText(null)).toBe('');
  });
});

describe('the file service: uploading an official list', () => {
  const applicant: Caller = {
    kind: 'applicant',
    userId: '00000000-0000-4000-8000-00000000a11c',
    sessionId: 's1',
    openid: 'o-alice',
  };
  const officer = (role: 'bureau-admin' | 'bureau-reviewer'): Caller => ({
    kind: 'officer',
    userId: '00000000-0000-4000-8000-0000000000ad',
    sessionId: 's2',
    username: role,
    displayName: '局管理员',
    role,
    areaCode: null,
  });

  async function service() {
    return createFileService({
      store: new LocalFileStore(await mkdtemp(join(tmpdir(), 'kc-list-files-'))),
      records: memoryFileRecords(),
      maxBytes: 10 * 1024 * 1024,
      audit: {} as FileServiceDeps['audit'],
      now: () => new Date('2026-11-27T02:00:00Z'),
    });
  }

  async function refusal(promise: Promise<unknown>) {
    try {
      await promise;
    } catch (error) {
      if (error instanceof FileRejectedError)
        return { code: error.appCode, message: error.message };
      if (error instanceof TRPCError && error.cause instanceof AppErrorCause)
        return { code: error.cause.appCode, message: error.message };
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('stores a CSV list of the bureau administrator as text/csv', async () => {
    const files = await service();
    const up = await files.uploadOfficialList({
      caller: officer('bureau-admin'),
      bytes: Buffer.from('证书编号,企业名称\r\n'),
      originalName: '名单.csv',
    });
    expect(up).toMatchObject({ mimeType: 'text/csv', originalName: '名单.csv' });
    expect(files.listMaxBytes).toBe(LIST_MAX_BYTES);
  });

  it('refuses everyone else, in Chinese', async () => {
    const files = await service();
    for (const caller of [applicant, officer('bureau-reviewer')]) {
      expect(
        await refusal(files.uploadOfficialList({ caller, bytes: Buffer.from('a,b\r\n') })),
      ).toEqual({ code: 'FORBIDDEN', message: '只有局管理员可以导入官方认定名单' });
    }
    expect(
      await refusal(files.uploadOfficialList({ caller: null, bytes: Buffer.from('a') })),
    ).toEqual({
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    });
  });

  it('refuses a list over 5 MB and a file that is not a list', async () => {
    const files = await service();
    const big = Buffer.alloc(LIST_MAX_BYTES + 1, 0x41);
    expect(
      await refusal(files.uploadOfficialList({ caller: officer('bureau-admin'), bytes: big })),
    ).toEqual({
      code: 'FILE_TOO_LARGE',
      message: '文件过大：单个文件不能超过 5 MB，请压缩或分开上传',
    });
    expect(
      await refusal(
        files.uploadOfficialList({ caller: officer('bureau-admin'), bytes: sample.pdf() }),
      ),
    ).toEqual({ code: 'FILE_TYPE_NOT_ALLOWED', message: `名单文件只能是表格。${LIST_TYPES_TEXT}` });
  });

  it('still refuses a CSV as evidence', async () => {
    const files = await service();
    expect(
      (await refusal(files.uploadEvidence({ caller: applicant, bytes: Buffer.from('a,b\r\n') })))
        .code,
    ).toBe('FILE_TYPE_NOT_ALLOWED');
  });
});
