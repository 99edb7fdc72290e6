import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, PrismaClient } from '@kc/db';
import { createTestDb } from '@kc/db/testing';
import { prismaFileRecords } from '../../src/files';
import type { FileRecords } from '../../src/files';

const AT = new Date('2026-11-27T02:00:00Z');

/** The `stored_file` table behind the FileRecords interface (PGlite, or DATABASE_URL). */
let db: Db;
let records: FileRecords;
let alice: string;
let bob: string;

const sha = (c: string) => c.repeat(64);
const file = (ownerUserId: string, sha256: string, originalName = '合同.pdf') => ({
  sha256,
  sizeBytes: 1234,
  mimeType: 'application/pdf',
  originalName,
  ownerUserId,
});

beforeAll(async () => {
  db = await createTestDb();
  records = prismaFileRecords(db.prisma, () => AT);
  const user = (openid: string) =>
    db.prisma.user.create({
      data: { createdAt: AT, updatedAt: AT, kind: 'APPLICANT', openid, displayName: openid },
    });
  alice = (await user('records-alice')).id;
  bob = (await user('records-bob')).id;
});
afterAll(async () => {
  await db?.close();
});

describe('prismaFileRecords', () => {
  it('creates a row and finds it by id', async () => {
    const row = await records.create(file(alice, sha('a')));
    expect(row).toMatchObject({ ...file(alice, sha('a')), id: expect.any(String) });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(await records.findById(row.id)).toEqual(row);
    expect(await records.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('returns the owner’s existing row for the same content, also under a race', async () => {
    const first = await records.create(file(alice, sha('b'), '第一次.pdf'));
    const again = await records.create(file(alice, sha('b'), '第二次.pdf'));
    expect(again).toEqual(first);
    const racing = await Promise.all([
      records.create(file(bob, sha('c'))),
      records.create(file(bob, sha('c'))),
      records.create(file(bob, sha('c'))),
    ]);
    expect(new Set(racing.map((r) => r.id)).size).toBe(1);
  });

  it('gives each owner their own row for identical bytes', async () => {
    const a = await records.create(file(alice, sha('d')));
    const b = await records.create(file(bob, sha('d')));
    expect(b.id).not.toBe(a.id);
    expect(await db.prisma.storedFile.count({ where: { sha256: sha('d') } })).toBe(2);
  });

  it('falls back to the existing row when its insert loses a race (unique violation)', async () => {
    const winner = await records.create(file(alice, sha('e')));
    let lookups = 0;
    const storedFile = db.prisma.storedFile;
    // The first lookup misses, as if the other request inserted just after it.
    const racy = prismaFileRecords(
      {
        storedFile: {
          findUnique: (args: Parameters<typeof storedFile.findUnique>[0]) =>
            lookups++ === 0 ? Promise.resolve(null) : storedFile.findUnique(args),
          create: (args: Parameters<typeof storedFile.create>[0]) => storedFile.create(args),
        },
      } as unknown as Pick<PrismaClient, 'storedFile'>,
      () => AT,
    );
    expect(await racy.create(file(alice, sha('e')))).toEqual(winner);
    expect(lookups).toBe(2);
  });
});
