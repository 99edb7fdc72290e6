/**
 * Evidence uploads: which files the server accepts and how large, in one place. The server judges
 * a file by its bytes (packages/api/src/files/sniff.ts, one entry per kind here); the mini-program
 * offers the same extensions in its pickers and writes the same sentence under the uploads.
 */

export type UploadFileKind = 'pdf' | 'jpeg' | 'png' | 'webp' | 'heic' | 'docx' | 'xlsx';

export interface UploadFileType {
  kind: UploadFileKind;
  /** What the kind is called in the sentences users read. */
  label: string;
  /** Extensions that fit the kind; the first is the one a download gets. */
  extensions: readonly [string, ...string[]];
  mimeType: string;
  image: boolean;
}

export const UPLOAD_FILE_TYPES: readonly UploadFileType[] = [
  { kind: 'pdf', label: 'PDF', extensions: ['pdf'], mimeType: 'application/pdf', image: false },
  {
    kind: 'jpeg',
    label: 'JPG',
    extensions: ['jpg', 'jpeg', 'jpe'],
    mimeType: 'image/jpeg',
    image: true,
  },
  { kind: 'png', label: 'PNG', extensions: ['png'], mimeType: 'image/png', image: true },
  { kind: 'webp', label: 'WebP', extensions: ['webp'], mimeType: 'image/webp', image: true },
  {
    kind: 'heic',
    label: 'HEIC',
    extensions: ['heic', 'heif'],
    mimeType: 'image/heic',
    image: true,
  },
  {
    kind: 'docx',
    label: 'Word（.docx）',
    extensions: ['docx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    image: false,
  },
  {
    kind: 'xlsx',
    label: 'Excel（.xlsx）',
    extensions: ['xlsx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    image: false,
  },
];

/** The server's limit unless its FILE_MAX_MB says otherwise (the mini-program's TARO_APP_FILE_MAX_MB must match). */
export const DEFAULT_FILE_MAX_MB = 10;

export function uploadFileType(kind: UploadFileKind): UploadFileType {
  const type = UPLOAD_FILE_TYPES.find((t) => t.kind === kind);
  if (!type) throw new Error(`unknown upload kind ${kind}`);
  return type;
}

/** Every accepted extension (for WeChat's chooseMessageFile and the browser's file input). */
export const UPLOAD_EXTENSIONS: readonly string[] = UPLOAD_FILE_TYPES.flatMap((t) => t.extensions);

const labels = (image: boolean) =>
  UPLOAD_FILE_TYPES.filter((t) => t.image === image && t.kind !== 'pdf').map((t) => t.label);

/** `PDF 文件、图片（JPG、PNG、WebP、HEIC）或 Word（.docx）、Excel（.xlsx）文档` */
const TYPES_PHRASE = `PDF 文件、图片（${labels(true).join('、')}）或 ${labels(false).join('、')}文档`;

/** The sentence every refusal of a file's type ends with. */
export const ACCEPTED_TYPES_TEXT = `请上传 ${TYPES_PHRASE}`;

/** The hint under an upload: the types and the size limit, as the server enforces them. */
export function uploadHint(maxMb: number): string {
  return `支持 ${TYPES_PHRASE}，单个文件不超过 ${maxMb} MB`;
}
