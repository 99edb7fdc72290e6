import type { Prisma } from '@kc/db';
import { todayInShanghai } from '@kc/domain';
import { ruleInfo } from './awards/budget-service';

type Db = Prisma.TransactionClient;
type Row = { objectType: string; objectId: string | null; details: unknown };
type Labels = Map<string, string>;
type Loader = (db: Db, ids: string[], now: Date) => Promise<Labels>;

const byId = <T extends { id: string }>(rows: T[], label: (row: T) => string): Labels =>
  new Map(rows.map((r) => [r.id, label(r)]));

/** Records that belong to an organisation are shown by the organisation's name. */
const ofOrganisation =
  (find: (db: Db, ids: string[]) => Promise<{ id: string; organisation: { name: string } }[]>) =>
  async (db: Db, ids: string[]) =>
    byId(await find(db, ids), (r) => r.organisation.name);

const org = { select: { name: true } } as const;

/**
 * How an officer recognises each kind of record: the application number, the batch number, the
 * organisation's or person's name — never the UUID the row stores.
 */
const LOADERS: Record<string, Loader> = {
  user: async (db, ids) =>
    byId(
      await db.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, displayName: true, username: true },
      }),
      (u) => (u.username ? `${u.displayName}（${u.username}）` : u.displayName),
    ),
  application: async (db, ids) =>
    byId(
      await db.application.findMany({
        where: { id: { in: ids } },
        select: { id: true, number: true },
      }),
      (a) => a.number,
    ),
  'notice-batch': async (db, ids) =>
    byId(
      await db.noticeBatch.findMany({
        where: { id: { in: ids } },
        select: { id: true, number: true, title: true },
      }),
      (b) => `${b.number} ${b.title}`,
    ),
  disbursement_batch: async (db, ids) =>
    byId(
      await db.disbursementBatch.findMany({
        where: { id: { in: ids } },
        select: { id: true, number: true, title: true },
      }),
      (b) => (b.title ? `${b.number} ${b.title}` : b.number),
    ),
  objection: async (db, ids) =>
    byId(
      await db.objection.findMany({
        where: { id: { in: ids } },
        select: { id: true, noticeItem: { select: { application: { select: { number: true } } } } },
      }),
      (o) => `${o.noticeItem.application.number} 的异议`,
    ),
  'programme-budget': async (db, ids, now) =>
    byId(
      await db.programmeBudget.findMany({
        where: { id: { in: ids } },
        select: { id: true, ruleId: true, year: true },
      }),
      (b) => `${ruleInfo(b.ruleId, todayInShanghai(now))?.name ?? '奖补事项'} ${b.year}年`,
    ),
  organisation: async (db, ids) =>
    byId(
      await db.organisation.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true },
      }),
      (o) => o.name,
    ),
  organisation_verification: ofOrganisation((db, ids) =>
    db.organisationVerification.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  organisation_change: ofOrganisation((db, ids) =>
    db.organisationChange.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  organisation_claim: ofOrganisation((db, ids) =>
    db.organisationClaim.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  organisation_bank_account: ofOrganisation((db, ids) =>
    db.organisationBankAccount.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  organisation_document: ofOrganisation((db, ids) =>
    db.organisationDocument.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  organisation_invite: ofOrganisation((db, ids) =>
    db.organisationInvite.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  organisation_member: ofOrganisation((db, ids) =>
    db.organisationMember.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  exemption_invitation: ofOrganisation((db, ids) =>
    db.exemptionInvitation.findMany({
      where: { id: { in: ids } },
      select: { id: true, organisation: org },
    }),
  ),
  official_list_import: async (db, ids) =>
    byId(
      await db.officialListImport.findMany({
        where: { id: { in: ids } },
        select: { id: true, title: true },
      }),
      (i) => i.title,
    ),
  official_list_entry: async (db, ids) =>
    byId(
      await db.officialListEntry.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true },
      }),
      (e) => e.name,
    ),
  researcher: async (db, ids) =>
    byId(
      await db.researcher.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true },
      }),
      (r) => r.name,
    ),
  stored_file: async (db, ids) =>
    byId(
      await db.storedFile.findMany({
        where: { id: { in: ids } },
        select: { id: true, originalName: true },
      }),
      (f) => f.originalName,
    ),
  vp_call: async (db, ids) =>
    byId(
      await db.vpCall.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
      (c) => c.title,
    ),
  vp_need: async (db, ids) =>
    byId(
      await db.vpNeed.findMany({
        where: { id: { in: ids } },
        select: { id: true, title: true, organisation: org },
      }),
      (n) => `${n.organisation.name}：${n.title}`,
    ),
  vp_candidate: async (db, ids) =>
    byId(
      await db.vpCandidate.findMany({
        where: { id: { in: ids } },
        select: { id: true, researcher: { select: { name: true } } },
      }),
      (c) => c.researcher.name,
    ),
  vp_secondment: async (db, ids) => {
    const rows = await db.vpSecondment.findMany({
      where: { id: { in: ids } },
      select: { id: true, researcherId: true, organisationId: true },
    });
    const [people, orgs] = await Promise.all([
      db.researcher.findMany({
        where: { id: { in: rows.map((r) => r.researcherId) } },
        select: { id: true, name: true },
      }),
      db.organisation.findMany({
        where: { id: { in: rows.map((r) => r.organisationId) } },
        select: { id: true, name: true },
      }),
    ]);
    const person = byId(people, (p) => p.name);
    const firm = byId(orgs, (o) => o.name);
    return byId(
      rows,
      (s) =>
        `${person.get(s.researcherId) ?? '科技副总'} → ${firm.get(s.organisationId) ?? '企业'}`,
    );
  },
};

/** What a row's details say about its object when the record itself is not at hand. */
function fromDetails(details: unknown): string | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as Record<string, unknown>;
  for (const key of ['number', 'name', 'username', 'title'])
    if (typeof d[key] === 'string' && d[key]) return d[key];
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The human name of each row's object, in one query per kind of record on the page. A row whose
 * record is gone or unnamed falls back to its details, and never to a UUID.
 */
export async function auditObjectLabels(
  db: Db,
  rows: readonly Row[],
  now: Date,
): Promise<(string | null)[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.objectId || !UUID.test(r.objectId) || !LOADERS[r.objectType]) continue;
    const ids = idsByType.get(r.objectType) ?? new Set<string>();
    idsByType.set(r.objectType, ids.add(r.objectId));
  }
  const loaded = new Map(
    await Promise.all(
      [...idsByType].map(async ([type, ids]) => {
        const load = LOADERS[type] as Loader;
        return [type, await load(db, [...ids], now)] as const;
      }),
    ),
  );
  return rows.map((r) => {
    const known = r.objectId ? loaded.get(r.objectType)?.get(r.objectId) : undefined;
    if (known) return known;
    const told = fromDetails(r.details);
    if (told) return told;
    return r.objectId && !UUID.test(r.objectId) ? r.objectId : null;
  });
}
