import type { FileTypeInfo } from './sniff';

/** Longest original name kept, in characters (code points), extension included. */
export const MAX_ORIGINAL_NAME_LENGTH = 100;

export const UNNAMED_FILE = '未命名文件';

/**
 * Control characters (C0, DEL, C1), invisible format characters that can disguise a name
 * (bidirectional overrides, zero-width characters, BOM) and characters Windows forbids in names.
 */
const DROP =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const REPLACE = /[<>:"|?*]/g;

/**
 * The name a person gave their file, made safe to show and to offer back on download.
 * It is only ever a label: storage paths come from the content hash, never from this.
 *
 * - only the last path segment (`C:\\a\\b.pdf`, `wxfile://tmp/x.jpg`, `../../x` → its base name);
 * - Unicode NFC; lone surrogates, control and invisible format characters removed;
 *   characters Windows refuses in names replaced by `_`; runs of white space collapsed;
 * - no leading dots, no trailing dots or spaces;
 * - at most {@link MAX_ORIGINAL_NAME_LENGTH} characters, shortening the stem, keeping the extension;
 * - empty → {@link UNNAMED_FILE}.
 */
export function sanitiseFileName(raw: string | null | undefined): string {
  if (!raw) return UNNAMED_FILE;
  // In a `u` regex a surrogate range matches only unpaired halves.
  let name = raw.replace(/[\ud800-\udfff]/gu, '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(DROP, '')
    .replace(REPLACE, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '');
  if (!name) return UNNAMED_FILE;

  const chars = Array.from(name);
  if (chars.length <= MAX_ORIGINAL_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 0 && ext.length <= 16) {
    const stem = Array.from(name.slice(0, dot)).slice(0, MAX_ORIGINAL_NAME_LENGTH - ext.length);
    return stem.join('').trimEnd() + ext.join('');
  }
  return chars.slice(0, MAX_ORIGINAL_NAME_LENGTH).join('').trimEnd();
}

/**
 * The name offered on download: the stored name, with the extension of the type actually
 * detected appended when the name does not already carry one that fits (a PDF uploaded as
 * `合同.jpg` downloads as `合同.jpg.pdf`, so it opens in the right program).
 */
export function downloadFileName(originalName: string, type: FileTypeInfo): string {
  const dot = originalName.lastIndexOf('.');
  const ext = dot > 0 ? originalName.slice(dot + 1).toLowerCase() : '';
  if (ext === type.extension || type.alsoKnownAs.includes(ext)) return originalName;
  return `${originalName}.${type.extension}`;
}

/**
 * `Content-Disposition` for a download: an ASCII fallback for old clients, and the real name
 * (Chinese included) in RFC 5987 / 6266 `filename*=UTF-8''…` form.
 */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '_')
      // "/" too: NFKD turns ／ into one, and a client may read the fallback as a path.
      .replace(/["\\%;/]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
