import type { Alliance, AllianceMember, TransactionClient } from '@kc/db';
import type { AllianceForm, AllianceStatus, OrganisationType } from '@kc/domain';
import {
  allianceMemberProblems,
  allianceStatusName,
  areaName,
  fieldName,
  organisationTypeName,
} from '@kc/domain';
import { appError } from '../errors';
import { orgTypeFromDb } from '../mappers';

/**
 * 创新联盟 rows as each reader gets them: the public (approved alliances, organisations named,
 * nobody's people), and the lead firm and officers (status, comment, charter, version). Also the
 * member list a registration is stored with, registered units read by their id.
 */

export const WITH_LEAD_AND_MEMBERS = {
  leadOrganisation: { select: { name: true } },
  members: { orderBy: { position: 'asc' } },
} as const;

type AllianceRow = Alliance & { leadOrganisation: { name: string }; members: AllianceMember[] };
type Files = Pick<TransactionClient, 'storedFile'>;

/** What anyone may read of an approved alliance. */
export function publicAllianceDto(a: AllianceRow) {
  return {
    id: a.id,
    number: a.number,
    name: a.name,
    fieldCode: a.fieldCode,
    fieldName: fieldName(a.fieldCode),
    leadOrganisationName: a.leadOrganisation.name,
    areaName: areaName(a.areaCode),
    purpose: a.purpose,
    members: a.members.map((m) => ({
      name: m.name,
      unitType: m.unitType,
      unitTypeName: organisationTypeName(m.unitType),
    })),
    approvedAt: a.approvedAt,
  };
}

/** The lead firm's and officers' view; `charter` as stored (null only if the file went). */
function fullAllianceDto(
  a: AllianceRow,
  charter: { id: string; originalName: string; sizeBytes: number } | null,
) {
  return {
    ...publicAllianceDto(a),
    members: a.members.map((m) => ({
      /** a registered organisation's id, or null for a unit named by the lead firm */
      organisationId: m.organisationId,
      name: m.name,
      unitType: m.unitType as OrganisationType,
      unitTypeName: organisationTypeName(m.unitType),
    })),
    status: a.status as AllianceStatus,
    statusName: allianceStatusName(a.status),
    comment: a.comment,
    charter,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
export type AllianceDto = ReturnType<typeof fullAllianceDto>;

/** Full views of many alliances, their charters read in one query. */
export async function fullAllianceDtos(db: Files, rows: readonly AllianceRow[]) {
  const ids = [...new Set(rows.map((a) => a.charterFileId))];
  const files = ids.length
    ? await db.storedFile.findMany({
        where: { id: { in: ids } },
        select: { id: true, originalName: true, sizeBytes: true },
      })
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((a) => fullAllianceDto(a, byId.get(a.charterFileId) ?? null));
}

export async function fullAllianceDtoOf(db: Files, row: AllianceRow) {
  const [dto] = await fullAllianceDtos(db, [row]);
  return dto as AllianceDto;
}

const membersRefused = (messages: string[]) =>
  appError('INVALID_INPUT', { message: messages[0], fieldErrors: { members: messages } });

/**
 * The member rows a registration is stored with, in the order given: a registered unit by the
 * name and type it is registered under (it must be verified: its name is then locked), a named
 * unit as typed. Checked again once the registered names are known: a unit twice, or the lead.
 */
export async function memberRows(
  tx: Pick<TransactionClient, 'organisation'>,
  members: AllianceForm['members'],
  lead: { id: string; name: string },
) {
  const ids = [...new Set(members.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
  const found = ids.length
    ? await tx.organisation.findMany({
        where: { id: { in: ids }, verificationStatus: 'verified' },
        select: { id: true, name: true, type: true },
      })
    : [];
  const byId = new Map(found.map((o) => [o.id, o]));
  const unknown = members.filter((m) => m.organisationId && !byId.has(m.organisationId));
  if (unknown.length > 0)
    throw membersRefused(
      unknown.map((m) => `成员单位“${m.name}”不是平台上已认证的单位，请重新选择或直接填写单位名称`),
    );
  const rows = members.map((m, i) => {
    const org = m.organisationId ? byId.get(m.organisationId) : undefined;
    return {
      organisationId: org?.id ?? null,
      name: org?.name ?? m.name,
      unitType: org ? orgTypeFromDb(org.type) : m.unitType,
      position: i + 1,
    };
  });
  const problems = allianceMemberProblems(
    rows.map((r) => ({ organisationId: r.organisationId ?? undefined, name: r.name })),
    lead,
  );
  if (problems.length > 0) throw membersRefused(problems.map((p) => p.message));
  return rows;
}
