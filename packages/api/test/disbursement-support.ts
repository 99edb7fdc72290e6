/**
 * Shortcuts for the payment tests. Like concurrency.test.ts, they write rows straight to the
 * database to reach a status fast (the review path is tested in awards.test.ts, the notice path
 * by its own tests); the money path under test always goes through the API.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@kc/db';
import { SUZHOU_FUTURE_2026_DRAFT, organisationProfileSchema } from '@kc/domain';
import { encodeJson } from '../src/awards/codec';
import { firmApplicant, toBureauReview } from './awards-support';
import type { Harness } from './harness';
import { DEMO_PASSWORD } from './harness';

export const key = () => randomUUID();

export const WORKSTATION_RULE = 'academician-workstation-city';

let serial = 0;
const next = () => ++serial;

/**
 * A new officer account (e.g. a second finance officer), logged in: `api` is its tRPC client
 * (a proxy, which is why the id is not attached to it).
 */
export async function newOfficer(
  h: Harness,
  role: 'FINANCE_OFFICER' | 'BUREAU_REVIEWER' | 'BUREAU_ADMIN',
  displayName = `测试人员${next()}`,
) {
  const username = `t-${role.toLowerCase().replace('_', '-')}-${next()}-${randomUUID().slice(0, 6)}`;
  const user = await h.prisma.user.create({
    data: {
      createdAt: h.clock.now,
      updatedAt: h.clock.now,
      kind: 'OFFICER',
      username,
      displayName,
      role,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    },
  });
  return { api: await h.officer(username), userId: user.id, username };
}

export const BANK = {
  bank: '中国工商银行',
  branch: '宿州分行营业部',
  /** as the payee's 开户银行 is frozen and exported: bank and branch */
  bankName: '中国工商银行宿州分行营业部',
  bankAccountNo: '0013170001092004567',
};

/**
 * Gives an organisation its 收款账户 (开户名称 = its name), written directly as myOrg.bankAccount
 * would leave it (that procedure is tested on its own).
 */
export async function giveBankDetails(h: Harness, organisationId: string) {
  const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  return h.prisma.organisationBankAccount.create({
    data: {
      organisationId,
      holder: org.name,
      bankName: BANK.bank,
      branchName: BANK.branch,
      accountNo: BANK.bankAccountNo,
      createdBy: organisationId,
      createdAt: h.clock.now,
    },
  });
}

export const WORKSTATION_EVIDENCE = [
  'approval-document',
  'cooperation-agreement',
  'credit-commitment',
  'bank-account',
];

export function workstationInput(s: number) {
  return {
    workstationName: `宿州测试院士工作站${s}号`,
    expertName: '张院士',
    approvedOn: '2026-10-15',
    approvalDocNo: `宿科〔2026〕${s}号`,
  };
}

/**
 * An academician-workstation-city award (20万元; no yearly quota, unlike scenario cases) applied
 * for and approved by `approver` through the API, then moved to notice-passed directly (the
 * public notice is another module). The caller must give the programme enough budget.
 */
export async function noticePassedAward(
  h: Harness,
  approver: Awaited<ReturnType<Harness['officer']>>,
  options: { bank?: boolean } = {},
) {
  const firm = await firmApplicant(h);
  const evidence = await Promise.all(WORKSTATION_EVIDENCE.map((k) => firm.upload(k)));
  const draft = await firm.client.applications.saveDraft.mutate({
    ruleId: WORKSTATION_RULE,
    input: workstationInput(next()),
    evidence,
  });
  const submitted = await firm.client.applications.submit.mutate({
    applicationId: draft.id,
    expectedVersion: draft.version,
  });
  const atBureau = await toBureauReview(h, submitted.id);
  await approver.review.act.mutate({
    applicationId: submitted.id,
    action: 'approve',
    expectedVersion: atBureau.version,
  });
  await h.prisma.application.update({
    where: { id: submitted.id },
    data: { status: 'notice-passed', version: { increment: 2 } },
  });
  if (options.bank !== false) await giveBankDetails(h, firm.org.id);
  return { firm, applicationId: submitted.id, number: submitted.number };
}

/** A firm with bank details and the evidence files an academician-workstation award needs. */
export async function bankedFirm(h: Harness) {
  const firm = await firmApplicant(h);
  await giveBankDetails(h, firm.org.id);
  return firm;
}

