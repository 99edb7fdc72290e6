/**
 * Failover under load (issue 12, "Run it as production does"): clients write and read through
 * nginx over HTTPS while one of the two API instances is killed with SIGKILL, then started again.
 * Afterwards every write a client counted as done is in PostgreSQL exactly once, none is doubled,
 * and every error a client saw was one a client may retry.
 *
 * The writes are the money-moving ones, which carry an idempotency key (packages/api/src/
 * idempotency.ts): a finance officer makes a 拨付 batch of one award, a second one confirms it and
 * marks it paid; beside them the firm creates drafts (`applications.saveDraft`, keyed like the
 * mini-program's first save). A client keeps the key of each write and retries it with the SAME key after a
 * dropped connection, a 502/503/504 from nginx, BUSY, or 429 (after Retry-After). Some first
 * attempts are impatient (a short client timeout): the server finishes what the client gave up
 * on, and the retry must get the stored answer rather than do it again.
 *
 * Its own stack, database and ports (E2E_PORT_OFFSET + 60), so killing an instance disturbs no
 * other test. Needs `pnpm build` (the server bundle) and nginx. Run: pnpm --filter @kc/e2e
 * test:failover. To see it fail: FAILOVER_BREAK=fresh-key makes clients retry with a new key (the
 * bug this test is for; the state machine then refuses the payment replays, non-retryable errors,
 * and drafts are doubled), and
 * FAILOVER_BREAK=double-row plants a doubled audit row before the database checks.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addCalendarDays, todayInShanghai } from '@kc/domain';
import type { DeployStack } from '@kc/stack';
import { ADMIN_DIST, H5_DIST, REPO_ROOT, startDeployStack } from '@kc/stack';
import { apiClient, applicantToken, officerApi } from '../support/api';
import {
  WORKSTATION_AMOUNT_FEN,
  WORKSTATION_RULE,
  applyForWorkstation,
  ensureBudgetRoom,
} from '../support/admin-review';
import type { SubmittedApplication } from '../support/admin-review';
import { createReadyOfficer } from '../support/officer-security';

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) + 60;
const PORTS = {
  apiPorts: [3100 + offset, 3101 + offset],
  wechatPort: 3910 + offset,
  adminPort: 5180 + offset,
  adminHttpPort: 5181 + offset,
  h5Port: 10090 + offset,
  h5HttpPort: 10091 + offset,
};
const DATABASE = `kc_failover_${process.pid}`;
const PG = ['-h', '127.0.0.1', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1'];
/** Proofs that the test can fail (docs in the header); never set in CI. */
const BREAK_FRESH_KEY = process.env.FAILOVER_BREAK === 'fresh-key';
const BREAK_DOUBLE_ROW = process.env.FAILOVER_BREAK === 'double-row';

/** Awards paid during the run: one chain of three keyed writes each. */
const CHAINS = 12;
/** Drafts the firm creates during the run, each with its own key. */
const DRAFTS = 12;
/** Clients that only read, beside the writers. */
const READERS = 20;
const LOAD_MS = 15_000;
const KILL_AT_MS = 5_000;
const RESTART_AT_MS = 10_000;
/** A client's patience with one attempt; impatient first attempts use the short one. */
const TIMEOUT_MS = 5_000;
const IMPATIENT_MS = 40;
const MAX_ATTEMPTS = 30;

let stack: DeployStack | undefined;
let dir = '';

const psql = (sql: string, db = DATABASE) =>
  execFileSync('psql', [...PG, '-d', db, '-At', '-F', '\t', '-c', sql], { encoding: 'utf8' });

