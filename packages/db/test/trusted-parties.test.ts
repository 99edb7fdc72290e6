/**
 * The trusted-parties migration (issue 10): existing data survives it, and the database itself
 * holds the rules no code path may break — one organisation per person, one active 收款账户 per
 * organisation, digits-only account numbers, evidence backed by what its source says.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/client';
import { isCheckViolation, isUniqueViolationOfIndex } from '../src/errors';
import { MIGRATIONS_DIR, runMigrations } from '../src/migrate/runner';
import { createScratchDatabase, createTestDb } from '../src/testing';

const AT = new Date('2026-11-27T02:00:00Z');
const stamps = { createdAt: AT, updatedAt: AT };

describe('the trusted-parties migration keeps existing data', () => {
  it('makes owners administrators, bank details the active account, and demo organisations verified', async () => {
    const all = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n)).sort();
    const index = all.findIndex((n) => n.endsWith('_trusted_parties'));
    expect(index).toBeGreaterThan(0);
    const before = await mkdtemp(join(tmpdir(), 'kc-before-trust-'));
    for (const name of all.slice(0, index))
      await cp(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });

    const scratch = await createScratchDatabase();
    const { conn, close } = await scratch.connect();
    try {
      await runMigrations(conn, { migrationsDir: before });
      // An organisation as the platform had them: an owner column and bank fields on the row.
      await conn.exec(`
        INSERT INTO "user" (id, kind, openid, display_name, created_at, updated_at) VALUES
          ('11111111-1111-4111-8111-111111111111', 'APPLICANT', 'legacy-owner', '旧管理员', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z');
        INSERT INTO organisation (id, type, name, credit_code, area_code, field_codes, sub_field_codes,
            qualifications, contact_name, contact_phone, owner_user_id, bank_account_holder, bank_name,
            bank_account_no, created_at, updated_at) VALUES
          ('22222222-2222-4222-8222-222222222222', 'FIRM', '安徽宿氢新能源科技有限公司', '91341300MA2N8H4QXE',
           'sz-etdz', '{low-carbon-energy}', '{}', '{high-tech-enterprise}', '赵立新', '13905571101',
           '11111111-1111-4111-8111-111111111111', '安徽宿氢新能源科技有限公司', '中国工商银行宿州经济开发区支行',
           '1317000109200123456', '2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z'),
          ('33333333-3333-4333-8333-333333333333', 'FIRM', '宿州某新注册有限公司', '91341302MA2Q00001H',
           'yongqiao', '{general-intelligence}', '{}', '{}', '钱', '13900000000', NULL, NULL, NULL, NULL,
           '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');`);
      await runMigrations(conn);

      const members = await conn.query(
        `SELECT organisation_id, user_id, role, status, origin, joined_at FROM organisation_member`,
      );
      expect(members).toEqual([
        {
          organisation_id: '22222222-2222-4222-8222-222222222222',
          user_id: '11111111-1111-4111-8111-111111111111',
          role: 'admin',
          status: 'active',
          origin: 'migrated',
          joined_at: expect.anything(),
        },
      ]);
      const accounts = await conn.query(
        `SELECT organisation_id, holder, bank_name, branch_name, account_no, status FROM organisation_bank_account`,
      );
      expect(accounts).toEqual([
        {
          organisation_id: '22222222-2222-4222-8222-222222222222',
          holder: '安徽宿氢新能源科技有限公司',
          bank_name: '中国工商银行',
          branch_name: '宿州经济开发区支行',
          account_no: '1317000109200123456',
          status: 'active',
        },
      ]);
      const orgs = await conn.query(
        `SELECT credit_code, verification_status, qualifications FROM organisation ORDER BY credit_code`,
      );
      // The demo organisation is verified; one registered by a user stays to be verified.
      expect(orgs).toEqual([
        {
          credit_code: '91341300MA2N8H4QXE',
          verification_status: 'verified',
          qualifications: ['high-tech-enterprise'],
        },
        {
          credit_code: '91341302MA2Q00001H',
          verification_status: 'unverified',
          qualifications: [],
        },
      ]);
    } finally {
      await close();
      await scratch.drop();
      await rm(before, { recursive: true, force: true });
    }
  });
});

describe('rules the database holds', () => {
  let db: Db;
  let userId: string;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    db = await createTestDb();
    userId = (
      await db.prisma.user.create({
        data: { kind: 'APPLICANT', openid: 'trust-user', displayName: '测试', ...stamps },
      })
    ).id;
    const org = (creditCode: string, name: string) =>
      db.prisma.organisation.create({
        data: {
          type: 'FIRM',
          name,
          creditCode,
          areaCode: 'yongqiao',
          fieldCodes: ['general-intelligence'],
          contactName: '测试',
          contactPhone: '13900000000',
          ...stamps,
        },
      });
    orgA = (await org('91341302MA2P3K7D51', '甲公司')).id;
    orgB = (await org('91341300MA2N8H4QXE', '乙公司')).id;
  });
  afterAll(() => db?.close());

  const member = (organisationId: string, status = 'active') => ({
    organisationId,
    userId,
    role: 'admin',
    status,
    origin: 'registered',
    joinedAt: AT,
    ...(status === 'ended' ? { endedAt: AT, endReason: 'left' } : {}),
    ...stamps,
  });

  it('lets a person be an active member of one organisation at a time', async () => {
    await db.prisma.organisationMember.create({ data: member(orgA) });
    const second = await db.prisma.organisationMember
      .create({ data: member(orgB) })
      .catch((e: unknown) => e);
    expect(
      isUniqueViolationOfIndex(second, 'organisation_member_one_active_per_user', ['user_id']),
    ).toBe(true);
    // An ended membership is history, not a second organisation.
    await db.prisma.organisationMember.create({ data: member(orgB, 'ended') });
  });

  it('keeps one active 收款账户 per organisation, with an 8–32 digit number', async () => {
    const account = (accountNo: string) => ({
      organisationId: orgA,
      holder: '甲公司',
      bankName: '中国工商银行',
      branchName: '宿州分行营业部',
      accountNo,
      createdBy: userId,
      createdAt: AT,
    });
    await db.prisma.organisationBankAccount.create({ data: account('13170001092004567') });
    const twice = await db.prisma.organisationBankAccount
      .create({ data: account('13170001092009999') })
      .catch((e: unknown) => e);
    expect(
      isUniqueViolationOfIndex(twice, 'organisation_bank_account_one_active', ['organisation_id']),
    ).toBe(true);
    for (const bad of ['1234567', '6222-0000-0000', 'x'.repeat(10), '1'.repeat(33)]) {
      const error = await db.prisma.organisationBankAccount
        .create({ data: { ...account(bad), organisationId: orgB } })
        .catch((e: unknown) => e);
      expect(isCheckViolation(error, 'organisation_bank_account_number_digits'), bad).toBe(true);
    }
  });

  it('refuses a verification by someone other than the legal representative without a 授权委托书', async () => {
    const file = await db.prisma.storedFile.create({
      data: {
        sha256: 'a'.repeat(64),
        sizeBytes: 10,
        mimeType: 'application/pdf',
        originalName: '营业执照.pdf',
        ownerUserId: userId,
        createdAt: AT,
      },
    });
    const error = await db.prisma.organisationVerification
      .create({
        data: {
          organisationId: orgA,
          submittedBy: userId,
          licenceKind: 'business-licence',
          licenceFileId: file.id,
          legalRepName: '张三',
          applicantRole: 'staff',
          name: '甲公司',
          creditCode: '91341302MA2P3K7D51',
          type: 'FIRM',
          areaCode: 'yongqiao',
          ...stamps,
        },
      })
      .catch((e: unknown) => e);
    expect(isCheckViolation(error, 'organisation_verification_authorised')).toBe(true);
  });
});
