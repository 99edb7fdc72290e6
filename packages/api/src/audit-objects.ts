import { Prisma } from '@kc/db';
import type { ReadRows } from '@kc/db';
import { todayInShanghai } from '@kc/domain';
import { actorLabel } from './audit';
import { ruleInfo } from './awards/budget-service';

type Row = {
  objectType: string;
  objectId: string | null;
  actorUserId: string | null;
  details: unknown;
};
type Fields = {
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
};

/**
 * How an officer recognises each kind of record: the application number, the batch number, the
 * organisation's or person's name — never the UUID the row stores. Each kind reads up to two
 * fields (`a`, `b`) by id, and makes its name from them.
 */
interface Kind {
  /** `SELECT id, a, b FROM …` for the ids in `ids` (a uuid[] parameter, or text[]: `textIds`). */
  read: (ids: Prisma.Sql) => Prisma.Sql;
  /** The record's id is text, not a uuid (a policy version is named by its own id). */
  textIds?: true;
  label: (f: Fields, now: Date) => string | null;
}

const byName = (table: string, column: string): Kind['read'] => {
  const t = Prisma.raw(`"${table}"`);
  const c = Prisma.raw(`"${column}"`);
  return (ids) => Prisma.sql`SELECT id, ${c}::text, NULL::text FROM ${t} WHERE id = ANY(${ids})`;
};

/** Records that belong to an organisation are shown by the organisation's name. */
const ofOrganisation = (table: string): Kind => {
  const t = Prisma.raw(`"${table}"`);
  return {
    read: (ids) => Prisma.sql`
      SELECT x.id, o.name, NULL FROM ${t} x JOIN organisation o ON o.id = x.organisation_id
      WHERE x.id = ANY(${ids})`,
    label: (f) => f.a,
  };
};

const first: Kind['label'] = (f) => f.a;