/**
 * `n` academician-workstation-city awards (20万 each) of one firm in `status`, written directly.
 * With `commit`, each also gets its approval's `commit` journal entry and the programme budget's
 * committed amount grows by it — exactly what an approval through the API leaves behind.
 */
export async function awardsWritten(
  h: Harness,
  firm: Awaited<ReturnType<typeof firmApplicant>>,
  n: number,
  options: {
    status: 'notice-passed' | 'bureau-review';
    commit: boolean;
    amountFen?: bigint;
    ruleId?: string;
  },
) {
  const ruleId = options.ruleId ?? WORKSTATION_RULE;
  const amountFen = options.amountFen ?? 20_000_000n;
  const evidence =
    options.status === 'bureau-review'
      ? await Promise.all(WORKSTATION_EVIDENCE.map((k) => firm.upload(k)))
      : [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = next();
    const awarded = options.status !== 'bureau-review';
    const app = await h.prisma.application.create({
      data: {
        number: `SZKC-2026-8${String(s).padStart(5, '0')}`,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
        applicantUserId: firm.userId,
        organisationId: firm.org.id,
        ruleId,
        policySetId: SUZHOU_FUTURE_2026_DRAFT.id,
        policyVersion: SUZHOU_FUTURE_2026_DRAFT.version,
        status: options.status,
        input: encodeJson(workstationInput(s)),
        areaCode: organisationProfileSchema.shape.areaCode.parse(firm.org.areaCode),
        year: 2026,
        computedAmountFen: amountFen,
        ...(awarded
          ? { approvedAmountFen: amountFen, decidedAt: new Date('2026-11-21T02:00:00Z') }
          : {}),
        submittedAt: new Date('2026-11-20T02:00:00Z'),
        evidence: {
          create: evidence.map((e) => ({
            fileId: e.fileId,
            kind: e.kind,
            createdAt: h.clock.now,
          })),
        },
      },
    });
    if (awarded && options.commit) {
      await h.prisma.ledgerEntry.create({
        data: {
          at: h.clock.now,
          ruleId,
          year: 2026,
          applicationId: app.id,
          kind: 'commit',
          amountFen,
        },
      });
      await h.prisma.programmeBudget.update({
        where: { ruleId_year: { ruleId, year: 2026 } },
        data: { committedFen: { increment: amountFen }, approvedCount: { increment: 1 } },
      });
    }
    ids.push(app.id);
  }
  return ids;
}

/**
 * A confirmed batch of these notice-passed applications, written directly as createBatch and
 * confirm would leave it (payee frozen, applications in-disbursement).
 */
export async function confirmedBatchWritten(
  h: Harness,
  applicationIds: string[],
  people: { createdBy: string; confirmedBy: string },
) {
  const apps = await h.prisma.application.findMany({
    where: { id: { in: applicationIds } },
    include: { organisation: { include: { bankAccounts: { where: { status: 'active' } } } } },
  });
  const totalFen = apps.reduce((s, a) => s + (a.approvedAmountFen ?? 0n), 0n);
  const batch = await h.prisma.disbursementBatch.create({
    data: {
      number: `SZKC-BF-2026-T${String(next()).padStart(5, '0')}`,
      createdAt: h.clock.now,
      updatedAt: h.clock.now,
      status: 'confirmed',
      totalFen,
      createdBy: people.createdBy,
      confirmedBy: people.confirmedBy,
      confirmedAt: new Date('2026-11-26T02:00:00Z'),
      disbursements: {
        create: apps.map((a) => ({
          applicationId: a.id,
          amountFen: a.approvedAmountFen ?? 0n,
          payeeName: a.organisation?.bankAccounts[0]?.holder ?? null,
          payeeBankName: a.organisation?.bankAccounts[0]
            ? `${a.organisation.bankAccounts[0].bankName}${a.organisation.bankAccounts[0].branchName}`
            : null,
          payeeAccountNo: a.organisation?.bankAccounts[0]?.accountNo ?? null,
          createdAt: h.clock.now,
          updatedAt: h.clock.now,
        })),
      },
    },
  });
  await h.prisma.application.updateMany({
    where: { id: { in: applicationIds } },
    data: { status: 'in-disbursement', version: { increment: 1 } },
  });
  return batch;
}

export async function budgetOf(h: Harness, ruleId: string, year = 2026) {
  return h.prisma.programmeBudget.findUniqueOrThrow({
    where: { ruleId_year: { ruleId, year } },
  });
}
