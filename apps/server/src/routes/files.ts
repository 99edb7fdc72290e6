import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps, Context } from '@kc/api';
import { applicantFileAccess, createContext, exportMyDataXlsx, officerFileAccess } from '@kc/api';
import type {
  CanApplicantSeeFile,
  CanOfficerSeeFile,
  FileRecords,
  FileRouteErrorBody,
  FileService,
  FileSettings,
  FileStore,
} from '@kc/api/files';
import {
  DEFAULT_FILE_SETTINGS,
  LocalFileStore,
  S3FileStore,
  callerOrThrow,
  contentDisposition,
  createFileService,
  fileErrorResponse,
  fileTooLarge,
  prismaFileRecords,
} from '@kc/api/files';
import { ERROR_CODES } from '@kc/domain';

export interface FileRoutesOptions {
  /** The same dependencies tRPC's context is built from: one session lookup for both. */
  apiDeps: ApiDeps;
  files: FileService;
  /** Which officer may download which file (default: none; the API supplies the real rule). */
  canOfficerSee?: CanOfficerSeeFile;
  /** Which other applicant may download which file (default: none but the uploader). */
  canApplicantSee?: CanApplicantSeeFile;
}

/** Multipart framing around one file: boundaries, part headers, a name field or two. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Form fields that may carry the file's real name (WeChat sends a temporary path as filename). */
const NAME_FIELDS = new Set(['originalName', 'fileName', 'filename', 'name']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The API context of a file route, resolved from the bearer token in `onRequest`. */
    fileContext: Context | null;
  }
}

function reject(reply: FastifyReply, status: number, appCode: string, message: string) {
  const body: FileRouteErrorBody = { error: { appCode, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** A request that is not a well-formed upload (wrong field, no file, not multipart). */
class BadUploadError extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'BadUploadError';
  }
}

const NOT_AN_UPLOAD =
  '请以 multipart/form-data（文件字段名 file）或 application/octet-stream 上传文件';

/** The request body may be unread: do not keep the connection for another request. */
function closeAfter(reply: FastifyReply) {
  reply.header('connection', 'close');
}

/**
 * Evidence files over plain HTTP (tRPC does not carry binary bodies):
 *
 * - `POST /files` — `multipart/form-data` with one file in field `file` (what `wx.uploadFile`
 *   sends with `name: 'file'`; the real name may come in a form field `originalName`, since
 *   WeChat's filename is a temporary path), or `application/octet-stream` with the name,
 *   percent-encoded, in `x-file-name`. Answers `{ id, sha256, sizeBytes, mimeType, originalName }`.
 * - `POST /files/official-lists` — the same, for the bureau administrator's official lists
 *   (.xlsx, or .csv in UTF-8 or GBK; 5 MB); anyone else gets 403.
 * - `GET /files/:id` — the bytes, to the owner, a member of the organisation whose file it is,
 *   or an authorised officer (audited).
 *
 * Refusals: `{ error: { appCode, message } }` with 401 / 403 / 404 / 413 / 415 / 400.
 * The bearer token is checked before any of the body is read; the size limit while it is read.
 */
export async function fileRoutes(app: FastifyInstance, options: FileRoutesOptions) {
  const { apiDeps } = options;
  // Annotated: TypeScript calls an assertion method only through an explicitly typed name.
  const files: FileService = options.files;
  const maxBytes = files.maxBytes;

  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    throwFileSizeLimit: false,
  });
  // Raw uploads: hand the body over as a stream, read (and limited) by the handler.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) =>
    done(null, payload),
  );

  app.decorateRequest('fileContext', null);
  app.addHook('onRequest', async (req) => {
    req.fileContext = await createContext(apiDeps, {
      authorization: req.headers.authorization,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    // A refused upload may leave most of its body unread.
    if (req.method === 'POST') closeAfter(reply);
    const known = fileErrorResponse(error);
    if (known) return reply.code(known.status).send(known.body);
    if (error instanceof BadUploadError) {
      return reject(reply, error.status, 'INVALID_INPUT', error.message);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reject(reply, 415, 'INVALID_INPUT', NOT_AN_UPLOAD);
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_ERR_CTP_BODY_TOO_LARGE': {
        const tooLarge = fileTooLarge(maxBytes);
        return reject(reply, 413, tooLarge.appCode, tooLarge.message);
      }
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return reject(reply, 400, 'INVALID_INPUT', '一次只能上传一个文件');
    }
    if (error.statusCode && error.statusCode < 500) {
      return reject(reply, 400, 'INVALID_INPUT', MALFORMED);
    }
    req.log.error({ err: error }, 'file route failed');
    return reject(reply, 500, 'INTERNAL', ERROR_CODES.INTERNAL);
  });

  app.post('/files', async (req, reply) => {
    const caller = callerOrThrow(context(req));
    files.assertMayUpload(caller);
    const upload = await readUpload(req, maxBytes);
    const uploaded = await files.uploadEvidence({ caller, ...upload });
    return reply.code(200).send(uploaded);
  });

  // 名单导入: the bureau administrator's .xlsx / .csv list, previewed by officialLists.preview.
  app.post('/files/official-lists', async (req, reply) => {
    const caller = callerOrThrow(context(req));
    files.assertMayUploadList(caller);
    const upload = await readUpload(req, files.listMaxBytes);
    const uploaded = await files.uploadOfficialList({ caller, ...upload });
    return reply.code(200).send(uploaded);
  });

  // 协议模板: a bureau officer's template for applicants (e.g. 科技副总 three-party agreement).
  app.post('/files/templates', async (req, reply) => {
    const caller = callerOrThrow(context(req));
    files.assertMayUploadTemplate(caller);
    const upload = await readUpload(req, maxBytes);
    const uploaded = await files.uploadTemplate({ caller, ...upload });
    return reply.code(200).send(uploaded);
  });

  // 个人信息导出: the applicant's own data as .xlsx (me.export gives the same as JSON).
  app.get('/files/me/export.xlsx', { exposeHeadRoute: false }, async (req, reply) => {
    const file = await exportMyDataXlsx(context(req));
    return reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.bytes.byteLength))
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  // No automatic HEAD route: it would open (and, for officers, audit) a download.
  app.get<{ Params: { id: string } }>(
    '/files/:id',
    { exposeHeadRoute: false },
    async (req, reply) => {
      const { file, downloadName, stream } = await files.openForDownload({
        caller: callerOrThrow(context(req)),
        fileId: req.params.id,
        canOfficerSee: options.canOfficerSee,
        canApplicantSee: options.canApplicantSee,
        ip: req.ip,
      });
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', contentDisposition(downloadName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(stream);
    },
  );
}

