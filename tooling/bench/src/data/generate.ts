/**
 * The generator: organisations, researchers and applications with their whole history, written
 * in batches through a `Sink`. Deterministic for a seed and a clock (`now`).
 */
import { formatNumber } from '@kc/db';
import type { NumberScope } from '@kc/db';
import { policySetFor, todayInShanghai } from '@kc/domain';
import type { AppContext, AppTables, Officer, Staff } from './applications';
import { emptyTables, generateApplication } from './applications';
import { generateOrganisations, generateResearchers } from './people';
import { seededRng } from './random';
import { DAY, disbursementBatches, noticeBatches } from './schedule';
import type { Cell, Columns, Sink } from './sink';

export interface GenerateOptions {
  orgs: number;
  researchers: number;
  applications: number;
  seed: number;
  now: Date;
  /** Where serial numbers start (--append: after what the database holds). */
  serialBase?: { orgs: number; researchers: number } | undefined;
  piiHashKey?: string | undefined;
  /** A second connection for the rows without a foreign key to the application (PostgreSQL). */
  sideSink?: Sink | undefined;
  log?: (line: string) => void;
}

export interface GenerateReport {
  rows: Record<string, number>;
  ms: number;
  stats: AppContext['stats'];
}

const APP_CHUNK = 5000;