const KINDS: Record<string, Kind> = {
  user: {
    read: (ids) => Prisma.sql`SELECT id, display_name, username FROM "user" WHERE id = ANY(${ids})`,
    label: (f) =>
      f.a === null ? null : actorLabel({ displayName: f.a, username: f.b }, { withUsername: true }),
  },
  application: { read: byName('application', 'number'), label: first },
  'notice-batch': {
    read: (ids) => Prisma.sql`SELECT id, number, title FROM notice_batch WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  disbursement_batch: {
    read: (ids) =>
      Prisma.sql`SELECT id, number, title FROM disbursement_batch WHERE id = ANY(${ids})`,
    label: (f) => (f.b ? `${f.a} ${f.b}` : f.a),
  },
  objection: {
    read: (ids) => Prisma.sql`
      SELECT o.id, COALESCE(a.number, s.number), NULL FROM objection o
      JOIN notice_item i ON i.id = o.notice_item_id
      LEFT JOIN application a ON a.id = i.application_id
      LEFT JOIN selection_submission s ON s.id = i.submission_id
      WHERE o.id = ANY(${ids})`,
    label: (f) => `${f.a} 的异议`,
  },
  'programme-budget': {
    read: (ids) =>
      Prisma.sql`SELECT id, rule_id, year::text FROM programme_budget WHERE id = ANY(${ids})`,
    label: (f, now) =>
      `${(f.a && ruleInfo(f.a, todayInShanghai(now))?.name) ?? '奖补事项'} ${f.b}年`,
  },
  organisation: { read: byName('organisation', 'name'), label: first },
  organisation_verification: ofOrganisation('organisation_verification'),
  organisation_change: ofOrganisation('organisation_change'),
  organisation_claim: ofOrganisation('organisation_claim'),
  organisation_bank_account: ofOrganisation('organisation_bank_account'),
  organisation_document: ofOrganisation('organisation_document'),
  organisation_invite: ofOrganisation('organisation_invite'),
  organisation_member: ofOrganisation('organisation_member'),
  exemption_invitation: ofOrganisation('exemption_invitation'),
  official_list_import: { read: byName('official_list_import', 'title'), label: first },
  official_list_entry: { read: byName('official_list_entry', 'name'), label: first },
  researcher: { read: byName('researcher', 'name'), label: first },
  expert: { read: byName('expert', 'name'), label: first },
  selection_call: {
    read: (ids) => Prisma.sql`SELECT id, number, title FROM selection_call WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  innovation_need: {
    read: (ids) => Prisma.sql`SELECT id, number, title FROM innovation_need WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  alliance: {
    read: (ids) => Prisma.sql`SELECT id, number, name FROM alliance WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  review_panel: {
    // A call's panel by its call; an acceptance panel (验收专家组) by its project.
    read: (ids) => Prisma.sql`
      SELECT p.id, COALESCE(c.title, pj.title), p.name FROM review_panel p
      LEFT JOIN selection_call c ON c.id = p.call_id
      LEFT JOIN project_report r ON r.id = p.project_report_id
      LEFT JOIN project pj ON pj.id = r.project_id
      WHERE p.id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  project: {
    read: (ids) => Prisma.sql`SELECT id, number, title FROM project WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  policy_version: {
    read: (ids) => Prisma.sql`
      SELECT id, amendment->>'title', amendment->>'version' FROM policy_version
      WHERE id = ANY(${ids})`,
    label: (f) => `${f.a}（${f.b}）`,
    textIds: true,
  },
  policy_consultation: {
    read: (ids) =>
      Prisma.sql`SELECT id, number, title FROM policy_consultation WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  selection_submission: {
    read: (ids) =>
      Prisma.sql`SELECT id, number, title FROM selection_submission WHERE id = ANY(${ids})`,
    label: (f) => `${f.a} ${f.b}`,
  },
  stored_file: { read: byName('stored_file', 'original_name'), label: first },
  vp_call: { read: byName('vp_call', 'title'), label: first },
  vp_need: {
    read: (ids) => Prisma.sql`
      SELECT n.id, o.name, n.title FROM vp_need n JOIN organisation o ON o.id = n.organisation_id
      WHERE n.id = ANY(${ids})`,
    label: (f) => `${f.a}：${f.b}`,
  },
  vp_candidate: {
    read: (ids) => Prisma.sql`
      SELECT c.id, r.name, NULL FROM vp_candidate c JOIN researcher r ON r.id = c.researcher_id
      WHERE c.id = ANY(${ids})`,
    label: first,
  },
  vp_secondment: {
    read: (ids) => Prisma.sql`
      SELECT s.id, r.name, o.name FROM vp_secondment s
      LEFT JOIN researcher r ON r.id = s.researcher_id
      LEFT JOIN organisation o ON o.id = s.organisation_id
      WHERE s.id = ANY(${ids})`,
    label: (f) => `${f.a ?? '科技副总'} → ${f.b ?? '企业'}`,
  },
};

const KIND_NAMES = Object.keys(KINDS);

/**
 * Who acted, with what an officer needs to tell people apart: the username (officers), the
 * researcher they registered as, or the organisation they act for (first active membership).
 */
const readActors = (ids: Prisma.Sql) => Prisma.sql`
  SELECT u.id, u.display_name, u.username, r.name, r.institution_name,
         (SELECT o.name FROM organisation_member m JOIN organisation o ON o.id = m.organisation_id
          WHERE m.user_id = u.id AND m.status = 'active' ORDER BY m.joined_at, m.id LIMIT 1)
  FROM "user" u LEFT JOIN researcher r ON r.user_id = u.id
  WHERE u.id = ANY(${ids})`;

/**
 * One statement for a page's names, whatever kinds of record it holds: every kind's read with its
 * own list of ids (empty for the kinds not on the page, which costs an index probe of nothing).
 * Its text never changes, so on PostgreSQL it is prepared once per connection (rows.ts); one
 * query per kind had been the audit list's slowest part at province scale (issue 13).
 */
const namesStatement = (idsOf: (kind: string) => string[], actorIds: string[]) => {
  const uuids = (ids: string[]) => Prisma.sql`${ids}::uuid[]`;
  const branches = KIND_NAMES.map((kind) => {
    const k = KINDS[kind] as Kind;
    const read = k.read(k.textIds ? Prisma.sql`${idsOf(kind)}::text[]` : uuids(idsOf(kind)));
    return Prisma.sql`SELECT ${kind}::text AS kind, k.id::text AS id, k.a, k.b, NULL::text AS c,
      NULL::text AS d, NULL::text AS e FROM (${read}) AS k(id, a, b)`;
  });
  branches.push(Prisma.sql`SELECT 'actor', k.id::text, k.a, k.b, k.c, k.d, k.e
    FROM (${readActors(uuids(actorIds))}) AS k(id, a, b, c, d, e)`);
  return Prisma.join(branches, ' UNION ALL ');
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

export interface AuditNames {
  /** Each row's actor, named as in the audit log (`actorLabel` with username and unit). */
  actors: (string | null)[];
  /** Each row's object: a record's human name, else its details', never a UUID. */
  objects: (string | null)[];
}

/** The names of a page of audit rows' actors and objects, in one statement. */
export async function auditNames(
  rows: ReadRows,
  page: readonly Row[],
  now: Date,
): Promise<AuditNames> {
  const idsByKind = new Map<string, Set<string>>();
  for (const r of page) {
    if (!r.objectId || !UUID.test(r.objectId) || !KINDS[r.objectType]) continue;
    const ids = idsByKind.get(r.objectType) ?? new Set<string>();
    idsByKind.set(r.objectType, ids.add(r.objectId));
  }
  const actorIds = [...new Set(page.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const found = await rows<{ kind: string; id: string } & Fields>(
    namesStatement((kind) => [...(idsByKind.get(kind) ?? [])], actorIds),
  );
  const named = new Map<string, string>();
  for (const f of found) {
    const name =
      f.kind === 'actor'
        ? actorLabel(
            { displayName: f.a ?? '', username: f.b },
            {
              withUsername: true,
              researcher: f.c === null ? null : { name: f.c, institutionName: f.d ?? '' },
              unit: f.e,
            },
          )
        : (KINDS[f.kind] as Kind).label(f, now);
    if (name) named.set(`${f.kind}:${f.id}`, name);
  }
  return {
    actors: page.map((r) => (r.actorUserId ? (named.get(`actor:${r.actorUserId}`) ?? null) : null)),
    objects: page.map((r) => {
      const known = r.objectId
        ? named.get(`${r.objectType}:${r.objectId.toLowerCase()}`)
        : undefined;
      if (known) return known;
      const told = fromDetails(r.details);
      if (told) return told;
      return r.objectId && !UUID.test(r.objectId) ? r.objectId : null;
    }),
  };
}
