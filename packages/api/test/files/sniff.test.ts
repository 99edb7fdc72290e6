import { describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES_TEXT, sniffFileType } from '../../src/files';
import * as sample from './samples';

const kindOf = (bytes: Uint8Array) => {
  const r = sniffFileType(bytes);
  return r.ok ? r.type.kind : r.reason;
};
const messageOf = (bytes: Uint8Array) => {
  const r = sniffFileType(bytes);
  if (r.ok) throw new Error(`accepted as ${r.type.kind}`);
  return r.message;
};

describe('sniffFileType: the type comes from the bytes', () => {
  it('recognises every accepted type with its MIME type', () => {
    const cases = [
      [sample.pdf(), 'pdf', 'application/pdf'],
      [sample.jpeg(), 'jpeg', 'image/jpeg'],
      [sample.png(), 'png', 'image/png'],
      [sample.webp(), 'webp', 'image/webp'],
      [sample.heic(), 'heic', 'image/heic'],
      [
        sample.docx(),
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [sample.xlsx(), 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const;
    for (const [bytes, kind, mimeType] of cases) {
      expect(sniffFileType(bytes)).toMatchObject({ ok: true, type: { kind, mimeType } });
    }
  });

  it('accepts HEIF variants phones write (mif1 major brand, heix) but not AVIF or video', () => {
    expect(kindOf(sample.isoBmff('mif1', ['mif1', 'heic']))).toBe('heic');
    expect(kindOf(sample.isoBmff('heix', ['mif1', 'heix']))).toBe('heic');
    expect(kindOf(sample.isoBmff('mif1', ['mif1', 'miaf']))).toBe('heic');
    expect(kindOf(sample.isoBmff('avif', ['avif', 'mif1', 'miaf']))).toBe('unsupported');
    expect(kindOf(sample.isoBmff('mif1', ['avif', 'mif1']))).toBe('unsupported');
    expect(kindOf(sample.isoBmff('isom', ['isom', 'iso2', 'avc1', 'mp41']))).toBe('unsupported');
    expect(kindOf(sample.isoBmff('qt  ', ['qt  ']))).toBe('unsupported');
  });

  it('refuses a Windows program renamed .pdf (MZ), naming the accepted types in Chinese', () => {
    const message = messageOf(sample.exe());
    expect(message).toBe(`不支持该文件类型。${ACCEPTED_TYPES_TEXT}`);
    for (const t of ['PDF', 'JPG', 'PNG', 'WebP', 'HEIC', '.docx', '.xlsx']) {
      expect(message).toContain(t);
    }
  });

  it('refuses an HTML page named .pdf, even with "%PDF-" inside it', () => {
    expect(kindOf(sample.html())).toBe('unsupported');
    // …or after a few bytes of junk: the header must open the file.
    expect(kindOf(Buffer.concat([Buffer.from('\n<html>'), sample.pdf()]))).toBe('unsupported');
    expect(kindOf(Buffer.from('%PDF-x'))).toBe('unsupported');
  });

  it('refuses an empty file with its own reason', () => {
    expect(sniffFileType(new Uint8Array(0))).toEqual({
      ok: false,
      reason: 'empty',
      message: `文件为空（0 字节）。${ACCEPTED_TYPES_TEXT}`,
    });
  });

  it('refuses a plain ZIP, a PowerPoint, a macro-enabled Word file and a broken ZIP', () => {
    expect(messageOf(sample.zip({ 'a.txt': 'hello', 'word/document.xml': '<x/>' }))).toContain(
      '不支持压缩包',
    );
    expect(kindOf(sample.pptx())).toBe('unsupported');
    expect(messageOf(sample.docx({ 'word/vbaProject.bin': 'macro' }))).toContain('含宏');
    const broken = sample.docx().subarray(0, 60);
    expect(messageOf(broken)).toContain('已损坏');
    // Entry names in the local headers are not enough: the central directory must list them.
    expect(kindOf(Buffer.from('PK\x03\x04[Content_Types].xml word/document.xml'))).toBe(
      'unsupported',
    );
  });

  it('tells the owner of an old .doc/.xls file what to do', () => {
    expect(messageOf(sample.legacyDoc())).toContain('请另存为 .docx、.xlsx 或 PDF');
  });

  it('does not accept short look-alikes', () => {
    for (const bytes of [
      [0xff, 0xd8],
      [0x89, 0x50, 0x4e, 0x47],
      [...Buffer.from('RIFF\0\0\0\0WAVEfmt ')],
      [...Buffer.from('RIFF\0\0\0\0WEBP')],
      [...Buffer.from('\0\0\0\x18ftypheic')],
      [...Buffer.from('%PDF')],
    ]) {
      expect(kindOf(Uint8Array.from(bytes))).toBe('unsupported');
    }
  });

  it('reads a sub-array view correctly (byteOffset is honoured)', () => {
    const inner = sample.docx();
    const padded = Buffer.concat([Buffer.alloc(7), inner]);
    expect(kindOf(padded.subarray(7))).toBe('docx');
  });
});