export const APP_COLUMNS: Record<keyof AppTables, Columns> = {
  application: [
    ['id', 'uuid'],
    ['number', 'text'],
    ['applicant_user_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['researcher_id', 'uuid'],
    ['rule_id', 'text'],
    ['policy_set_id', 'text'],
    ['policy_version', 'text'],
    ['status', 'text'],
    ['input', 'jsonb'],
    ['area_code', 'text'],
    ['year', 'int'],
    ['computed_amount_fen', 'bigint'],
    ['approved_amount_fen', 'bigint'],
    ['override_reason', 'text'],
    ['explanation', 'jsonb'],
    ['once_keys', 'text[]'],
    ['item_key', 'text'],
    ['submitted_at', 'timestamptz'],
    ['decided_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['version', 'int'],
  ],
  application_event: [
    ['application_id', 'uuid'],
    ['at', 'timestamptz'],
    ['actor_user_id', 'uuid'],
    ['actor_role', 'text'],
    ['action', 'text'],
    ['from_status', 'text'],
    ['to_status', 'text'],
    ['comment', 'text'],
    ['details', 'jsonb'],
  ],
  audit_log: [
    ['at', 'timestamptz'],
    ['actor_user_id', 'uuid'],
    ['actor_role', 'text'],
    ['action', 'text'],
    ['object_type', 'text'],
    ['object_id', 'text'],
    ['area_code', 'text'],
    ['details', 'jsonb'],
    ['ip', 'text'],
  ],
  notification: [
    ['id', 'uuid'],
    ['user_id', 'uuid'],
    ['kind', 'text'],
    ['title', 'text'],
    ['body', 'text'],
    ['link_page', 'text'],
    ['link_id', 'uuid'],
    ['read_at', 'timestamptz'],
    ['push_status', 'text'],
    ['created_at', 'timestamptz'],
  ],
  award_once_key: [
    ['id', 'uuid'],
    ['key', 'text'],
    ['application_id', 'uuid'],
    ['rule_id', 'text'],
    ['created_at', 'timestamptz'],
  ],
  notice_item: [
    ['id', 'uuid'],
    ['batch_id', 'uuid'],
    ['application_id', 'uuid'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  disbursement: [
    ['id', 'uuid'],
    ['batch_id', 'uuid'],
    ['application_id', 'uuid'],
    ['amount_fen', 'bigint'],
    ['status', 'text'],
    ['payee_name', 'text'],
    ['payee_bank_name', 'text'],
    ['payee_account_no', 'text'],
    ['paid_at', 'timestamptz'],
    ['bank_reference', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  ledger_entry: [
    ['at', 'timestamptz'],
    ['rule_id', 'text'],
    ['year', 'int'],
    ['application_id', 'uuid'],
    ['approval_round', 'int'],
    ['disbursement_id', 'uuid'],
    ['kind', 'text'],
    ['amount_fen', 'bigint'],
    ['actor_user_id', 'uuid'],
    ['note', 'text'],
  ],
};

/** The officers the demo seed made: who reviews, publishes and pays in the generated history. */
export async function loadStaff(sink: Sink): Promise<Staff> {
  const rows = await sink.query<{ id: string; role: string; area_code: string | null }>(
    `SELECT id::text, role::text, area_code FROM "user" WHERE kind = 'OFFICER' AND NOT disabled ORDER BY username`,
  );
  const as = (r: (typeof rows)[number]): Officer => ({
    id: r.id,
    role: r.role.toLowerCase().replaceAll('_', '-'),
    areaCode: r.area_code,
  });
  const admin = rows.find((r) => r.role === 'BUREAU_ADMIN');
  const finance = rows.find((r) => r.role === 'FINANCE_OFFICER');
  if (!admin || !finance)
    throw new Error('没有局管理员或财务人员账号：请先运行演示数据（pnpm db:seed）');
  const reviewers = rows
    .filter((r) => r.role === 'BUREAU_REVIEWER' || r.role === 'BUREAU_ADMIN')
    .map(as);
  const areaOfficers = new Map(
    rows.flatMap((r) =>
      r.role === 'AREA_OFFICER' && r.area_code ? [[r.area_code, as(r)] as const] : [],
    ),
  );
  return { admin: as(admin), reviewers, finance: as(finance), areaOfficers };
}

export async function generateData(sink: Sink, o: GenerateOptions): Promise<GenerateReport> {
  const log = o.log ?? (() => undefined);
  const began = performance.now();
  const rng = seededRng(o.seed);
  const now = o.now.getTime();
  const set = policySetFor(todayInShanghai(o.now));
  if (!set) throw new Error(`${todayInShanghai(o.now)} 没有生效的政策版本`);
  const start = Date.parse(`${set.effectiveFrom}T09:00:00+08:00`) + 4 * DAY;
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const staff = await loadStaff(sink);

  let t = performance.now();
  const orgs = await generateOrganisations(sink, rng, {
    count: o.orgs,
    serialBase: o.serialBase?.orgs ?? 0,
    salt: o.seed % 97,
    start: start - 120 * DAY,
    now,
  });
  count('organisation', orgs.length);
  log(`organisations ${orgs.length} (with members and bank accounts) in ${secs(t)}`);
  t = performance.now();
  const researchers = await generateResearchers(sink, rng, {
    count: o.researchers,
    serialBase: o.serialBase?.researchers ?? 0,
    start: start - 120 * DAY,
    now,
    orgs,
    piiHashKey: o.piiHashKey,
  });
  count('researcher', researchers.length);
  log(`researchers ${researchers.length} in ${secs(t)}`);

  const from = set.effectiveFrom.slice(0, 4);
  const counters = await numberCounters(sink);
  const ctx: AppContext = {
    rng,
    set,
    staff,
    orgs,
    researchers,
    notices: noticeBatches(`${from}-03-02`, now, rng.uuid),
    disbursements: disbursementBatches(`${from}-04`, now, rng.uuid),
    start,
    now,
    onceKeys: new Set(await existing(sink, 'SELECT key FROM award_once_key', 'key')),
    budgets: new Map(),
    quotaBase: new Map(
      (
        await sink.query<{ rule_id: string; year: number; approved_count: number }>(
          'SELECT rule_id, year, approved_count FROM programme_budget',
        )
      ).map((r) => [`${r.rule_id}:${r.year}`, Number(r.approved_count)]),
    ),
    number: (year) => bump(counters, 'application', year),
    batchUse: new Map(),
    stats: { ineligible: 0, quota: 0, duplicate: 0, refusals: {} },
  };
  // Batches go in first (items point at them); the ones nobody was placed in are removed after.
  for (const [scope, plans] of [
    ['notice', ctx.notices],
    ['disbursement', ctx.disbursements],
  ] as const)
    for (const p of plans) p.seq = bump(counters, scope, p.year);
  await insertBatches(sink, ctx);

  t = performance.now();
  let written = 0;
  let genMs = 0;
  // Writing chunk k overlaps generating chunk k+1: generation yields to the event loop every few
  // hundred applications so the drivers keep sending. Audit rows and messages (no foreign key to
  // the application) go through a second connection where there is one.
  const side = o.sideSink ?? sink;
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < o.applications;) {
    const out = emptyTables();
    const n = Math.min(APP_CHUNK, o.applications - done);
    for (let i = 0; i < n; i++) {
      const g = performance.now();
      generateApplication(ctx, done + i, out);
      genMs += performance.now() - g;
      if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
    }
    done += n;
    await pending;
    const reached = done;
    pending = Promise.all(
      [
        [
          'application',
          'application_event',
          'award_once_key',
          'notice_item',
          'disbursement',
          'ledger_entry',
        ] as const,
        ['audit_log', 'notification'] as const,
      ].map(async (tables, lane) => {
        for (const table of tables) {
          await (lane === 0 ? sink : side).insert(table, APP_COLUMNS[table], out[table]);
          count(table, out[table].length);
          written += out[table].length;
        }
      }),
    ).then(() => {
      const s = (performance.now() - t) / 1000;
      log(
        `applications ${reached}/${o.applications}: ${written} rows in ${s.toFixed(1)} s (${Math.round(written / s)} rows/s; ${(genMs / 1000).toFixed(1)} s of it generating)`,
      );
    });
  }
  await pending;
  await finishBatches(sink, ctx, count);
  await writeBudgets(sink, ctx, now);
  for (const [key, last] of counters) {
    const [scope, year] = key.split(':') as [string, string];
    await sink.query(
      `INSERT INTO number_counter (scope, year, last_value) VALUES ($1, $2::int, $3::int)
       ON CONFLICT (scope, year) DO UPDATE SET last_value = EXCLUDED.last_value`,
      [scope, Number(year), last],
    );
  }
  return { rows, ms: performance.now() - began, stats: ctx.stats };
}

/** number_counter as a map `${scope}:${year}` → last value, bumped in memory and written back at the end. */
async function numberCounters(sink: Sink): Promise<Map<string, number>> {
  const rows = await sink.query<{ scope: string; year: number; last_value: number }>(
    'SELECT scope, year, last_value FROM number_counter',
  );
  return new Map(rows.map((r) => [`${r.scope}:${r.year}`, Number(r.last_value)]));
}

export function bump(counters: Map<string, number>, scope: NumberScope, year: number): number {
  const key = `${scope}:${year}`;
  const next = (counters.get(key) ?? 0) + 1;
  counters.set(key, next);
  return next;
}

const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function existing(sink: Sink, sql: string, column: string): Promise<string[]> {
  return (await sink.query<Record<string, string>>(sql)).map((r) => String(r[column]));
}

async function insertBatches(sink: Sink, c: AppContext) {
  const { admin, finance } = c.staff;
  const d = (ms: number | null) => (ms === null ? null : new Date(ms));
  await sink.insert(
    'notice_batch',
    [
      ['id', 'uuid'],
      ['number', 'text'],
      ['title', 'text'],
      ['published_on', 'date'],
      ['ends_on', 'date'],
      ['working_days', 'int'],
      ['status', 'text'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['published_by', 'uuid'],
      ['published_at', 'timestamptz'],
      ['closed_by', 'uuid'],
      ['closed_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    c.notices.map((n): Cell[] => [
      n.id,
      formatNumber('notice', n.year, n.seq),
      `${n.year}年第${n.seq}批科技奖补资金拟支持名单公示`,
      n.publishedOn,
      n.endsOn,
      5,
      n.closedAt === null ? 'published' : 'closed',
      admin.id,
      d(n.createdAt),
      admin.id,
      d(n.publishedAt),
      n.closedAt === null ? null : admin.id,
      d(n.closedAt),
      d(n.closedAt ?? n.publishedAt),
    ]),
  );
  await sink.insert(
    'disbursement_batch',
    [
      ['id', 'uuid'],
      ['number', 'text'],
      ['title', 'text'],
      ['status', 'text'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['confirmed_by', 'uuid'],
      ['confirmed_at', 'timestamptz'],
      ['paid_by', 'uuid'],
      ['paid_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    c.disbursements.map((b): Cell[] => [
      b.id,
      formatNumber('disbursement', b.year, b.seq),
      `${b.year}年第${b.seq}批奖补资金拨付`,
      b.paidAt !== null ? 'paid' : b.confirmedAt !== null ? 'confirmed' : 'draft',
      finance.id,
      d(b.createdAt),
      b.confirmedAt === null ? null : finance.id,
      d(b.confirmedAt),
      b.paidAt === null ? null : finance.id,
      d(b.paidAt),
      d(b.paidAt ?? b.confirmedAt ?? b.createdAt),
    ]),
  );
}

/** Totals, the batches' own audit rows, and no empty batches. */
async function finishBatches(sink: Sink, c: AppContext, count: (t: string, n: number) => void) {
  const unused = (ids: string[]) => ids.filter((id) => !c.batchUse.has(id));
  await sink.query(`DELETE FROM notice_batch WHERE id = ANY($1::uuid[])`, [
    unused(c.notices.map((n) => n.id)),
  ]);
  await sink.query(`DELETE FROM disbursement_batch WHERE id = ANY($1::uuid[])`, [
    unused(c.disbursements.map((b) => b.id)),
  ]);
  await sink.query(
    `UPDATE disbursement_batch b SET total_fen = s.total FROM (SELECT batch_id, sum(amount_fen) AS total FROM disbursement GROUP BY batch_id) s WHERE s.batch_id = b.id`,
  );
  const audits: Cell[][] = [];
  const { admin, finance } = c.staff;
  for (const n of c.notices) {
    if (!c.batchUse.has(n.id)) continue;
    audits.push([
      new Date(n.createdAt),
      admin.id,
      admin.role,
      'notice.create',
      'notice-batch',
      n.id,
      null,
      { title: `${n.year}年第${n.seq}批` },
      null,
    ]);
    audits.push([
      new Date(n.publishedAt),
      admin.id,
      admin.role,
      'notice.publish',
      'notice-batch',
      n.id,
      null,
      { items: Number(c.batchUse.get(n.id)) },
      null,
    ]);
    if (n.closedAt !== null)
      audits.push([
        new Date(n.closedAt),
        admin.id,
        admin.role,
        'notice.close',
        'notice-batch',
        n.id,
        null,
        {},
        null,
      ]);
  }
  for (const b of c.disbursements) {
    if (!c.batchUse.has(b.id)) continue;
    audits.push([
      new Date(b.createdAt),
      finance.id,
      finance.role,
      'disbursement.create',
      'disbursement-batch',
      b.id,
      null,
      { totalFen: String(c.batchUse.get(b.id)) },
      null,
    ]);
    if (b.confirmedAt !== null)
      audits.push([
        new Date(b.confirmedAt),
        finance.id,
        finance.role,
        'disbursement.confirm',
        'disbursement-batch',
        b.id,
        null,
        {},
        null,
      ]);
    if (b.paidAt !== null)
      audits.push([
        new Date(b.paidAt),
        finance.id,
        finance.role,
        'disbursement.pay',
        'disbursement-batch',
        b.id,
        null,
        {},
        null,
      ]);
  }
  await sink.insert('audit_log', APP_COLUMNS.audit_log, audits);
  count('audit_log', audits.length);
}

/**
 * 年度预算: what the generated awards committed and paid, and the count against the quota; the
 * budget itself is sized above it (an existing budget is only ever raised).
 */
async function writeBudgets(sink: Sink, c: AppContext, now: number) {
  for (const [key, s] of c.budgets) {
    const [ruleId, year] = key.split(':') as [string, string];
    const needed = s.committed + s.paid;
    const budget = ((needed * 5n) / 4n / 1_000_000n + 1n) * 1_000_000n; // ×1.25, whole 万元
    await sink.query(
      `INSERT INTO programme_budget (id, rule_id, year, budget_fen, committed_fen, paid_fen, approved_count, created_at, updated_at)
       VALUES ($1::uuid, $2, $3::int, $4::bigint, $5::bigint, $6::bigint, $7::int, $8::timestamptz, $8::timestamptz)
       ON CONFLICT (rule_id, year) DO UPDATE SET
         committed_fen = programme_budget.committed_fen + EXCLUDED.committed_fen,
         paid_fen = programme_budget.paid_fen + EXCLUDED.paid_fen,
         approved_count = programme_budget.approved_count + EXCLUDED.approved_count,
         budget_fen = GREATEST(programme_budget.budget_fen,
           programme_budget.committed_fen + programme_budget.paid_fen + EXCLUDED.budget_fen),
         updated_at = EXCLUDED.updated_at`,
      [
        c.rng.uuid(),
        ruleId,
        Number(year),
        budget.toString(),
        s.committed.toString(),
        s.paid.toString(),
        s.count,
        new Date(now).toISOString(),
      ],
    );
  }
}
