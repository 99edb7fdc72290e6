/** (e) The demo seed: idempotent, and every code in it is valid. */
import { createHmac } from 'node:crypto';
import { DEMO_VP_CALL_TITLE } from '../src/seed-vp';
import { DEMO_EXPERTS } from '../src/seed-experts';
import {
  AREAS,
  FIELDS,
  ORGANISATION_TYPES,
  checkCandidateEligibility,
  checkCreditCode,
  checkFirmEligibility,
  checkResidentId,
  findVpSettings,
  organisationProfileSchema,
  researcherProfileSchema,
  expertProfileSchema,
  drawPanel,
  selectionSettingsFor,
  vpNeedSchema,
} from '@kc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src';
import { verifyPassword } from '../src/password';
import {
  DEMO_BUDGETS,
  DEMO_BUDGET_YEAR,
  DEMO_OFFICERS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_RESEARCHERS,
  seedDemo,
} from '../src/seed';
import { createTestDb } from '../src/testing';

/** GB 32100-2015, written out independently of the seed and of @kc/domain. */
function gb32100Valid(code: string): boolean {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(code.charAt(i)) * (3 ** i % 31);
  const check = 31 - (sum % 31);
  return charset.charAt(check === 31 ? 0 : check) === code.charAt(17);
}

/** GB 11714 check digit of the organisation code inside (characters 9–17). */
function gb11714Valid(orgCode: string): boolean {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += value(orgCode.charAt(i)) * (weights[i] ?? 0);
  const c = 11 - (sum % 11);
  return (c === 10 ? 'X' : c === 11 ? '0' : String(c)) === orgCode.charAt(8);
}

/** GB 11643-1999 resident ID check digit. */
function gb11643Valid(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (weights[i] ?? 0);
  return '10X98765432'.charAt(sum % 11) === id.charAt(17);
}

const SUZHOU_DIVISIONS = ['341300', '341302', '341321', '341322', '341323', '341324'];
const FAST_PASSWORDS = { N: 2 ** 10, r: 8, p: 1 };
const PII_KEY = 'seed-test-pii-key';
const SEEDED_AT = new Date('2026-11-27T02:00:00Z');

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

