import type { OfficialListEntry, Organisation, Prisma, TransactionClient } from '@kc/db';
import {
  invitationFor,
  officialListKindName,
  policyRule,
  sameOrganisationName,
  todayInShanghai,
  verifiedQualificationName,
} from '@kc/domain';
import { writeAudit } from '../../audit';
import { notifyOrganisation } from '../../notifications/write';
import { domainEntry } from './common';
import { policySetOn } from '../../policy/catalogue';

/** Who acts (the officer committing a list, or verifying the organisation), with the clock. */
export type Actor = Parameters<typeof writeAudit>[1];

/**
 * A re-recognised firm's previous certificate, when the row does not give it: the latest earlier
 * 高企 entry of the same organisation (by link or by credit code).
 */
async function previousCertificateOf(
  tx: Pick<TransactionClient, 'officialListEntry'>,
  entry: OfficialListEntry,
  organisationId: string,
): Promise<string | undefined> {
  const earlier = await tx.officialListEntry.findFirst({
    where: {
      listKind: 'high-tech-enterprise',
      id: { not: entry.id },
      recognisedOn: { lt: entry.recognisedOn },
      OR: [{ organisationId }, { creditCode: entry.creditCode }],
    },
    orderBy: { recognisedOn: 'desc' },
    select: { documentNo: true },
  });
  return earlier?.documentNo;
}

/**
 * An entry of an official list now belongs to a verified organisation: it becomes a verified
 * qualification (source official-list), and — where the policy pays for it — a 免申即享
 * invitation with the rule's input filled from the list; every member hears of it.
 */
export async function recogniseEntry(
  tx: TransactionClient,
  actor: Actor,
  entry: OfficialListEntry,
  org: Organisation,
  listTitle: string,
): Promise<{ qualified: boolean; invitationId: string | null }> {
  const at = actor.now();
  const qualified = await tx.organisationQualification.createMany({
    data: {
      organisationId: org.id,
      kind: entry.listKind,
      level: entry.level,
      source: 'official-list',
      documentNo: entry.documentNo,
      recognisedOn: entry.recognisedOn,
      detail: (entry.detail ?? {}) as Prisma.InputJsonValue,
      listEntryId: entry.id,
      verifiedBy: actor.caller?.userId ?? null,
      createdAt: at,
    },
    // An officer may have recorded the same certificate already: that record stands.
    skipDuplicates: true,
  });

  const listed = domainEntry(entry);
  const needsPrevious =
    listed.kind === 'high-tech-enterprise' &&
    listed.detail.recognitionType === 're' &&
    !listed.detail.previousCertificateNo;
  const invitation = invitationFor(listed, {
    previousCertificateNo: needsPrevious
      ? await previousCertificateOf(tx, entry, org.id)
      : undefined,
  });
  const qualification = verifiedQualificationName(entry.listKind);
  const listedIn = `您单位已列入《${listTitle}》（${officialListKindName(entry.listKind)}，${entry.documentNo}）`;

  if (!invitation) {
    await notifyOrganisation(tx, org.id, {
      kind: 'qualification-verified',
      title: `资质已核验：${qualification}`,
      body: `${listedIn}，平台已将“${qualification}”记为已核验资质。`,
      at,
    });
    return { qualified: qualified.count > 0, invitationId: null };
  }

  const created = await tx.exemptionInvitation.create({
    data: {
      organisationId: org.id,
      listEntryId: entry.id,
      ruleId: invitation.ruleId,
      input: invitation.input as Prisma.InputJsonValue,
      status: 'invited',
      createdAt: at,
      updatedAt: at,
    },
  });
  const set = policySetOn(todayInShanghai(at));
  const rule = set ? policyRule(set, invitation.ruleId) : undefined;
  const award = rule ? `“${rule.name}”（${rule.clause}）` : '相应奖补';
  await notifyOrganisation(tx, org.id, {
    kind: 'exemption-invitation',
    title: `免申即享：可直接申领${rule?.name ?? '奖补'}`,
    body:
      `${listedIn}，按政策可免于申报，直接申领${award}。` +
      '申请内容已按名单预先填好，请单位管理员核对收款账户后一键确认申领。',
    at,
    link: { page: 'exemption-invitation', id: created.id },
  });
  return { qualified: qualified.count > 0, invitationId: created.id };
}

/**
 * An organisation has just been verified: the entries of earlier lists that carry its credit code
 * and waited unmatched are matched now (qualification + invitation), when the names agree. The
 * caller (verification) runs this in its own transaction, after setting the status.
 */
export async function matchPendingEntries(
  tx: TransactionClient,
  actor: Actor,
  organisation: Organisation,
): Promise<{ matched: number; invitations: number; nameDiffers: number }> {
  const result = { matched: 0, invitations: 0, nameDiffers: 0 };
  if (organisation.verificationStatus !== 'verified') return result;
  const pending = await tx.officialListEntry.findMany({
    where: { creditCode: organisation.creditCode, organisationId: null },
    include: { import: { select: { title: true } } },
    // Oldest first: a re-recognition then finds the earlier certificate already linked.
    orderBy: [{ recognisedOn: 'asc' }, { id: 'asc' }],
  });
  const documents: string[] = [];
  for (const { import: list, ...entry } of pending) {
    if (!sameOrganisationName(entry.name, organisation.name)) {
      result.nameDiffers++;
      continue;
    }
    const claimed = await tx.officialListEntry.updateMany({
      where: { id: entry.id, organisationId: null },
      data: { organisationId: organisation.id, matchedAt: actor.now() },
    });
    if (claimed.count !== 1) continue;
    const done = await recogniseEntry(
      tx,
      actor,
      { ...entry, organisationId: organisation.id, matchedAt: actor.now() },
      organisation,
      list.title,
    );
    result.matched++;
    if (done.invitationId) result.invitations++;
    documents.push(entry.documentNo);
  }
  if (result.matched > 0) {
    await writeAudit(tx, actor, {
      action: 'official-list.match',
      objectType: 'organisation',
      objectId: organisation.id,
      areaCode: organisation.areaCode,
      details: {
        organisationId: organisation.id,
        areaCode: organisation.areaCode,
        documents,
        invitations: result.invitations,
      },
    });
  }
  return result;
}
