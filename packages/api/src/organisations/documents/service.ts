import type { TransactionClient } from '@kc/db';
import type { OrganisationDocumentInput } from '@kc/domain';
import {
  ORGANISATION_DOCUMENT_KINDS,
  documentValidUntil,
  organisationDocumentKindName,
  todayInShanghai,
} from '@kc/domain';
import { writeAudit } from '../../audit';
import { lockOrganisations } from '../../awards/locks';
import type { ApplicantCaller } from '../../caller';
import type { Context } from '../../context';
import { dbDate } from '../../dates';
import { appError } from '../../errors';
import { requireMembership } from '../membership';
import { DOCUMENT_FILE, documentDto } from './dto';

type ApplicantCtx = Context & { caller: ApplicantCaller };

/** myOrg.documents.list: current documents first (newest first), then those replaced. */
export async function listDocuments(ctx: ApplicantCtx) {
  const db = ctx.db.prisma;
  const { organisation } = await requireMembership(db, ctx.caller.userId);
  const rows = await db.organisationDocument.findMany({
    where: { organisationId: organisation.id },
    include: DOCUMENT_FILE,
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }, { id: 'asc' }],
  });
  const today = todayInShanghai(ctx.now());
  return rows.map((r) => documentDto(r, today));
}

function fileRefused(message: string): never {
  throw appError('INVALID_INPUT', { message, fieldErrors: { fileId: [message] } });
}

/** The file must be the caller's own upload, an image or a PDF (what a licence or letter is). */
export async function ownImageOrPdf(
  tx: Pick<TransactionClient, 'storedFile'>,
  userId: string,
  fileId: string,
) {
  const file = await tx.storedFile.findFirst({ where: { id: fileId, ownerUserId: userId } });
  if (!file) fileRefused('资料文件不存在或不是您上传的，请重新上传');
  if (!file.mimeType.startsWith('image/') && file.mimeType !== 'application/pdf') {
    fileRefused('资料文件须为图片（JPG、PNG 等）或 PDF');
  }
  return file;
}

/**
 * myOrg.documents.add (管理员 and 经办人): stores a standing document once for the organisation.
 * The kind decides how long it is valid (a yearly 信用承诺书 to 31 December, a licence to the date
 * on it); a newer one of the same kind replaces the current one, in the same transaction.
 */
export async function addDocument(ctx: ApplicantCtx, input: OrganisationDocumentInput) {
  const today = todayInShanghai(ctx.now());
  const spec = ORGANISATION_DOCUMENT_KINDS.find((k) => k.code === input.kind);
  if (spec?.validity === 'given' && input.validUntil && input.validUntil < today) {
    const message = '有效期至不能早于今天：已过期的证照不能存入资料库，请上传有效的证照';
    throw appError('INVALID_INPUT', { message, fieldErrors: { validUntil: [message] } });
  }
  const validUntil = documentValidUntil(input.kind, today, input.validUntil);
  return ctx.db.prisma.$transaction(async (tx) => {
    const { organisation: org } = await requireMembership(tx, ctx.caller.userId);
    const file = await ownImageOrPdf(tx, ctx.caller.userId, input.fileId);
    // One current document per kind: two members adding at once take turns.
    await lockOrganisations(tx, [org.id], 'update');
    const previous = await tx.organisationDocument.findFirst({
      where: { organisationId: org.id, kind: input.kind, status: 'current' },
    });
    if (previous) {
      await tx.organisationDocument.update({
        where: { id: previous.id },
        data: { status: 'superseded', supersededAt: ctx.now() },
      });
    }
    const doc = await tx.organisationDocument.create({
      data: {
        organisationId: org.id,
        kind: input.kind,
        fileId: file.id,
        validUntil: validUntil ? dbDate(validUntil) : null,
        status: 'current',
        uploadedBy: ctx.caller.userId,
        createdAt: ctx.now(),
      },
      include: DOCUMENT_FILE,
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.document.add',
      objectType: 'organisation_document',
      objectId: doc.id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        kind: doc.kind,
        kindName: organisationDocumentKindName(doc.kind),
        validUntil,
        originalName: file.originalName,
        ...(previous ? { replaces: previous.id } : {}),
      },
    });
    return documentDto(doc, today);
  });
}
