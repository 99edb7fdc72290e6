import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_FILE_TYPES,
  MAX_ORIGINAL_NAME_LENGTH,
  UNNAMED_FILE,
  contentDisposition,
  downloadFileName,
  sanitiseFileName,
} from '../../src/files';

describe('sanitiseFileName', () => {
  it('keeps an ordinary Chinese name as it is', () => {
    expect(sanitiseFileName('技术合同登记证明（2026）.pdf')).toBe('技术合同登记证明（2026）.pdf');
  });

  it('drops every path, whatever the separator', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\孙立\\Desktop\\转账凭证.jpg')).toBe('转账凭证.jpg');
    expect(sanitiseFileName('wxfile://tmp_3a8f.jpg')).toBe('tmp_3a8f.jpg');
    expect(sanitiseFileName('/')).toBe(UNNAMED_FILE);
    expect(sanitiseFileName('..')).toBe(UNNAMED_FILE);
  });

  it('removes control and invisible characters and a right-to-left override', () => {
    expect(sanitiseFileName('合同\u0000\u0007\u001b[31m.pdf')).toBe('合同[31m.pdf');
    // "invoice‮fdp.exe" shows as "invoiceexe.pdf" in some programs
    expect(sanitiseFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a\u200bb\ufeff.pdf')).toBe('ab.pdf');
    expect(sanitiseFileName('line\r\nbreak.pdf')).toBe('line break.pdf');
    expect(sanitiseFileName('bad\ud800half.pdf')).toBe('badhalf.pdf');
  });

  it('replaces characters Windows forbids and trims dots and spaces', () => {
    expect(sanitiseFileName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(sanitiseFileName('  .hidden.pdf. . ')).toBe('hidden.pdf');
    expect(sanitiseFileName('')).toBe(UNNAMED_FILE);
    expect(sanitiseFileName(null)).toBe(UNNAMED_FILE);
    expect(sanitiseFileName('\u0000\u0001')).toBe(UNNAMED_FILE);
  });

  it('normalises to NFC', () => {
    expect(sanitiseFileName('Cafe\u0301.pdf')).toBe('Caf\u00e9.pdf');
  });

  it('shortens long names to the limit, keeping the extension', () => {
    const long = `${'很长的文件名'.repeat(40)}.pdf`;
    const out = sanitiseFileName(long);
    expect(Array.from(out)).toHaveLength(MAX_ORIGINAL_NAME_LENGTH);
    expect(out.endsWith('.pdf')).toBe(true);
    const noExt = 'x'.repeat(300);
    expect(sanitiseFileName(noExt)).toBe('x'.repeat(MAX_ORIGINAL_NAME_LENGTH));
    // Characters outside the BMP count once and are never cut in half.
    const emoji = sanitiseFileName(`${'😀'.repeat(150)}.jpg`);
    expect(Array.from(emoji)).toHaveLength(MAX_ORIGINAL_NAME_LENGTH);
    expect(emoji.endsWith('😀.jpg')).toBe(true);
  });
});

describe('download names', () => {
  it('adds the real extension when the name does not fit the content', () => {
    expect(downloadFileName('合同.pdf', ACCEPTED_FILE_TYPES.pdf)).toBe('合同.pdf');
    expect(downloadFileName('合同.PDF', ACCEPTED_FILE_TYPES.pdf)).toBe('合同.PDF');
    expect(downloadFileName('照片.jpeg', ACCEPTED_FILE_TYPES.jpeg)).toBe('照片.jpeg');
    expect(downloadFileName('合同.jpg', ACCEPTED_FILE_TYPES.pdf)).toBe('合同.jpg.pdf');
    expect(downloadFileName(UNNAMED_FILE, ACCEPTED_FILE_TYPES.png)).toBe(`${UNNAMED_FILE}.png`);
  });

  it('writes Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('技术合同 (1).pdf')).toBe(
      `attachment; filename="____ (1).pdf"; filename*=UTF-8''%E6%8A%80%E6%9C%AF%E5%90%88%E5%90%8C%20%281%29.pdf`,
    );
    expect(contentDisposition('a"b\\c;d%.pdf')).toBe(
      `attachment; filename="a_b_c_d_.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%25.pdf`,
    );
  });

  it('keeps path separators out of the ASCII fallback, full-width ones included', () => {
    // ／ (U+FF0F) and ⁄ decompose to "/" under NFKD; a client may take the fallback as a path.
    for (const name of ['2026/合同.pdf', '2026／合同.pdf', '..\\合同.pdf', 'a\u2215b.pdf']) {
      const fallback = /filename="([^"]*)"/.exec(contentDisposition(name))?.[1] ?? '';
      expect(fallback).not.toMatch(/[/\\]/);
      expect(fallback.length).toBeGreaterThan(0);
    }
    expect(contentDisposition('2026／合同.pdf')).toContain(`filename="2026___.pdf"`);
  });
});
