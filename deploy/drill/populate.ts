/**
 * Restore drill, step 2 (after `pnpm db:seed`): puts money and evidence into the demo database the
 * way the bureau would, through the API's own procedures (in-process tRPC callers) and the real
 * file service writing bytes to FILE_STORAGE_DIR. Leaves ledger entries (commit + payment), audit
 * rows, stored files and their bytes: what a backup must bring back.
 *
 * Run: DATABASE_URL=postgresql://… FILE_STORAGE_DIR=… npx tsx deploy/drill/populate.ts
 * Imports by relative path: deploy/ is not a workspace package.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createDb } from '../../packages/db/src/client';
import {
  DEFAULT_API_CONFIG,
  WeChatLoginError,
  appRouter,
  createCallerFactory,
  createContext,
  silentLogger,
} from '../../packages/api/src';
import type { ApiDeps, WeChatClient } from '../../packages/api/src';
import { LocalFileStore, createFileService, prismaFileRecords } from '../../packages/api/src/files';

// eslint-disable-next-line no-restricted-properties -- a command-line entry point reads its environment
const { DATABASE_URL: databaseUrl, FILE_STORAGE_DIR: storageDir } = process.env;
if (!databaseUrl || !storageDir) {
  console.error('populate: DATABASE_URL and FILE_STORAGE_DIR must be set');
  process.exit(2);
}

const DEMO_PASSWORD = 'Demo@2026';
const RULE = 'academician-workstation-city';
const EVIDENCE = [
  'approval-document',
  'cooperation-agreement',
  'credit-commitment',
  'bank-account',
];
/** Demo firms (seeded verified, with a 收款账户) and the area officer who accepts for each. */
const FIRMS = [
  { openid: 'demo-openid-firm-2', areaOfficer: 'yongqiao' },
  { openid: 'demo-openid-firm-3', areaOfficer: 'dangshan' },
];

// The clock the API tests use (a Friday inside the programmes' windows), moved for the notice.
const clock = { now: new Date('2026-11-27T02:00:00Z') };
const codes = new Map<string, string>();
const wechat: WeChatClient = {
  async code2Session(code) {
    const openid = codes.get(code);
    codes.delete(code);
    if (!openid) throw new WeChatLoginError('invalid code', 40029);
    return { openid };
  },
  async phoneNumber() {
    throw new Error('not used by the drill');
  },
};

const db = await createDb({ databaseUrl });
const fileStore = new LocalFileStore(storageDir);
const deps: ApiDeps = {
  db,
  wechat,
  config: DEFAULT_API_CONFIG,
  log: silentLogger,
  now: () => clock.now,
  fileStore,
};
const files = createFileService({
  store: fileStore,
  records: prismaFileRecords(db.prisma, deps.now),
  maxBytes: 10 * 1024 * 1024,
  audit: db.prisma,
  now: deps.now,
});
const callerOf = createCallerFactory(appRouter);
const as = (token?: string) =>
  callerOf(() =>
    createContext(deps, { authorization: token ? `Bearer ${token}` : undefined, ip: '127.0.0.1' }),
  );
/**
 * An officer's full session. A new account first owes a password change (the API's rule), paid
 * here as the officer would; a second factor is owed only for the roles the server's setting
 * names, and the drill runs with none (DEFAULT_API_CONFIG).
 */
const sessions = new Map<string, ReturnType<typeof as>>();
/** Signs in once per officer (few logins: the API throttles them), again after the clock moves. */
const officer = async (username: string, password = DEMO_PASSWORD) => {
  const open = sessions.get(username);
  if (open) return open;
  const login: { token: string; pendingStep?: string | null } = await as().auth.officerLogin({
    username,
    password,
  });
  const api = as(login.token);
  if (login.pendingStep === 'change-password') {
    await api.officerSecurity.changePassword({
      currentPassword: password,
      newPassword: `${password}-changed`,
    });
  } else if (login.pendingStep) {
    throw new Error(`populate: ${username}'s login owes "${login.pendingStep}"`);
  }
  sessions.set(username, api);
  return api;
};