/** The one file of an upload request, read with the size limit enforced as it arrives. */
async function readUpload(
  req: FastifyRequest,
  limit: number,
): Promise<{ bytes: Buffer; originalName: string | null }> {
  // Refuse what announces itself as too large before reading any of it.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + MULTIPART_OVERHEAD) {
    throw fileTooLarge(limit);
  }
  if (req.isMultipart()) return readMultipart(req, limit);
  if (isReadable(req.body)) {
    return {
      bytes: await readLimited(req.body, limit),
      originalName: decodeHeaderName(req.headers['x-file-name']),
    };
  }
  // A JSON or text body: a client mistake, not a file.
  throw new BadUploadError(415, NOT_AN_UPLOAD);
}

function context(req: FastifyRequest): Context {
  if (!req.fileContext) throw new Error('file route without context');
  return req.fileContext;
}

function isReadable(body: unknown): body is Readable {
  return typeof (body as Readable | null)?.pipe === 'function';
}

/** Reads a stream into memory, failing as soon as it passes `maxBytes`. */
async function readLimited(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      // Leaving the loop stops reading; the reply closes the connection with the rest unread.
      if (total > maxBytes) throw fileTooLarge(maxBytes);
      chunks.push(buf);
    }
  } catch (error) {
    throw asUploadError(error);
  }
  return Buffer.concat(chunks, total);
}

const MALFORMED = '上传的数据不完整或格式有误，请重试';

/** Our refusals and Fastify's own errors pass; anything else from a body stream is a bad body. */
function asUploadError(error: unknown): unknown {
  if (error instanceof BadUploadError || fileErrorResponse(error)) return error;
  if (String((error as FastifyError | null)?.code ?? '').startsWith('FST_')) return error;
  return new BadUploadError(400, MALFORMED);
}

/** The one file (field `file`) and a name field, in whichever order the client sent them. */
async function readMultipart(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Buffer; originalName: string | null }> {
  let bytes: Buffer | null = null;
  let partName: string | null = null;
  let fieldName: string | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new BadUploadError(400, '文件字段名应为 file');
        }
        // Busboy stops passing data at the limit but would read (and drop) the rest of the
        // part; end it there instead.
        part.file.once('limit', () => part.file.destroy(fileTooLarge(maxBytes)));
        bytes = await readLimited(part.file, maxBytes);
        if (part.file.truncated) throw fileTooLarge(maxBytes);
        partName = part.filename || null;
      } else if (NAME_FIELDS.has(part.fieldname) && typeof part.value === 'string') {
        fieldName ??= part.value;
      }
    }
  } catch (error) {
    throw asUploadError(error);
  }
  if (!bytes) throw new BadUploadError(400, '请选择要上传的文件（字段名 file）');
  return { bytes, originalName: fieldName || partName };
}

/** `x-file-name` is percent-encoded UTF-8 (header values are bytes, not text). */
function decodeHeaderName(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What the server may pass for files; everything has a default. */
export interface ServerFileDeps {
  /** Default: {@link DEFAULT_FILE_SETTINGS} (`<repo>/.data/files`, 10 MB). */
  settings?: FileSettings;
  /** Default: a {@link LocalFileStore} in `settings.storageDir`. */
  store?: FileStore;
  /** Default: the `stored_file` table. */
  records?: FileRecords;
  /** Default: no officer may download any file. */
  canOfficerSee?: CanOfficerSeeFile;
  /** Default: the uploader, the members of the organisation whose file it is, and the rest of applicantFileAccess. */
  canApplicantSee?: CanApplicantSeeFile;
}

/** The store uploads go to: the one given, else the bucket or the local folder of the settings. */
export function fileStoreOf(files: ServerFileDeps = {}): FileStore {
  if (files.store) return files.store;
  const settings = files.settings ?? DEFAULT_FILE_SETTINGS;
  return settings.s3
    ? S3FileStore.fromSettings(settings.s3)
    : new LocalFileStore(settings.storageDir);
}

export function fileRoutesOptions(apiDeps: ApiDeps, files: ServerFileDeps = {}): FileRoutesOptions {
  const settings = files.settings ?? DEFAULT_FILE_SETTINGS;
  return {
    apiDeps,
    // Default: the real rule (evidence of an application the officer may see), never "deny all".
    canOfficerSee: files.canOfficerSee ?? officerFileAccess(apiDeps.db, apiDeps.now),
    canApplicantSee: files.canApplicantSee ?? applicantFileAccess(apiDeps.db),
    files: createFileService({
      store: apiDeps.fileStore ?? fileStoreOf(files),
      records: files.records ?? prismaFileRecords(apiDeps.db.prisma, apiDeps.now),
      maxBytes: settings.maxBytes,
      audit: apiDeps.db.prisma,
      now: apiDeps.now,
    }),
  };
}
