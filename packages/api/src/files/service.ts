import type { Readable } from 'node:stream';
import { writeAudit } from '../audit';
import type { ApplicantCaller, Caller, OfficerCaller } from '../caller';
import { appError } from '../errors';
import { FileRejectedError, fileTooLarge } from './errors';
import { downloadFileName, sanitiseFileName } from './names';
import type { FileRecords, StoredFileMeta } from './records';
import { ACCEPTED_FILE_TYPES, CSV_FILE_TYPE, sniffFileType, sniffListFile } from './sniff';
import type { FileTypeInfo } from './sniff';
import type { FileStore } from './store';

/** What the uploader gets back (and what an application's evidence list will show). */
export interface UploadedFile {
  id: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string;
}

/**
 * An officer may download a file only when this says so. The API will pass "the file is
 * evidence of an application the officer may see (their area, or the whole city for bureau
 * roles)". A grant may carry the area and details (e.g. the application id) for the audit log.
 */
export type CanOfficerSeeFile = (
  officer: OfficerCaller,
  file: StoredFileMeta,
) => boolean | OfficerFileGrant | Promise<boolean | OfficerFileGrant>;

export interface OfficerFileGrant {
  areaCode?: string | null;
  details?: Record<string, unknown>;
}

/** Until the API supplies a real rule, no officer sees any file. */
export const denyOfficers: CanOfficerSeeFile = () => false;

/**
 * An applicant other than the uploader may download a file only when this says so: e.g. a
 * member of the organisation whose 资料库 document the file is.
 */
export type CanApplicantSeeFile = (
  applicant: ApplicantCaller,
  file: StoredFileMeta,
) => boolean | Promise<boolean>;

export interface FileServiceDeps {
  store: FileStore;
  records: FileRecords;
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
  /** Where officer downloads are recorded: the Prisma client (or a transaction). */
  audit: Parameters<typeof writeAudit>[0];
  /** The one clock every stored timestamp comes from. */
  now: () => Date;
}