const applicant = async (openid: string) => {
  const code = randomBytes(8).toString('hex');
  codes.set(code, openid);
  const { token } = await as().auth.wechatLogin({ code });
  return { api: as(token), token };
};
/** A small, distinct PDF (the file service checks the real type). */
const pdf = (label: string) =>
  new TextEncoder().encode(`%PDF-1.4\n% kc restore drill: ${label} ${randomUUID()}\n%%EOF\n`);

try {
  const approved: string[] = [];
  let serial = 0;
  for (const firm of FIRMS) {
    const { api, token } = await applicant(firm.openid);
    const ctx = await createContext(deps, { authorization: `Bearer ${token}` });
    const evidence = [];
    for (const kind of EVIDENCE) {
      const up = await files.uploadEvidence({
        caller: ctx.caller,
        bytes: pdf(kind),
        originalName: `${kind}.pdf`,
      });
      evidence.push({ kind, fileId: up.id });
    }
    serial++;
    const draft = await api.applications.saveDraft({
      ruleId: RULE,
      input: {
        workstationName: `宿州恢复演练院士工作站${serial}号`,
        expertName: '张院士',
        approvedOn: '2026-10-15',
        approvalDocNo: `宿科〔2026〕${900 + serial}号`,
      },
      evidence,
    });
    const submitted = await api.applications.submit({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    const area = await officer(firm.areaOfficer);
    const seen = await area.review.byId({ id: submitted.id });
    const accepted = await area.review.act({
      applicationId: submitted.id,
      action: 'accept-area',
      expectedVersion: seen.version,
    });
    const forwarded = await area.review.act({
      applicationId: submitted.id,
      action: 'forward',
      expectedVersion: accepted.version,
    });
    const reviewer = await officer('reviewer');
    await reviewer.review.act({
      applicationId: submitted.id,
      action: 'approve',
      expectedVersion: forwarded.version,
    });
    approved.push(submitted.id);
  }

  // 公示: published, then closed once its period has run.
  const admin = await officer('admin');
  const notice = await admin.notices.create({
    title: '恢复演练奖补拟支持名单公示',
    applicationIds: approved,
  });
  await (await officer('reviewer')).notices.publish({ batchId: notice.id });
  clock.now = new Date('2026-12-07T02:00:00Z');
  sessions.clear(); // expired with the jump
  await (await officer('admin')).notices.close({ batchId: notice.id });

  // 拨付: one finance officer prepares, a second confirms, the first records the payment.
  const second = {
    username: `drill-fin-${randomBytes(3).toString('hex')}`,
    password: 'Drill@2026-first',
  };
  await (
    await officer('admin')
  ).officers.create({ ...second, displayName: '复核财务', role: 'finance-officer' });
  const finance = await officer('finance');
  const batch = await finance.disbursements.createBatch({
    title: '恢复演练拨付批次',
    applicationIds: approved,
    idempotencyKey: randomUUID(),
  });
  await (
    await officer(second.username, second.password)
  ).disbursements.confirm({ batchId: batch.id, idempotencyKey: randomUUID() });
  await finance.disbursements.markPaid({
    batchId: batch.id,
    idempotencyKey: randomUUID(),
    bankReference: 'DRILL-20261207-0001',
  });

  const ledger = await db.prisma.ledgerEntry.count({ where: { kind: 'payment' } });
  const audit = await db.prisma.auditLog.count();
  const stored = await db.prisma.storedFile.count();
  console.log(
    `populate: ${approved.length} awards approved and paid; payments in the ledger ${ledger}, audit_log ${audit}, stored_file ${stored}`,
  );
  if (ledger === 0 || audit === 0 || stored === 0) throw new Error('nothing was written');
} finally {
  await db.close();
}
