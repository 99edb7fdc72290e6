/**
 * What a file really is, judged by its bytes — never by its name or the content type the client
 * sent (both are chosen by the sender). Only the types evidence comes in are accepted:
 * scans and exports (PDF), phone photos (JPEG, PNG, WebP, and HEIC from iPhones), and Office
 * documents in the current format (docx, xlsx).
 */

import type { UploadFileKind } from '@kc/domain';
import { ACCEPTED_TYPES_TEXT, uploadFileType } from '@kc/domain';

/** The kinds of evidence file accepted: @kc/domain's UPLOAD_FILE_TYPES, shared with the mini-program. */
export type AcceptedFileKind = UploadFileKind;

export interface FileTypeInfo {
  kind: AcceptedFileKind | 'csv';
  mimeType: string;
  /** The extension a download gets when the original name lacks a fitting one. */
  extension: string;
  /** Other extensions that are right for this type. */
  alsoKnownAs: readonly string[];
}

function info(kind: AcceptedFileKind): FileTypeInfo {
  const { mimeType, extensions } = uploadFileType(kind);
  const [extension, ...alsoKnownAs] = extensions;
  return { kind, mimeType, extension, alsoKnownAs };
}

export const ACCEPTED_FILE_TYPES: Record<AcceptedFileKind, FileTypeInfo> = {
  pdf: info('pdf'),
  jpeg: info('jpeg'),
  png: info('png'),
  webp: info('webp'),
  heic: info('heic'),
  docx: info('docx'),
  xlsx: info('xlsx'),
};

/** The sentence every refusal ends with (the mini-program's upload hint uses the same words). */
export { ACCEPTED_TYPES_TEXT };

export type SniffResult =
  | { ok: true; type: FileTypeInfo }
  | { ok: false; reason: 'empty' | 'unsupported'; message: string };

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: Uint8Array | readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function text(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** HEIF brands of HEVC-coded images (what iPhones and most Android phones write). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
/** Generic HEIF brands: accepted unless the compatible brands say it is really AVIF. */
const HEIF_GENERIC_BRANDS = new Set(['mif1', 'msf1']);

function ok(kind: AcceptedFileKind): SniffResult {
  return { ok: true, type: ACCEPTED_FILE_TYPES[kind] };
}

function refuse(why = '不支持该文件类型'): SniffResult {
  return { ok: false, reason: 'unsupported', message: `${why}。${ACCEPTED_TYPES_TEXT}` };
}

/** Detects the type of a whole file (OOXML needs the end of the file: its central directory). */
export function sniffFileType(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) {
    return { ok: false, reason: 'empty', message: `文件为空（0 字节）。${ACCEPTED_TYPES_TEXT}` };
  }
  // "%PDF-1.7" / "%PDF-2.0": the header must open the file (a PDF body hidden behind an HTML
  // page would be a polyglot, and some viewers tolerate that; we do not).
  if (startsWith(bytes, PDF) && /^[12]$/.test(text(bytes, 5, 6))) return ok('pdf');
  if (startsWith(bytes, JPEG)) return ok('jpeg');
  if (startsWith(bytes, PNG)) return ok('png');
  // RIFF <size> WEBP VP8 / VP8L / VP8X
  if (
    startsWith(bytes, ascii('RIFF')) &&
    startsWith(bytes, ascii('WEBP'), 8) &&
    startsWith(bytes, ascii('VP8'), 12)
  )
    return ok('webp');
  const heif = sniffHeif(bytes);
  if (heif) return heif;
  if (startsWith(bytes, ZIP_LOCAL)) return sniffOoxml(bytes);
  if (startsWith(bytes, OLE2)) {
    return refuse('不支持旧版 Word/Excel 文件（.doc、.xls），请另存为 .docx、.xlsx 或 PDF');
  }
  return refuse();
}