beforeAll(async () => {
  psql(`DROP DATABASE IF EXISTS ${DATABASE}`, 'postgres');
  psql(`CREATE DATABASE ${DATABASE}`, 'postgres');
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-failover-'));
  stack = await startDeployStack({
    ...PORTS,
    repoRoot: REPO_ROOT,
    adminDist: ADMIN_DIST,
    h5Dist: H5_DIST,
    databaseUrl: `postgresql://postgres@127.0.0.1:5432/${DATABASE}`,
    seedDemo: true,
    testClock: true,
    logDir: path.join(dir, 'logs'),
    // The setup uploads and signs in more than a person would in a minute, from one address.
    apiEnv: {
      RATE_LIMIT_UPLOADS_PER_SESSION: '0',
      RATE_LIMIT_UPLOADS_PER_ADDRESS: '0',
      RATE_LIMIT_LOGIN_PER_ADDRESS: '0',
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  psql(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`, 'postgres');
});

// ---- one HTTPS client through nginx, with its own view of what went wrong ----

type Outcome =
  | { ok: true; data: unknown }
  | { ok: false; kind: string; retryable: boolean; retryAfterMs?: number };

let agent: https.Agent;

function send(
  method: 'GET' | 'POST',
  url: string,
  body: string | undefined,
  token: string | undefined,
  timeoutMs: number,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'CLIENT_TIMEOUT' })),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One attempt of a tRPC call, classified. */
async function attempt(
  kind: 'query' | 'mutation',
  procedure: string,
  input: unknown,
  token: string,
  timeoutMs = TIMEOUT_MS,
): Promise<Outcome> {
  const base = `${stack!.apiUrl}/trpc/${procedure}`;
  const encoded = JSON.stringify(superjson.serialize(input));
  let res;
  try {
    res =
      kind === 'query'
        ? await send(
            'GET',
            `${base}?input=${encodeURIComponent(encoded)}`,
            undefined,
            token,
            timeoutMs,
          )
        : await send('POST', base, encoded, token, timeoutMs);
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    return { ok: false, kind: `network ${code}`, retryable: true };
  }
  let parsed: { result?: { data: unknown }; error?: { json?: { data?: Record<string, unknown> } } };
  try {
    parsed = JSON.parse(res.text) as typeof parsed;
  } catch {
    // Not tRPC's answer: nginx's own page when no instance answered.
    const retryable = [502, 503, 504].includes(res.status);
    return { ok: false, kind: `nginx ${res.status}`, retryable };
  }
  if (res.status === 200 && parsed.result) {
    return { ok: true, data: superjson.deserialize(parsed.result.data as never) };
  }
  const data = parsed.error?.json?.data ?? {};
  const appCode = String(data.appCode ?? data.code ?? 'UNKNOWN');
  const retryAfter = Number(res.headers['retry-after']);
  const retryable = res.status === 429 || res.status === 503 || appCode === 'BUSY';
  return {
    ok: false,
    kind: `api ${res.status} ${appCode}`,
    retryable,
    ...(retryable && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Figures {
  requests: number;
  retries: number;
  errors: Map<string, number>;
  fatal: string[];
  /** When each request answered successfully (ms since the load began). */
  successes: number[];
  /** When each retryable failure happened. */
  failures: number[];
}
const figures: Figures = {
  requests: 0,
  retries: 0,
  errors: new Map(),
  fatal: [],
  successes: [],
  failures: [],
};
let loadStart = 0;
/** Writes sent and not yet answered: the kill waits for some, so it cuts writes off mid-way. */
let inFlightWrites = 0;

/**
 * A call retried until it succeeds, a non-retryable error (recorded as fatal), or MAX_ATTEMPTS.
 * `input` is fixed across attempts — for a keyed write, the same key; FAILOVER_BREAK=fresh-key
 * swaps in a new key on each retry (what this test must catch).
 */
async function call(
  kind: 'query' | 'mutation',
  procedure: string,
  input: Record<string, unknown>,
  token: string,
  impatient = false,
): Promise<{ done: true; data: unknown } | { done: false }> {
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    const sent =
      n > 0 && BREAK_FRESH_KEY && 'idempotencyKey' in input
        ? { ...input, idempotencyKey: randomUUID() }
        : input;
    if (n > 0) figures.retries++;
    figures.requests++;
    const hurried = impatient && n === 0;
    if (kind === 'mutation') inFlightWrites++;
    const out = await attempt(kind, procedure, sent, token, hurried ? IMPATIENT_MS : TIMEOUT_MS);
    if (kind === 'mutation') inFlightWrites--;
    const at = Date.now() - loadStart;
    if (out.ok) {
      figures.successes.push(at);
      return { done: true, data: out.data };
    }
    figures.errors.set(out.kind, (figures.errors.get(out.kind) ?? 0) + 1);
    if (!out.retryable) {
      figures.fatal.push(`${procedure}: ${out.kind}`);
      return { done: false };
    }
    // The impatient client's own timeouts are not the failover's doing.
    if (!hurried) figures.failures.push(at);
    await sleep(out.retryAfterMs ?? 100 + Math.random() * 200);
  }
  return { done: false };
}

// ---- setup: awards whose public notice has passed, ready to be paid ----

async function setClock(offsetDays: number) {
  for (const url of stack!.instanceUrls) {
    const res = await fetch(`${url}/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetDays }),
    });
    if (!res.ok) throw new Error(`test clock: ${res.status} ${await res.text()}`);
  }
}

