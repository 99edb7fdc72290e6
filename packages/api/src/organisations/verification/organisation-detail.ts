import type { Organisation } from '@kc/db';
import {
  maskAccountNo,
  organisationDocumentKindName,
  platformLevelName,
  verifiedQualificationName,
} from '@kc/domain';
import type { Context } from '../../context';
import { dateOf } from '../../dates';
import { changeDto, memberDto, verificationDto } from './dto';

/** Where a verified qualification comes from, in the officer's words. */
const QUALIFICATION_SOURCE_NAMES: Record<string, string> = {
  'official-list': '官方认定名单核验',
  officer: '工作人员核验',
};

/**
 * What officers read about an organisation beyond its profile, read-only: verification and its
 * history, change requests (old and new values), the people (no phone numbers), the active bank
 * account with its number masked, verified qualifications with their source, and the standing
 * documents with their validity.
 */
export async function organisationTrustDetail(ctx: Context, org: Organisation) {
  const prisma = ctx.db.prisma;
  const organisationId = org.id;
  const [verifications, changes, members, account, qualifications, documents] = await Promise.all([
    prisma.organisationVerification.findMany({
      where: { organisationId },
      include: { licenceFile: true, authorisationFile: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
    prisma.organisationChange.findMany({
      where: { organisationId },
      include: { licenceFile: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
    prisma.organisationMember.findMany({
      where: { organisationId, status: 'active' },
      include: { user: { select: { displayName: true } } },
      orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.organisationBankAccount.findFirst({ where: { organisationId, status: 'active' } }),
    prisma.organisationQualification.findMany({
      where: { organisationId },
      orderBy: [{ recognisedOn: 'desc' }, { id: 'asc' }],
    }),
    prisma.organisationDocument.findMany({
      where: { organisationId, status: 'current' },
      orderBy: [{ kind: 'asc' }, { createdAt: 'desc' }],
    }),
  ]);
  return {
    verifiedAt: org.verifiedAt,
    legalRepresentative: org.legalRepresentative,
    verifications: verifications.map(verificationDto),
    changes: changes.map(changeDto),
    members: members.map(memberDto),
    bankAccount: account
      ? {
          holder: account.holder,
          bankName: account.bankName,
          branchName: account.branchName,
          accountNoMasked: maskAccountNo(account.accountNo),
          since: account.createdAt,
        }
      : null,
    verifiedQualifications: qualifications.map((q) => ({
      id: q.id,
      kind: q.kind,
      kindLabel: verifiedQualificationName(q.kind),
      levelLabel: q.level ? platformLevelName(q.level) : null,
      source: q.source,
      sourceLabel: QUALIFICATION_SOURCE_NAMES[q.source] ?? '已核验',
      documentNo: q.documentNo,
      recognisedOn: dateOf(q.recognisedOn),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      kindLabel: organisationDocumentKindName(d.kind),
      validUntil: dateOf(d.validUntil),
      addedAt: d.createdAt,
    })),
  };
}