/** ISO-BMFF: `<size> ftyp <major brand> <minor version> <compatible brands…>`. */
function sniffHeif(bytes: Uint8Array): SniffResult | null {
  if (bytes.length < 16 || !startsWith(bytes, ascii('ftyp'), 4)) return null;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (boxSize < 16 || boxSize > bytes.length || boxSize % 4 !== 0) return null;
  const major = text(bytes, 8, 12);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.push(text(bytes, at, at + 4));
  const brands = [major, ...compatible];
  if (brands.some((b) => HEIC_BRANDS.has(b))) return ok('heic');
  if (
    HEIF_GENERIC_BRANDS.has(major) &&
    !compatible.includes('avif') &&
    !compatible.includes('avis')
  )
    return ok('heic');
  // Other ISO-BMFF files (MP4/MOV video, AVIF, 3GP…) are not evidence.
  return refuse();
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_ZIP_ENTRIES = 5000;

/**
 * OOXML = a ZIP whose central directory lists `[Content_Types].xml` and the main part:
 * `word/document.xml` (docx) or `xl/workbook.xml` (xlsx). We read entry names only and never
 * inflate anything. Macro-enabled documents (a `vbaProject.bin` part, i.e. docm/xlsm renamed)
 * and any other ZIP are refused.
 */
function sniffOoxml(bytes: Uint8Array): SniffResult {
  const names = zipEntryNames(bytes);
  if (!names) return refuse('文件已损坏或不是有效的 Office 文档');
  if (!names.has('[Content_Types].xml')) return refuse('不支持压缩包（.zip 等）');
  for (const name of names) {
    if (/(^|\/)vbaProject\.bin$/i.test(name)) {
      return refuse('不支持含宏的 Office 文档（.docm、.xlsm）');
    }
  }
  const isWord = names.has('word/document.xml');
  const isExcel = names.has('xl/workbook.xml');
  if (isWord && !isExcel) return ok('docx');
  if (isExcel && !isWord) return ok('xlsx');
  // PowerPoint, Visio, or something claiming to be both.
  return refuse();
}

/** Entry names from the ZIP central directory, or null when it cannot be read. */
function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers (0xFFFF / 0xFFFFFFFF) never occur in files within our size limit.
  if (count === 0 || count > MAX_ZIP_ENTRIES || cdOffset + cdSize > eocd) return null;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const names = new Set<string>();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > eocd) return null;
    names.add(decoder.decode(bytes.subarray(at + 46, nameEnd)));
    at = nameEnd + extraLength + commentLength;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Official recognition lists (名单导入): .xlsx, or .csv as Excel and WPS save it.
// ---------------------------------------------------------------------------------------------

export const CSV_FILE_TYPE: FileTypeInfo = {
  kind: 'csv',
  mimeType: 'text/csv',
  extension: 'csv',
  alsoKnownAs: ['txt'],
};

/** The sentence every refusal of a list file ends with. */
export const LIST_TYPES_TEXT = '请上传 Excel（.xlsx）文件或 CSV（.csv）文件';

export type ListTextEncoding = 'utf-8' | 'gbk';

export type ListSniffResult =
  | { ok: true; type: FileTypeInfo; encoding: ListTextEncoding | null }
  | { ok: false; reason: 'empty' | 'unsupported'; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Control characters never found in a spreadsheet saved as text (tab, CR and LF are fine). */
// eslint-disable-next-line no-control-regex
const BINARY_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A CSV file's text: UTF-8 (with or without the BOM Excel's “CSV UTF-8” writes), else GBK — what
 * Excel and WPS on Chinese Windows write by default. Null when it is neither, or is not text.
 */
export function decodeCsvText(
  bytes: Uint8Array,
): { text: string; encoding: ListTextEncoding } | null {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  for (const encoding of ['utf-8', 'gbk'] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      continue;
    }
    if (BINARY_CONTROLS.test(text)) return null;
    return { text, encoding };
  }
  return null;
}

/**
 * What an uploaded list really is: an .xlsx workbook (a ZIP holding `xl/workbook.xml`, judged as
 * evidence uploads are) or CSV text. Everything else — old .xls, PDF, Word, images, UTF-16
 * text — is refused with a sentence saying what to upload instead.
 */
export function sniffListFile(bytes: Uint8Array): ListSniffResult {
  if (bytes.length === 0) {
    return { ok: false, reason: 'empty', message: `文件为空（0 字节）。${LIST_TYPES_TEXT}` };
  }
  const refuseList = (why: string): ListSniffResult => ({
    ok: false,
    reason: 'unsupported',
    message: `${why}。${LIST_TYPES_TEXT}`,
  });
  if (startsWith(bytes, OLE2)) {
    return refuseList('不支持旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx');
  }
  const binary = sniffFileType(bytes);
  if (binary.ok) {
    return binary.type.kind === 'xlsx'
      ? { ok: true, type: binary.type, encoding: null }
      : refuseList('名单文件只能是表格');
  }
  if (startsWith(bytes, ZIP_LOCAL)) return refuseList('文件已损坏或不是有效的 Excel 文件');
  const text = decodeCsvText(bytes);
  if (!text) {
    return refuseList(
      '无法识别该文件：CSV 文件须为 UTF-8 或 GBK 编码（Excel“另存为 CSV”即可；不支持“Unicode 文本”）',
    );
  }
  if (!text.text.trim())
    return { ok: false, reason: 'empty', message: `文件没有内容。${LIST_TYPES_TEXT}` };
  return { ok: true, type: CSV_FILE_TYPE, encoding: text.encoding };
}
