import type { OrganisationDocument, StoredFile } from '@kc/db';
import { documentShortName, documentValidOn, organisationDocumentKindName } from '@kc/domain';
import { dateOf } from '../../dates';

export type DocumentRow = OrganisationDocument & {
  file: Pick<StoredFile, 'originalName' | 'mimeType' | 'sizeBytes'>;
};

export const DOCUMENT_FILE = {
  file: { select: { originalName: true, mimeType: true, sizeBytes: true } },
} as const;

/**
 * Why a library document cannot stand as evidence on `day` (YYYY-MM-DD, Shanghai), or null when
 * it can: it must be the current one of its kind and within its validity.
 */
export function documentRefusal(
  doc: Pick<OrganisationDocument, 'kind' | 'status' | 'validUntil'>,
  day: string,
): string | null {
  const name = documentShortName(doc.kind);
  const validUntil = dateOf(doc.validUntil);
  if (!documentValidOn(validUntil, day)) {
    return `资料库中的${name}已过有效期（有效期至 ${validUntil}），请重新上传`;
  }
  if (doc.status !== 'current') {
    return `资料库中的${name}已被新上传的一份替换，请改用资料库中最新的${name}或重新上传`;
  }
  return null;
}

/** A library document as its organisation's members see it; `today` decides 已过期. */
export function documentDto(doc: DocumentRow, today: string) {
  const validUntil = dateOf(doc.validUntil);
  const expired = !documentValidOn(validUntil, today);
  return {
    id: doc.id,
    kind: doc.kind,
    kindName: organisationDocumentKindName(doc.kind),
    fileId: doc.fileId,
    originalName: doc.file.originalName,
    mimeType: doc.file.mimeType,
    sizeBytes: doc.file.sizeBytes,
    validUntil,
    validityLabel: validUntil ? `有效期至 ${validUntil}` : '长期有效（更新前）',
    current: doc.status === 'current',
    statusLabel: doc.status === 'current' ? (expired ? '已过期' : '在用') : '已更新',
    expired,
    uploadedAt: doc.createdAt,
    supersededAt: doc.supersededAt,
  };
}

export type DocumentDto = ReturnType<typeof documentDto>;
