import type {
  Organisation,
  OrganisationMember,
  OrganisationChange,
  OrganisationClaim,
  OrganisationVerification,
  StoredFile,
} from '@kc/db';
import type { OrganisationType } from '@kc/domain';
import {
  actingRoleName,
  changeStatusName,
  claimStatusName,
  areaName,
  licenceKindName,
  lockedFieldName,
  maskMobile,
  memberRoleName,
  organisationTypeName,
  registrationFlagName,
  verificationRequestStatusName,
} from '@kc/domain';
import { orgTypeFromDb } from '../../mappers';

/** A licence or 授权委托书 as officers and the uploader see it (downloaded through GET /files/:id). */
export function fileDto(file: StoredFile | null) {
  if (!file) return null;
  return {
    id: file.id,
    originalName: file.originalName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
  };
}

export function flagsDto(flags: readonly string[]) {
  return flags.map((code) => ({ code, name: registrationFlagName(code) }));
}

/** The organisation a request is about, as it stands now. */
export function organisationRefDto(org: Organisation) {
  return {
    id: org.id,
    name: org.name,
    creditCode: org.creditCode,
    type: orgTypeFromDb(org.type),
    areaCode: org.areaCode,
    areaName: areaName(org.areaCode),
    verificationStatus: org.verificationStatus,
  };
}

export type VerificationRow = OrganisationVerification & {
  licenceFile: StoredFile;
  authorisationFile: StoredFile | null;
};

/** One verification submission: the licence, who acted, the snapshot and the decision. */
export function verificationDto(row: VerificationRow) {
  const type = orgTypeFromDb(row.type);
  return {
    id: row.id,
    organisationId: row.organisationId,
    status: row.status,
    statusLabel: verificationRequestStatusName(row.status),
    licenceKind: row.licenceKind,
    licenceKindLabel: licenceKindName(row.licenceKind),
    licenceFile: fileDto(row.licenceFile),
    legalRepName: row.legalRepName,
    actingRole: row.applicantRole,
    actingRoleLabel: actingRoleName(row.applicantRole),
    authorisationFile: fileDto(row.authorisationFile),
    /** The organisation as it stood when submitted. */
    snapshot: {
      name: row.name,
      creditCode: row.creditCode,
      type,
      typeLabel: organisationTypeName(type),
      areaCode: row.areaCode,
      areaName: areaName(row.areaCode),
    },
    flags: flagsDto(row.flags),
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt,
  };
}

type LockedValues = Partial<Record<'name' | 'creditCode' | 'type', string>>;

/** Each field a change request touches, from and to, with its Chinese name. */
function changedFields(row: OrganisationChange) {
  const to = row.changes as LockedValues;
  const from = row.previous as LockedValues;
  const shown = (field: string, value: string | undefined) =>
    value === undefined
      ? null
      : field === 'type'
        ? organisationTypeName(value as OrganisationType)
        : value;
  return (['name', 'creditCode', 'type'] as const)
    .filter((field) => to[field] !== undefined)
    .map((field) => ({
      field,
      label: lockedFieldName(field),
      from: shown(field, from[field]),
      to: shown(field, to[field]),
    }));
}

export type ChangeRow = OrganisationChange & { licenceFile: StoredFile };

/** A change request; `fields` keeps the old values (history) next to the new ones. */
export function changeDto(row: ChangeRow) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    status: row.status,
    statusLabel: changeStatusName(row.status),
    fields: changedFields(row),
    reason: row.reason,
    licenceFile: fileDto(row.licenceFile),
    areaCode: row.areaCode,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt,
  };
}

export type ClaimRow = OrganisationClaim & {
  organisation: Organisation;
  licenceFile: StoredFile;
  authorityFile: StoredFile | null;
};

/** What the claimant sees of their own claim. */
export function ownClaimDto(row: ClaimRow) {
  return {
    id: row.id,
    status: row.status,
    statusLabel: claimStatusName(row.status),
    organisation: { name: row.organisation.name, creditCode: row.organisation.creditCode },
    licenceKindLabel: licenceKindName(row.licenceKind),
    claimantRoleLabel: actingRoleName(row.claimantRole),
    statement: row.statement,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt,
  };
}

/** The claimant's side of a claim, for the officer (phone masked). */
export function claimantSideDto(row: ClaimRow) {
  return {
    id: row.id,
    status: row.status,
    statusLabel: claimStatusName(row.status),
    claimantName: row.claimantName,
    claimantPhoneMasked: maskMobile(row.claimantPhone),
    claimantRole: row.claimantRole,
    claimantRoleLabel: actingRoleName(row.claimantRole),
    legalRepName: row.legalRepName,
    licenceKind: row.licenceKind,
    licenceKindLabel: licenceKindName(row.licenceKind),
    licenceFile: fileDto(row.licenceFile),
    authorityFile: fileDto(row.authorityFile),
    statement: row.statement,
    areaCode: row.areaCode,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt,
  };
}

/** How a membership began, in the officer's words. */
const MEMBER_ORIGIN_NAMES: Record<string, string> = {
  registered: '注册单位',
  invited: '受邀加入',
  claim: '认领申诉',
  migrated: '原账号迁移',
};

/** One of the organisation's people as officers see them: no phone numbers, no openid. */
export function memberDto(m: OrganisationMember & { user: { displayName: string } }) {
  return {
    id: m.id,
    displayName: m.user.displayName,
    role: m.role,
    roleLabel: memberRoleName(m.role),
    origin: m.origin,
    originLabel: MEMBER_ORIGIN_NAMES[m.origin] ?? '其他',
    joinedAt: m.joinedAt,
  };
}
