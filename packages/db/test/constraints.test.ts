/** (c) audit_log is append-only; (d) a duplicate credit code is P2002. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, isUniqueViolationOn, uniqueViolation } from '../src';
import type { Db } from '../src';
import { createTestDb } from '../src/testing';

/** The time rows are stamped with: the app's clock writes every timestamp, never the database. */
const AT = new Date('2026-11-27T02:00:00Z');

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('audit_log is append-only', () => {
  it('accepts inserts', async () => {
    const row = await db.prisma.auditLog.create({
      data: {
        at: AT,
        action: 'organisation.view',
        objectType: 'organisation',
        objectId: 'x',
        details: { masked: '139****5678' },
      },
    });
    expect(row.id).toBeTypeOf('bigint');
    expect(row.details).toEqual({ masked: '139****5678' });
  });

  it('raises on UPDATE, DELETE and TRUNCATE', async () => {
    const row = await db.prisma.auditLog.create({
      data: { at: AT, action: 'a', objectType: 'b', details: {} },
    });
    await expect(
      db.prisma.auditLog.update({ where: { id: row.id }, data: { action: 'tampered' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.updateMany({ data: { ip: '1.2.3.4' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(
      db.prisma.$executeRawUnsafe('UPDATE audit_log SET action = $1', 'x'),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const again = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.action).toBe('a');
  });
});

describe('unique credit code', () => {
  it('raises P2002 naming the column', async () => {
    const org = {
      type: 'FIRM' as const,
      name: '安徽测试科技有限公司',
      creditCode: '91341302MA2P3K7D51',
      areaCode: 'yongqiao',
      fieldCodes: ['general-intelligence'],
      contactName: '测试',
      contactPhone: '13900000000',
      createdAt: AT,
      updatedAt: AT,
    };
    await db.prisma.organisation.create({ data: org });
    const error = await db.prisma.organisation
      .create({ data: { ...org, name: '另一家' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    const known = error as Prisma.PrismaClientKnownRequestError;
    expect(known.code).toBe('P2002');
    // With driver adapters the columns are in meta.driverAdapterError.cause.constraint.fields.
    expect(JSON.stringify(known.meta)).toContain('credit_code');
    // The backends report it differently (columns vs index name); the helper reads both.
    const v = uniqueViolation(error);
    expect(v?.columns ?? [v?.constraint]).toEqual([
      db.kind === 'pglite' ? 'credit_code' : 'organisation_credit_code_key',
    ]);
    expect(isUniqueViolationOn(error, 'credit_code')).toBe(true);
    expect(isUniqueViolationOn(error, 'owner_user_id')).toBe(false);
    expect(isUniqueViolationOn(error, 'code')).toBe(false);
    expect(isUniqueViolationOn(new Error('x'), 'credit_code')).toBe(false);
  });
});

describe('expert pool', () => {
  it('refuses an unknown status, a refusal without its reason and an expert with no field', async () => {
    const user = await db.prisma.user.create({
      data: {
        kind: 'APPLICANT',
        displayName: '专家',
        openid: 'expert-constraints',
        createdAt: AT,
        updatedAt: AT,
      },
    });
    const expert = {
      userId: user.id,
      name: '周文博',
      mobile: '13900000001',
      title: 'professor',
      unitName: '宿州学院',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: [],
      expertise: '燃料电池',
      conflicts: [],
      createdAt: AT,
      updatedAt: AT,
    };
    const refused = (data: Partial<typeof expert> & { status?: string; statusReason?: string }) =>
      db.prisma.expert
        .create({ data: { ...expert, ...data } })
        .then(() => 'accepted')
        .catch((e: unknown) => String(e));
    expect(await refused({ status: 'retired' })).toContain('expert_status_valid');
    expect(await refused({ status: 'suspended' })).toContain('expert_refused_has_reason');
    expect(await refused({ fieldCodes: [] })).toContain('expert_has_field');
    expect(await refused({ status: 'suspended', statusReason: '连续两次无故缺席评审' })).toBe(
      'accepted',
    );
  });
});
