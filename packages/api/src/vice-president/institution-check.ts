import type { Organisation, Researcher, TransactionClient } from '@kc/db';
import type { InstitutionLinkFacts } from '@kc/domain';
import {
  institutionKindFor,
  institutionKindName,
  institutionLinkWarning,
  organisationTypeName,
} from '@kc/domain';
import { orgTypeFromDb } from '../mappers';

type LinkedResearcher = Researcher & {
  institutionOrg: Pick<Organisation, 'name' | 'type'> | null;
};

/** What the officers' lists load with a candidate's researcher: the institution they linked. */
export const RESEARCHER_WITH_INSTITUTION = {
  researcher: { include: { institutionOrg: { select: { name: true, type: true } } } },
} as const;

export function linkFactsOf(r: LinkedResearcher): InstitutionLinkFacts {
  return {
    status: r.institutionLinkStatus,
    organisationType: r.institutionOrg ? orgTypeFromDb(r.institutionOrg.type) : null,
    organisationName: r.institutionOrg?.name ?? null,
  };
}

/** The researcher's link as eligibility reads it, loaded inside the caller's transaction. */
export async function linkFactsFor(
  tx: Pick<TransactionClient, 'organisation'>,
  researcher: Researcher,
): Promise<InstitutionLinkFacts> {
  const org = researcher.institutionOrgId
    ? await tx.organisation.findUnique({
        where: { id: researcher.institutionOrgId },
        select: { name: true, type: true },
      })
    : null;
  return linkFactsOf({ ...researcher, institutionOrg: org });
}

/**
 * For officers: is the candidate's 单位 (高校 / 科研院所, which eligibility rests on) confirmed by
 * the institution? Unconfirmed → a warning; confirmed but not what the application declared
 * (confirmed after applying) → a note saying so.
 */
export function institutionCheck(declaredKind: string, researcher: LinkedResearcher) {
  const link = linkFactsOf(researcher);
  const warning = institutionLinkWarning(link);
  if (warning) return { institutionUnverified: true, institutionNote: warning };
  const confirmedKind = institutionKindFor(declaredKind, link);
  const note =
    confirmedKind === declaredKind
      ? null
      : `经“${link.organisationName ?? ''}”确认，工作单位类型为${organisationTypeName(link.organisationType ?? '')}，与报名时填报的${institutionKindName(declaredKind)}不符`;
  return { institutionUnverified: false, institutionNote: note };
}