/** CHAINS approved awards of the demo firm, through one public notice that has run its course. */
async function noticePassedAwards(apiUrl: string): Promise<SubmittedApplication[]> {
  const urls = { apiUrl, wechatUrl: stack!.wechatUrl, h5Url: stack!.h5Url };
  const token = await applicantToken(urls, 'demo-openid-firm-2');
  const firm = apiClient(apiUrl, token);
  const profile = await firm.profile.mine.query();
  if (profile.type !== 'organisation') throw new Error('demo-openid-firm-2 has no organisation');
  const area = await officerApi(apiUrl, 'yongqiao');
  const reviewer = await officerApi(apiUrl, 'reviewer');
  const act = async (
    api: typeof area,
    id: string,
    action: 'accept-area' | 'forward' | 'approve',
  ) => {
    const seen = await api.review.byId.query({ id });
    await api.review.act.mutate({ applicationId: id, action, expectedVersion: seen.version });
  };
  const apps: SubmittedApplication[] = [];
  for (let i = 0; i < CHAINS; i++) {
    apps.push(await applyForWorkstation(urls, firm, token, profile.organisation.name, `切换${i}`));
  }
  await ensureBudgetRoom(
    apiUrl,
    WORKSTATION_RULE,
    apps[0]!.year,
    WORKSTATION_AMOUNT_FEN * BigInt(CHAINS),
  );
  for (const app of apps) {
    await act(area, app.id, 'accept-area');
    await act(area, app.id, 'forward');
    await act(reviewer, app.id, 'approve');
  }
  const notice = await reviewer.notices.create.mutate({
    title: 'e2e 故障切换 公示',
    workingDays: 5,
    applicationIds: apps.map((a) => a.id),
  });
  const published = await reviewer.notices.publish.mutate({ batchId: notice.id });
  const endsOn = published.notice.endsOn!;
  const target = addCalendarDays(endsOn, 1);
  const realToday = todayInShanghai(new Date());
  await setClock(
    Math.max(0, Math.round((Date.parse(target) - Date.parse(realToday)) / 86_400_000)),
  );
  try {
    // Sessions expired with the jump.
    const later = await officerApi(apiUrl, 'reviewer');
    await later.notices.close.mutate({ batchId: notice.id });
  } finally {
    await setClock(0);
  }
  return apps;
}

// ---- the run ----

interface Write {
  chain: number;
  step: 'createBatch' | 'confirm' | 'markPaid';
  key: string;
  done: boolean;
}

interface Draft {
  name: string;
  key: string;
  done: boolean;
}