async function everything() {
  const [users, organisations, researchers, budgets] = await Promise.all([
    db.prisma.user.findMany({ orderBy: { id: 'asc' } }),
    db.prisma.organisation.findMany({ orderBy: { id: 'asc' } }),
    db.prisma.researcher.findMany({ orderBy: { id: 'asc' } }),
    db.prisma.programmeBudget.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { users, organisations, researchers, budgets };
}

describe('seedDemo', () => {
  it('creates the demo data once; a second run changes nothing', async () => {
    const first = await seedDemo(db.prisma, {
      passwordParams: FAST_PASSWORDS,
      piiHashKey: PII_KEY,
      now: SEEDED_AT,
    });
    expect(first.created).toEqual({
      officers: 6,
      organisations: 8,
      researchers: 4,
      budgets: DEMO_BUDGETS.length,
      vpCalls: 1,
      experts: DEMO_EXPERTS.length,
    });
    const before = await everything();
    const second = await seedDemo(db.prisma, {
      passwordParams: FAST_PASSWORDS,
      piiHashKey: PII_KEY,
      now: SEEDED_AT,
    });
    expect(second.created).toEqual({
      officers: 0,
      organisations: 0,
      researchers: 0,
      budgets: 0,
      vpCalls: 0,
      experts: 0,
    });
    expect(await everything()).toEqual(before);
    expect(before.users).toHaveLength(DEMO_OFFICERS.length + 8 + 4 + DEMO_EXPERTS.length);
  });

  it('officers from docs/CONTRACTS.md log in with the demo password', async () => {
    const officers = await db.prisma.user.findMany({
      where: { kind: 'OFFICER' },
      orderBy: { username: 'asc' },
    });
    expect(officers.map((o) => [o.username, o.role, o.areaCode])).toEqual([
      ['admin', 'BUREAU_ADMIN', null],
      ['dangshan', 'AREA_OFFICER', 'dangshan'],
      ['finance', 'FINANCE_OFFICER', null],
      ['leader', 'BUREAU_ADMIN', null],
      ['reviewer', 'BUREAU_REVIEWER', null],
      ['yongqiao', 'AREA_OFFICER', 'yongqiao'],
    ]);
    expect(officers.every((o) => o.passwordHash?.startsWith('scrypt$'))).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, officers[0]?.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', officers[0]?.passwordHash)).toBe(false);
    expect(DEMO_OFFICERS).toHaveLength(6);
  });

  it('organisations have valid GB 32100 credit codes from Suzhou and cover every area, field and type', async () => {
    const orgs = await db.prisma.organisation.findMany({
      include: { members: { include: { user: true } } },
    });
    expect(orgs).toHaveLength(DEMO_ORGANISATIONS.length);
    for (const org of orgs) {
      expect(gb32100Valid(org.creditCode), org.creditCode).toBe(true);
      expect(gb11714Valid(org.creditCode.slice(8, 17)), org.creditCode).toBe(true);
      expect(checkCreditCode(org.creditCode)).toMatchObject({ ok: true, value: org.creditCode });
      expect(SUZHOU_DIVISIONS).toContain(org.creditCode.slice(2, 8));
      expect(org.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      // Entered by the bureau: verified, with one administrator who is a demo WeChat user.
      expect(org.verificationStatus).toBe('verified');
      expect(org.members.map((m) => [m.role, m.status])).toEqual([['admin', 'active']]);
      expect(org.members[0]?.user.openid).toMatch(/^demo-openid-[a-z]+-\d$/);
      // What the API would accept from the applicant.
      const parsed = organisationProfileSchema.safeParse({
        ...org,
        type: org.type.toLowerCase(),
        address: org.address ?? undefined,
        intro: org.intro ?? undefined,
      });
      expect(parsed.error?.issues ?? [], org.name).toEqual([]);
    }
    expect(new Set(orgs.map((o) => o.areaCode))).toEqual(new Set(AREAS.map((a) => a.code)));
    expect(new Set(orgs.flatMap((o) => o.fieldCodes))).toEqual(new Set(FIELDS.map((f) => f.code)));
    expect(new Set(orgs.map((o) => o.type.toLowerCase()))).toEqual(
      new Set(ORGANISATION_TYPES.map((t) => t.code)),
    );
    expect(gb32100Valid('91341302MA2P3K7D52')).toBe(false); // the checker itself can say no
  });

  it('researchers store only an HMAC and a masked form of valid resident ID numbers', async () => {
    const researchers = await db.prisma.researcher.findMany({ include: { user: true } });
    expect(researchers).toHaveLength(DEMO_RESEARCHERS.length);
    for (const demo of DEMO_RESEARCHERS) {
      expect(gb11643Valid(demo.residentId), demo.residentId).toBe(true);
      const facts = checkResidentId(demo.residentId);
      expect(facts).toMatchObject({ ok: true, birthDate: demo.birthDate, sex: demo.sex });
      const r = researchers.find((x) => x.user.openid === demo.openid);
      expect(r?.residentIdHash).toBe(
        createHmac('sha256', PII_KEY).update(demo.residentId).digest('hex'),
      );
      expect(r?.residentIdMasked).toBe(
        `${demo.residentId.slice(0, 6)}********${demo.residentId.slice(-4)}`,
      );
      expect(r?.birthDate.toISOString().slice(0, 10)).toBe(demo.birthDate);
      expect(r?.sex).toBe(demo.sex);
      const parsed = researcherProfileSchema.safeParse({ ...demo, residentId: demo.residentId });
      expect(parsed.error?.issues ?? [], demo.name).toEqual([]);
    }
    // Nothing in the database holds a full ID number.
    const dump = JSON.stringify(await everything(), (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    for (const demo of DEMO_RESEARCHERS) expect(dump).not.toContain(demo.residentId);
  });

  it('the demo experts pass the registration form, and a panel of five with reserves draws in each of their fields', async () => {
    for (const { openid: _openid, status: _status, statusReason: _reason, ...e } of DEMO_EXPERTS) {
      const parsed = expertProfileSchema.safeParse({
        ...e,
        unitCreditCode: e.unitCreditCode ?? undefined,
        conflicts: [],
      });
      expect(parsed.error?.issues ?? [], e.name).toEqual([]);
    }
    const experts = await db.prisma.expert.findMany();
    const settings = selectionSettingsFor('2026-11-30');
    for (const fieldCode of ['low-carbon-energy', 'advanced-materials', 'life-health']) {
      const draw = drawPanel({
        group: { fieldCode, applications: [] },
        experts: experts.map((x) => ({
          id: x.id,
          status: x.status as 'active',
          fieldCodes: x.fieldCodes,
          units: [x.unitName, ...(x.unitCreditCode ? [x.unitCreditCode] : [])],
          conflicts: x.conflicts,
        })),
        reviewedLastYear: [],
        settings,
        seed: fieldCode,
      });
      expect(draw.ok && [draw.members.length, draw.reserves.length]).toEqual([5, 2]);
    }
    expect(experts.map((x) => x.status).sort()).toEqual(
      [...Array(21).fill('active'), 'pending', 'suspended'].sort(),
    );
  });

  it('every demo organisation has an active 收款账户 in its own name, for the finance export', async () => {
    const orgs = await db.prisma.organisation.findMany({
      include: { bankAccounts: { where: { status: 'active' } } },
    });
    for (const org of orgs) {
      expect(org.bankAccounts, org.name).toHaveLength(1);
      const account = org.bankAccounts[0]!;
      expect(account.holder, org.name).toBe(org.name);
      expect(account.bankName, org.name).toMatch(/银行/);
      expect(account.branchName.length, org.name).toBeGreaterThan(1);
      expect(account.accountNo, org.name).toMatch(/^\d{12,21}$/);
    }
  });

  it('links the demo researchers to their institutions, confirmed', async () => {
    const researchers = await db.prisma.researcher.findMany({ include: { institutionOrg: true } });
    for (const r of researchers) {
      expect(r.institutionLinkStatus, r.name).toBe('confirmed');
      expect(r.institutionOrg?.creditCode, r.name).toBe(r.institutionCreditCode);
    }
  });

  it('has a 2026 budget for every money rule, e.g. scenario-case ¥2,000,000 = 10 × ¥200,000', async () => {
    const budgets = await db.prisma.programmeBudget.findMany({ orderBy: { ruleId: 'asc' } });
    expect(budgets.map((b) => b.ruleId)).toEqual([
      'academician-centre-city',
      'academician-workstation-city',
      'academician-workstation-provincial',
      'high-tech-enterprise',
      'incubator',
      'innovation-contest',
      'key-project',
      'rd-platform',
      'scenario-case',
      'talent-team',
      'tech-transfer',
    ]);
    for (const b of budgets) {
      expect(b.year).toBe(DEMO_BUDGET_YEAR);
      expect(b.committedFen).toBe(0n);
      expect(b.paidFen).toBe(0n);
      expect(b.approvedCount).toBe(0);
      expect(b.budgetFen % 100n).toBe(0n);
    }
    expect(budgets.find((b) => b.ruleId === 'scenario-case')?.budgetFen).toBe(
      10n * 200_000n * 100n,
    );
  });
});

describe('demo 科技副总 call', () => {
  it('is at the matching stage with needs and candidates that pass the programme checks', async () => {
    await seedDemo(db.prisma, {
      passwordParams: FAST_PASSWORDS,
      piiHashKey: PII_KEY,
      now: SEEDED_AT,
    });
    const call = await db.prisma.vpCall.findFirstOrThrow({
      where: { title: DEMO_VP_CALL_TITLE },
      include: {
        needs: { include: { organisation: true } },
        candidates: { include: { researcher: true } },
      },
    });
    expect(call.status).toBe('matching');
    expect(call.needs).toHaveLength(4);
    expect(call.candidates).toHaveLength(4);
    const settings = findVpSettings(call.settingsVersion)!;
    for (const need of call.needs) {
      expect(
        vpNeedSchema.safeParse({ ...need, subFieldCode: need.subFieldCode ?? undefined }).success,
      ).toBe(true);
      const org = need.organisation;
      expect(
        checkFirmEligibility(
          {
            organisationType: org.type.toLowerCase(),
            areaCode: org.areaCode,
            qualifications: org.qualifications,
          },
          settings,
        ),
      ).toEqual([]);
    }
    for (const c of call.candidates) {
      const findings = checkCandidateEligibility(
        { ...c, birthDate: c.researcher.birthDate.toISOString().slice(0, 10) },
        settings,
        call.referenceDate.toISOString().slice(0, 10),
      );
      expect(findings).toEqual([]);
    }
  });
});
