/**
 * Evidence files: type detection by content, a content-addressed store, and the upload /
 * download rules. The HTTP routes live in apps/server (`src/routes/files.ts`).
 */
export { DEFAULT_FILE_SETTINGS, DEFAULT_FILE_STORAGE_DIR, DEFAULT_MAX_FILE_BYTES } from './config';
export type { FileSettings } from './config';
export { FILE_ERROR_STATUS, FileRejectedError, fileTooLarge, formatByteSize } from './errors';
export type { FileErrorCode } from './errors';
export {
  MAX_ORIGINAL_NAME_LENGTH,
  UNNAMED_FILE,
  contentDisposition,
  downloadFileName,
  sanitiseFileName,
} from './names';
export { memoryFileRecords } from './records';
export { prismaFileRecords } from './prisma-records';
export type { FileRecords, NewStoredFile, StoredFileMeta } from './records';
export { LIST_MAX_BYTES, createFileService, denyOfficers, toUploadedFile } from './service';
export type {
  CanApplicantSeeFile,
  CanOfficerSeeFile,
  DownloadableFile,
  FileService,
  FileServiceDeps,
  OfficerFileGrant,
  OpenForDownloadInput,
  UploadEvidenceInput,
  UploadedFile,
} from './service';
export {
  ACCEPTED_FILE_TYPES,
  ACCEPTED_TYPES_TEXT,
  CSV_FILE_TYPE,
  LIST_TYPES_TEXT,
  decodeCsvText,
  sniffFileType,
  sniffListFile,
} from './sniff';
export type {
  AcceptedFileKind,
  FileTypeInfo,
  ListSniffResult,
  ListTextEncoding,
  SniffResult,
} from './sniff';
export { FileNotInStoreError, LocalFileStore, contentKey, sha256Hex } from './store';
export type { FileStore } from './store';
export { callerOrThrow, fileErrorResponse } from './http';
export type { FileRouteErrorBody } from './http';
export { S3FileStore, createS3Client } from './s3-store';
export type { S3StoreSettings } from './s3-store';
export { copyLocalFiles, missingFromStore } from './copy-store';
export type { CopyReport } from './copy-store';