test('an instance killed with SIGKILL under load loses and doubles no write', async () => {
  const s = stack!;
  agent = new https.Agent({ ca: readFileSync(s.tlsCaFile), keepAlive: true, maxSockets: 64 });
  // Set up through the first instance directly (plain http): nothing under test yet.
  const direct = s.instanceUrls[0]!;
  const apps = await noticePassedAwards(direct);
  const admin = await officerApi(direct, 'admin');
  const confirmer = {
    username: `fin-fo-${process.pid}`,
    password: 'Demo@2026x',
    displayName: '复核财务',
  };
  await createReadyOfficer(direct, admin, { ...confirmer, role: 'finance-officer' });
  const financeToken = (
    await apiClient(direct).auth.officerLogin.mutate({ username: 'finance', password: 'Demo@2026' })
  ).token;
  const confirmerToken = (await apiClient(direct).auth.officerLogin.mutate(confirmer)).token;
  const firmToken = await applicantToken(
    { apiUrl: direct, wechatUrl: s.wechatUrl },
    'demo-openid-firm-2',
  );

  const writes: Write[] = [];
  const tag = `故障切换-${process.pid}`;
  let stopping = false;

  // A chain pays one award: three keyed writes by two finance officers, each retried with its key.
  const chain = async (i: number) => {
    // Half the chains start together just before the kill, so writes are cut off mid-way.
    await sleep(
      i < CHAINS / 2 ? KILL_AT_MS - 30 : ((i - CHAINS / 2) * (LOAD_MS - 4000)) / (CHAINS / 2),
    );
    const step = async (
      name: Write['step'],
      token: string,
      input: Record<string, unknown>,
    ): Promise<unknown> => {
      const w: Write = { chain: i, step: name, key: String(input.idempotencyKey), done: false };
      writes.push(w);
      // Every other write's first attempt gives up quickly: the server finishes it regardless.
      const r = await call(
        'mutation',
        `disbursements.${name}`,
        input,
        token,
        (writes.length & 1) === 0,
      );
      w.done = r.done;
      return r.done ? r.data : undefined;
    };
    const batch = (await step('createBatch', financeToken, {
      title: `${tag}-${i}`,
      applicationIds: [apps[i]!.id],
      idempotencyKey: randomUUID(),
    })) as { id: string } | undefined;
    if (!batch) return;
    await sleep(Math.random() * 800);
    if (
      !(await step('confirm', confirmerToken, { batchId: batch.id, idempotencyKey: randomUUID() }))
    )
      return;
    await sleep(Math.random() * 800);
    await step('markPaid', confirmerToken, {
      batchId: batch.id,
      idempotencyKey: randomUUID(),
      bankReference: `FO${i}`,
    });
  };
  // A draft created as the mini-program's first save does: keyed, retried with its key.
  const drafts: Draft[] = [];
  const drafter = async (i: number) => {
    await sleep(
      i < DRAFTS / 2 ? KILL_AT_MS - 20 : ((i - DRAFTS / 2) * (LOAD_MS - 4000)) / (DRAFTS / 2),
    );
    const d: Draft = { name: `${tag}-草稿-${i}`, key: randomUUID(), done: false };
    drafts.push(d);
    const r = await call(
      'mutation',
      'applications.saveDraft',
      {
        ruleId: WORKSTATION_RULE,
        input: { workstationName: d.name },
        evidence: [],
        idempotencyKey: d.key,
      },
      firmToken,
      (i & 1) === 0,
    );
    d.done = r.done;
  };
  const reader = async (i: number) => {
    while (!stopping) {
      if (i % 2 === 0) {
        await call('query', 'applications.mine', {}, firmToken);
      } else {
        await call('query', 'disbursements.list', { page: 1, pageSize: 20 }, financeToken);
      }
      await sleep(50 + Math.random() * 100);
    }
  };

  loadStart = Date.now();
  const killed = s.instances[1]!;
  let killAt = 0;
  let cutOff = 0;
  const chaos = (async () => {
    await sleep(KILL_AT_MS);
    const deadline = Date.now() + 1000;
    while (inFlightWrites < 3 && Date.now() < deadline) await sleep(1);
    await sleep(15);
    cutOff = inFlightWrites;
    killAt = Date.now() - loadStart;
    await killed.kill('SIGKILL');
    await sleep(RESTART_AT_MS - killAt);
    await killed.restart();
  })();
  const readers = Array.from({ length: READERS }, (_, i) => reader(i));
  await Promise.all([
    ...Array.from({ length: CHAINS }, (_, i) => chain(i)),
    ...Array.from({ length: DRAFTS }, (_, i) => drafter(i)),
  ]);
  await sleep(Math.max(0, LOAD_MS - (Date.now() - loadStart)));
  stopping = true;
  await Promise.all([...readers, chaos]);

  // ---- figures ----
  const afterKill = figures.failures.filter((t) => t >= killAt);
  const lastFailure = afterKill.length ? Math.max(...afterKill) : killAt;
  const servedWhileDown = figures.successes.filter((t) => t > killAt && t < RESTART_AT_MS).length;
  console.log(
    [
      `failover: ${figures.requests} requests, ${figures.retries} retries, ` +
        `${writes.filter((w) => w.done).length}/${writes.length} keyed writes and ` +
        `${drafts.filter((d) => d.done).length}/${drafts.length} drafts done` +
        (BREAK_FRESH_KEY ? ' (FAILOVER_BREAK=fresh-key)' : ''),
      `errors by kind: ${JSON.stringify(Object.fromEntries(figures.errors))}`,
      `killed at ${killAt} ms with ${cutOff} writes in flight; answered while it was down: ` +
        `${servedWhileDown}; recovered (last failure) ${lastFailure - killAt} ms after the kill`,
    ].join('\n'),
  );

  // ---- the database: each write a client counted as done exactly once, none doubled ----
  const rows = (sql: string) =>
    psql(sql)
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
  if (BREAK_DOUBLE_ROW) {
    // A doubled write planted by hand: the checks below must see it.
    psql(`INSERT INTO audit_log (at, actor_user_id, actor_role, action, object_type, object_id, area_code, details, ip)
      SELECT a.at, a.actor_user_id, a.actor_role, a.action, a.object_type, a.object_id, a.area_code, a.details, a.ip
      FROM audit_log a JOIN disbursement_batch b ON a.object_id = b.id::text
      WHERE b.title = '${tag}-0' AND a.action = 'disbursement.pay'`);
  }
  const keys = new Map(
    rows(
      `SELECT key, count(*) FROM idempotency_record
       WHERE scope LIKE 'disbursements.%' OR scope = 'applications.saveDraft' GROUP BY key`,
    ).map(([k, n]) => [k, Number(n)]),
  );
  const batches = new Map(
    rows(
      `SELECT title, count(*), min(status) FROM disbursement_batch WHERE title LIKE '${tag}-%' GROUP BY title`,
    ).map(([t, n, st]) => [t, { n: Number(n), status: st }]),
  );
  const audits = new Map(
    rows(
      `SELECT b.title || ' ' || a.action, count(*) FROM audit_log a JOIN disbursement_batch b ON a.object_id = b.id::text
       WHERE b.title LIKE '${tag}-%' AND a.action LIKE 'disbursement.%' GROUP BY 1`,
    ).map(([k, n]) => [k, Number(n)]),
  );
  const paidPerApp = new Map(
    rows(
      `SELECT application_id, count(*) FROM ledger_entry WHERE kind = 'payment'
       AND application_id IN (${apps.map((a) => `'${a.id}'`).join(',')}) GROUP BY 1`,
    ).map(([k, n]) => [k, Number(n)]),
  );
  const draftRows = new Map(
    rows(
      `SELECT substring(input::text from '${tag}-草稿-[0-9]+'), count(*) FROM application
       WHERE input::text LIKE '%${tag}-草稿-%' GROUP BY 1`,
    ).map(([name, n]) => [name, Number(n)]),
  );
  const action = {
    createBatch: 'disbursement.create',
    confirm: 'disbursement.confirm',
    markPaid: 'disbursement.pay',
  };
  const problems: string[] = [];
  for (const w of writes) {
    const title = `${tag}-${w.chain}`;
    const audited = audits.get(`${title} ${action[w.step]}`) ?? 0;
    const recorded = keys.get(w.key) ?? 0;
    if (w.done && (audited !== 1 || recorded !== 1)) {
      problems.push(`${w.step} #${w.chain} done: audited ${audited}×, key recorded ${recorded}×`);
    }
    if (!w.done && audited > 1)
      problems.push(`${w.step} #${w.chain} given up: audited ${audited}×`);
  }
  for (let i = 0; i < CHAINS; i++) {
    const b = batches.get(`${tag}-${i}`);
    if (b && b.n !== 1) problems.push(`award #${i}: ${b.n} batches`);
    const paid = paidPerApp.get(apps[i]!.id) ?? 0;
    const markPaid = writes.find((w) => w.chain === i && w.step === 'markPaid');
    if (paid > 1 || (markPaid?.done && paid !== 1)) problems.push(`award #${i}: paid ${paid}×`);
  }
  for (const d of drafts) {
    const made = draftRows.get(d.name) ?? 0;
    const recorded = keys.get(d.key) ?? 0;
    if (made > 1 || (d.done && (made !== 1 || recorded !== 1))) {
      problems.push(`draft ${d.name}: ${made} applications, key recorded ${recorded}×`);
    }
  }
  expect({
    // Every error was one a client may retry.
    nonRetryableErrors: figures.fatal,
    // Each write a client counted as done is there once; none is doubled.
    databaseProblems: problems,
    // Every chain ran to the end: no write was given up.
    givenUp: [
      ...writes.filter((w) => !w.done).map((w) => `${w.step} #${w.chain}`),
      ...drafts.filter((d) => !d.done).map((d) => d.name),
    ],
  }).toEqual({ nonRetryableErrors: [], databaseProblems: [], givenUp: [] });
  expect(writes).toHaveLength(CHAINS * 3);
  expect(drafts).toHaveLength(DRAFTS);
  // The surviving instance kept answering.
  expect(servedWhileDown).toBeGreaterThan(50);
}, 150_000);