export interface DownloadableFile {
  file: StoredFileMeta;
  /** The original name, with the detected type's extension when it lacked a fitting one. */
  downloadName: string;
  stream: Readable;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toUploadedFile(file: StoredFileMeta): UploadedFile {
  return {
    id: file.id,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    mimeType: file.mimeType,
    originalName: file.originalName,
  };
}

function typeOfMime(mimeType: string): FileTypeInfo | undefined {
  return [...Object.values(ACCEPTED_FILE_TYPES), CSV_FILE_TYPE].find(
    (t) => t.mimeType === mimeType,
  );
}

/** Official lists (名单导入) are smaller than evidence: thousands of rows fit in far less. */
export const LIST_MAX_BYTES = 5 * 1024 * 1024;

/** Who may upload an official list: the bureau administrator, who imports it. */
const LIST_UPLOADER_ROLES: readonly string[] = ['bureau-admin'];

/** Who may upload a template applicants download (科技副总 协议模板): the bureau roles that run calls. */
const TEMPLATE_UPLOADER_ROLES: readonly string[] = ['bureau-admin', 'bureau-reviewer'];

export interface UploadEvidenceInput {
  caller: Caller | null;
  bytes: Uint8Array;
  /** As the client sent it; sanitised before it is stored. */
  originalName?: string | null;
}

export interface OpenForDownloadInput {
  caller: Caller | null;
  fileId: string;
  /** Whether an officer may see this file; without it no officer may. */
  canOfficerSee?: CanOfficerSeeFile;
  /** Whether an applicant other than the uploader may see this file; without it none may. */
  canApplicantSee?: CanApplicantSeeFile;
  /** For the audit record of officer downloads. */
  ip?: string | null;
}

export interface FileService {
  /** Largest accepted upload, in bytes. */
  readonly maxBytes: number;
  /**
   * Evidence is uploaded by applicants, for their own applications; throws UNAUTHENTICATED or
   * FORBIDDEN otherwise. Call it before reading a request body.
   */
  assertMayUpload(caller: Caller | null): asserts caller is ApplicantCaller;
  /** Checks size and real type, stores the bytes (once per content), records the upload. */
  uploadEvidence(input: UploadEvidenceInput): Promise<UploadedFile>;
  /** Largest accepted official list, in bytes. */
  readonly listMaxBytes: number;
  /**
   * Official lists (.xlsx / .csv) are uploaded by the bureau administrator only; throws
   * UNAUTHENTICATED or FORBIDDEN otherwise. Call it before reading a request body.
   */
  assertMayUploadList(caller: Caller | null): asserts caller is OfficerCaller;
  /** Checks size and real type (xlsx, or CSV in UTF-8 / GBK), stores and records the list file. */
  uploadOfficialList(input: UploadEvidenceInput): Promise<UploadedFile>;
  /**
   * Templates for applicants to download (协议模板) are uploaded by bureau officers only; throws
   * UNAUTHENTICATED or FORBIDDEN otherwise. Call it before reading a request body.
   */
  assertMayUploadTemplate(caller: Caller | null): asserts caller is OfficerCaller;
  /** Checks size and real type (as evidence: PDF, images, Word, Excel), stores and records it. */
  uploadTemplate(input: UploadEvidenceInput): Promise<UploadedFile>;
  /**
   * The owner's file, or one an officer is granted (audited before a byte is sent);
   * NOT_FOUND for everyone else, exactly as for a file that does not exist.
   */
  openForDownload(input: OpenForDownloadInput): Promise<DownloadableFile>;
}

export function createFileService(deps: FileServiceDeps): FileService {
  const { store, records, maxBytes } = deps;

  /**
   * Evidence is uploaded by applicants, for their own applications. Officers do not upload
   * (their documents — notices, payment batches — are produced by the system). Call this before
   * reading a request body, so a stranger's upload is refused before it is received.
   */
  function assertMayUpload(caller: Caller | null): asserts caller is ApplicantCaller {
    if (!caller) throw appError('UNAUTHENTICATED');
    if (caller.kind !== 'applicant') {
      throw appError('FORBIDDEN', { message: '只有申报用户可以上传证明材料' });
    }
  }

  function assertMayUploadList(caller: Caller | null): asserts caller is OfficerCaller {
    if (!caller) throw appError('UNAUTHENTICATED');
    if (caller.kind !== 'officer' || !LIST_UPLOADER_ROLES.includes(caller.role)) {
      throw appError('FORBIDDEN', { message: '只有局管理员可以导入官方认定名单' });
    }
  }

  function assertMayUploadTemplate(caller: Caller | null): asserts caller is OfficerCaller {
    if (!caller) throw appError('UNAUTHENTICATED');
    if (caller.kind !== 'officer' || !TEMPLATE_UPLOADER_ROLES.includes(caller.role)) {
      throw appError('FORBIDDEN', { message: '只有科技局经办人员可以上传模板' });
    }
  }

  /** Size and real type as for evidence; the bytes are stored once per content. */
  async function storeChecked(
    bytes: Uint8Array,
    originalName: string | null | undefined,
    ownerUserId: string,
  ) {
    if (bytes.byteLength > maxBytes) throw fileTooLarge(maxBytes);
    const sniffed = sniffFileType(bytes);
    if (!sniffed.ok) {
      throw new FileRejectedError(
        sniffed.reason === 'empty' ? 'FILE_EMPTY' : 'FILE_TYPE_NOT_ALLOWED',
        sniffed.message,
      );
    }
    return storeAndRecord(bytes, sniffed.type.mimeType, originalName, ownerUserId);
  }

  async function storeAndRecord(
    bytes: Uint8Array,
    mimeType: string,
    originalName: string | null | undefined,
    ownerUserId: string,
  ): Promise<UploadedFile> {
    const { sha256, size } = await store.put(bytes);
    const record = await records.create({
      sha256,
      sizeBytes: size,
      mimeType,
      originalName: sanitiseFileName(originalName),
      ownerUserId,
    });
    return toUploadedFile(record);
  }

  return {
    maxBytes,
    assertMayUpload,
    listMaxBytes: Math.min(maxBytes, LIST_MAX_BYTES),
    assertMayUploadList,

    async uploadOfficialList(input) {
      const { caller, bytes } = input;
      assertMayUploadList(caller);
      const limit = Math.min(maxBytes, LIST_MAX_BYTES);
      if (bytes.byteLength > limit) throw fileTooLarge(limit);
      const sniffed = sniffListFile(bytes);
      if (!sniffed.ok) {
        throw new FileRejectedError(
          sniffed.reason === 'empty' ? 'FILE_EMPTY' : 'FILE_TYPE_NOT_ALLOWED',
          sniffed.message,
        );
      }
      return storeAndRecord(bytes, sniffed.type.mimeType, input.originalName, caller.userId);
    },

    /** Checks size and real type, stores the bytes (once per content), records the upload. */
    async uploadEvidence(input) {
      const { caller, bytes } = input;
      assertMayUpload(caller);
      return storeChecked(bytes, input.originalName, caller.userId);
    },

    assertMayUploadTemplate,

    async uploadTemplate(input) {
      const { caller, bytes } = input;
      assertMayUploadTemplate(caller);
      return storeChecked(bytes, input.originalName, caller.userId);
    },

    /**
     * The uploader may download their own file; another applicant when `canApplicantSee` grants
     * it (a colleague's 资料库 document); an officer when `canOfficerSee` grants it (and every
     * such download is audited before a byte is sent). Anyone else is told the file does not
     * exist.
     */
    async openForDownload(input) {
      const { caller, fileId } = input;
      if (!caller) throw appError('UNAUTHENTICATED');
      const file = UUID.test(fileId) ? await records.findById(fileId.toLowerCase()) : null;
      if (!file) throw appError('NOT_FOUND');

      let grant: OfficerFileGrant | null = null;
      if (caller.kind === 'applicant') {
        const mine = file.ownerUserId === caller.userId;
        if (!mine && !(await input.canApplicantSee?.(caller, file))) throw appError('NOT_FOUND');
      } else {
        const answer = await (input.canOfficerSee ?? denyOfficers)(caller, file);
        if (!answer) throw appError('NOT_FOUND');
        grant = answer === true ? {} : answer;
      }

      const stream = await store.get(file.sha256);
      if (grant) {
        try {
          await writeAudit(
            deps.audit,
            { caller, ip: input.ip ?? null, now: deps.now },
            {
              action: 'file.download',
              objectType: 'stored_file',
              objectId: file.id,
              areaCode: grant.areaCode ?? null,
              details: {
                ...grant.details,
                ownerUserId: file.ownerUserId,
                originalName: file.originalName,
                mimeType: file.mimeType,
                sizeBytes: file.sizeBytes,
              },
            },
          );
        } catch (error) {
          // No audit record, no download.
          stream.destroy();
          throw error;
        }
      }
      const type = typeOfMime(file.mimeType);
      return {
        file,
        downloadName: type ? downloadFileName(file.originalName, type) : file.originalName,
        stream,
      };
    },
  };
}
