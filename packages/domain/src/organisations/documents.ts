import { z } from 'zod';
import { labelsOf } from '../entities/shared';
import { codesOf, nameLookup } from '../reference/lookup';

/**
 * 资料库: documents an organisation keeps once and attaches to many applications.
 * `evidenceKinds`: the award rules' evidence kinds (EvidenceRequirement.kind) a document stands for.
 * `validity`: 'year-end' — valid to 31 December of the year it is added (a yearly 信用承诺书);
 * 'until-replaced'; 'given' — the uploader states the last valid day (e.g. a licence's 营业期限).
 */
export const ORGANISATION_DOCUMENT_KINDS = [
  {
    code: 'business-licence',
    name: '营业执照',
    evidenceKinds: [],
    validity: 'given',
  },
  {
    code: 'institution-certificate',
    name: '事业单位法人证书',
    evidenceKinds: [],
    validity: 'given',
  },
  {
    code: 'credit-commitment',
    name: '信用承诺书（年度）',
    evidenceKinds: ['credit-commitment'],
    validity: 'year-end',
  },
  {
    code: 'bank-account-proof',
    name: '收款账户证明（开户许可证或基本存款账户信息）',
    evidenceKinds: ['bank-account'],
    validity: 'until-replaced',
  },
  {
    code: 'authorisation-letter',
    name: '授权委托书',
    evidenceKinds: [],
    validity: 'given',
  },
] as const;
export type OrganisationDocumentKind = (typeof ORGANISATION_DOCUMENT_KINDS)[number]['code'];
export const organisationDocumentKindName = nameLookup(ORGANISATION_DOCUMENT_KINDS);

export const organisationDocumentSchema = z
  .object({
    kind: z
      .enum(codesOf(ORGANISATION_DOCUMENT_KINDS), { error: '请选择资料类型' })
      .meta({ title: '资料类型', labels: labelsOf(ORGANISATION_DOCUMENT_KINDS) }),
    fileId: z.uuid({ error: '请上传资料文件（图片或PDF）' }).meta({ title: '资料文件' }),
    validUntil: z.iso
      .date({ error: '请填写有效期至（格式：YYYY-MM-DD）' })
      .optional()
      .meta({ title: '有效期至', description: '证照上的有效期；长期有效的不填' }),
  })
  .strict();
export type OrganisationDocumentInput = z.input<typeof organisationDocumentSchema>;

/** The document kind that stands for an evidence kind, if the library can supply it. */
export function documentKindForEvidence(evidenceKind: string): OrganisationDocumentKind | null {
  const found = ORGANISATION_DOCUMENT_KINDS.find((k) =>
    (k.evidenceKinds as readonly string[]).includes(evidenceKind),
  );
  return found?.code ?? null;
}

/**
 * The last day a document added on `today` (YYYY-MM-DD, Shanghai) may be used: the given date
 * where the kind takes one, the year's end for yearly ones, null (until replaced) otherwise.
 */
export function documentValidUntil(
  kind: OrganisationDocumentKind,
  today: string,
  given?: string,
): string | null {
  const spec = ORGANISATION_DOCUMENT_KINDS.find((k) => k.code === kind);
  if (spec?.validity === 'year-end') return `${today.slice(0, 4)}-12-31`;
  if (spec?.validity === 'given') return given ?? null;
  return null;
}

/** Whether a document is usable on `day` (both YYYY-MM-DD; null = no end). */
export function documentValidOn(validUntil: string | null, day: string): boolean {
  return validUntil === null || day <= validUntil;
}

/** Where an application's piece of evidence comes from (application_evidence.source). */
export const EVIDENCE_SOURCES = [
  { code: 'upload', name: '本次上传' },
  { code: 'library', name: '单位资料库' },
  { code: 'official-list', name: '官方认定名单（免申即享）' },
  { code: 'bank-account', name: '平台登记的收款账户' },
  { code: 'e-commitment', name: '线上信用承诺' },
  { code: 'selection', name: '评选申报时提交的材料' },
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number]['code'];
export const evidenceSourceName = nameLookup(EVIDENCE_SOURCES);
