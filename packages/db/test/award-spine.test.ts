/**
 * The award spine's database guarantees: "nothing paid twice, nothing beyond the budget" hold
 * in PostgreSQL itself (unique keys, CHECK constraints, append-only journals), whatever the
 * application code does. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { APPLICATION_STATUS_CODES } from '@kc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkViolation,
  formatNumber,
  isCheckViolation,
  isUniqueViolationOn,
  nextNumber,
} from '../src';
import type { Db, Prisma } from '../src';
import { createTestDb } from '../src/testing';

/** The time rows are stamped with: the app's clock writes every timestamp, never the database. */
const AT = new Date('2026-11-27T02:00:00Z');

let db: Db;
let applicantId: string;
let officerId: string;
let organisationId: string;

beforeAll(async () => {
  db = await createTestDb({});
  const applicant = await db.prisma.user.create({
    data: {
      createdAt: AT,
      updatedAt: AT,
      kind: 'APPLICANT',
      openid: 'spine-applicant',
      displayName: '申请人',
    },
  });
  const officer = await db.prisma.user.create({
    data: {
      createdAt: AT,
      updatedAt: AT,
      kind: 'OFFICER',
      username: 'spine-officer',
      displayName: '审核员',
      role: 'BUREAU_REVIEWER',
    },
  });
  const org = await db.prisma.organisation.create({
    data: {
      createdAt: AT,
      updatedAt: AT,
      type: 'FIRM',
      name: '安徽测试科技有限公司',
      creditCode: '91341302MA2P3K7D51',
      areaCode: 'yongqiao',
      fieldCodes: ['general-intelligence'],
      contactName: '测试',
      contactPhone: '13900000000',
    },
  });
  applicantId = applicant.id;
  officerId = officer.id;
  organisationId = org.id;
});
afterAll(async () => {
  await db?.close();
});

let serial = 0;
async function newApplication(data: Partial<Prisma.ApplicationUncheckedCreateInput> = {}) {
  serial++;
  return db.prisma.application.create({
    data: {
      createdAt: AT,
      updatedAt: AT,
      number: `TEST-${serial}`,
      applicantUserId: applicantId,
      organisationId,
      ruleId: 'scenario-case',
      policySetId: 'suzhou-future-2026-draft',
      policyVersion: '1',
      input: { scenario: '测试' },
      areaCode: 'yongqiao',
      year: 2026,
      ...data,
    },
  });
}

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the database to refuse');
    },
    (error: unknown) => error,
  );
}

async function approvedApplication(amount = 20_000_000n) {
  return newApplication({
    status: 'approved',
    computedAmountFen: amount,
    approvedAmountFen: amount,
    decidedAt: new Date(),
  });
}

async function newBatch() {
  return db.prisma.disbursementBatch.create({
    data: {
      createdAt: AT,
      updatedAt: AT,
      number: await nextNumber(db.prisma, 'disbursement', 2026),
      createdBy: officerId,
    },
  });
}

describe('once only: AwardOnceKey', () => {
  it('refuses a second award with the same key, in the database', async () => {
    const first = await approvedApplication();
    const second = await approvedApplication();
    const key = `rd-platform:${organisationId}:national`;
    await db.prisma.awardOnceKey.create({
      data: { createdAt: AT, key, applicationId: first.id, ruleId: 'rd-platform' },
    });
    const error = await failure(
      db.prisma.awardOnceKey.create({
        data: { createdAt: AT, key, applicationId: second.id, ruleId: 'rd-platform' },
      }),
    );
    expect(isUniqueViolationOn(error, 'key')).toBe(true);
    // Inside an approval transaction the whole approval rolls back.
    const approval = failure(
      db.prisma.$transaction(async (tx) => {
        await tx.application.update({
          where: { id: second.id },
          data: { status: 'in-notice', version: { increment: 1 } },
        });
        await tx.awardOnceKey.create({
          data: { createdAt: AT, key, applicationId: second.id, ruleId: 'rd-platform' },
        });
      }),
    );
    expect(isUniqueViolationOn(await approval, 'key')).toBe(true);
    expect(
      (await db.prisma.application.findUniqueOrThrow({ where: { id: second.id } })).status,
    ).toBe('approved');
    // Released (award pulled back), the key can be taken again.
    await db.prisma.awardOnceKey.delete({ where: { key } });
    await db.prisma.awardOnceKey.create({
      data: { createdAt: AT, key, applicationId: second.id, ruleId: 'rd-platform' },
    });
  });
});

describe('one payment per application: Disbursement', () => {
  it('refuses a second disbursement for the same application, even in another batch', async () => {
    const app = await approvedApplication();
    const [a, b] = [await newBatch(), await newBatch()];
    await db.prisma.disbursement.create({
      data: {
        createdAt: AT,
        updatedAt: AT,
        batchId: a.id,
        applicationId: app.id,
        amountFen: 20_000_000n,
      },
    });
    const error = await failure(
      db.prisma.disbursement.create({
        data: {
          createdAt: AT,
          updatedAt: AT,
          batchId: b.id,
          applicationId: app.id,
          amountFen: 20_000_000n,
        },
      }),
    );
    expect(isUniqueViolationOn(error, 'application_id')).toBe(true);
  });

  it('refuses zero or negative payments and a paid row without a time', async () => {
    const batch = await newBatch();
    for (const amountFen of [0n, -1n]) {
      const app = await approvedApplication();
      const error = await failure(
        db.prisma.disbursement.create({
          data: {
            createdAt: AT,
            updatedAt: AT,
            batchId: batch.id,
            applicationId: app.id,
            amountFen,
          },
        }),
      );
      expect(checkViolation(error)).toBe('disbursement_amount_positive');
    }
    const app = await approvedApplication();
    const error = await failure(
      db.prisma.disbursement.create({
        data: {
          createdAt: AT,
          updatedAt: AT,
          batchId: batch.id,
          applicationId: app.id,
          amountFen: 1n,
          status: 'paid',
        },
      }),
    );
    expect(checkViolation(error)).toBe('disbursement_paid_complete');
  });

  it('a batch cannot be confirmed or paid without who and when', async () => {
    const batch = await newBatch();
    expect(
      checkViolation(
        await failure(
          db.prisma.disbursementBatch.update({
            where: { id: batch.id },
            data: { status: 'confirmed' },
          }),
        ),
      ),
    ).toBe('disbursement_batch_confirmed_complete');
    await db.prisma.disbursementBatch.update({
      where: { id: batch.id },
      data: { status: 'confirmed', confirmedBy: officerId, confirmedAt: new Date() },
    });
    expect(
      checkViolation(
        await failure(
          db.prisma.disbursementBatch.update({ where: { id: batch.id }, data: { status: 'paid' } }),
        ),
      ),
    ).toBe('disbursement_batch_paid_complete');
  });
});

describe('budget: ProgrammeBudget', () => {
  it('refuses committing or paying beyond the budget (CHECK)', async () => {
    const budget = await db.prisma.programmeBudget.create({
      data: {
        createdAt: AT,
        updatedAt: AT,
        ruleId: 'scenario-case',
        year: 2026,
        budgetFen: 200_000_000n,
      },
    });
    // 10 × ¥200,000 fit exactly …
    await db.prisma.programmeBudget.update({
      where: { id: budget.id },
      data: { committedFen: 160_000_000n, paidFen: 40_000_000n, approvedCount: 10 },
    });
    // … one fen more does not, whether committed or paid.
    for (const data of [{ committedFen: { increment: 1n } }, { paidFen: { increment: 1n } }]) {
      const error = await failure(
        db.prisma.programmeBudget.update({ where: { id: budget.id }, data }),
      );
      expect(isCheckViolation(error, 'programme_budget_within_budget')).toBe(true);
    }
    // Nor can the budget be cut below what is already committed and paid.
    const cut = await failure(
      db.prisma.programmeBudget.update({
        where: { id: budget.id },
        data: { budgetFen: 199_999_999n },
      }),
    );
    expect(checkViolation(cut)).toBe('programme_budget_within_budget');
    // The guarded update inside a locking transaction, as the API does it.
    const locked = failure(
      db.prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ committed_fen: bigint }[]>`
          SELECT committed_fen FROM programme_budget WHERE id = ${budget.id}::uuid FOR UPDATE`;
        expect(rows[0]?.committed_fen).toBe(160_000_000n);
        await tx.programmeBudget.update({
          where: { id: budget.id },
          data: { committedFen: { increment: 20_000_000n }, approvedCount: { increment: 1 } },
        });
      }),
    );
    expect(isCheckViolation(await locked, 'programme_budget_within_budget')).toBe(true);
    const after = await db.prisma.programmeBudget.findUniqueOrThrow({ where: { id: budget.id } });
    expect([after.committedFen, after.paidFen, after.approvedCount]).toEqual([
      160_000_000n,
      40_000_000n,
      10,
    ]);
  });

  it('refuses negative amounts and counts', async () => {
    for (const data of [
      { budgetFen: -1n },
      { budgetFen: 100n, committedFen: -1n },
      { budgetFen: 100n, paidFen: -1n },
      { budgetFen: 100n, approvedCount: -1 },
    ]) {
      const error = await failure(
        db.prisma.programmeBudget.create({
          data: { createdAt: AT, updatedAt: AT, ruleId: 'neg', year: 2027, ...data },
        }),
      );
      expect(
        checkViolation(error),
        JSON.stringify(data, (_k, v: unknown) => String(v)),
      ).toMatch(/^programme_budget_(nonnegative|within_budget)$/);
    }
    for (const data of [
      { computedAmountFen: -1n },
      { approvedAmountFen: -5n, overrideReason: 'x' },
    ]) {
      const error = await failure(newApplication(data));
      expect(checkViolation(error)).toBe('application_amounts_nonnegative');
    }
  });

  it('one budget row per rule and year', async () => {
    await db.prisma.programmeBudget.create({
      data: { createdAt: AT, updatedAt: AT, ruleId: 'incubator', year: 2026, budgetFen: 1n },
    });
    const error = await failure(
      db.prisma.programmeBudget.create({
        data: { createdAt: AT, updatedAt: AT, ruleId: 'incubator', year: 2026, budgetFen: 2n },
      }),
    );
    expect(isUniqueViolationOn(error, 'rule_id', 'year')).toBe(true);
  });
});

describe('money is exact BigInt fen', () => {
  it('round-trips 9007199254740993 fen (2^53 + 1, not a double) exactly', async () => {
    const big = 9_007_199_254_740_993n;
    expect(Number(big)).toBe(9_007_199_254_740_992); // a float would lose it
    const budget = await db.prisma.programmeBudget.create({
      data: {
        createdAt: AT,
        updatedAt: AT,
        ruleId: 'big',
        year: 2026,
        budgetFen: big,
        committedFen: big - 1n,
      },
    });
    const read = await db.prisma.programmeBudget.findUniqueOrThrow({ where: { id: budget.id } });
    expect(read.budgetFen).toBe(big);
    expect(read.committedFen).toBe(big - 1n);
    const app = await newApplication({
      computedAmountFen: big,
      approvedAmountFen: big,
      status: 'approved',
      decidedAt: new Date(),
    });
    const again = await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(again.approvedAmountFen).toBe(big);
    // Raw SQL reads it exactly too.
    const [row] = await db.prisma.$queryRaw<{ fen: bigint }[]>`
      SELECT approved_amount_fen AS fen FROM application WHERE id = ${app.id}::uuid`;
    expect(BigInt(row!.fen)).toBe(big);
    const sum = await db.prisma.application.aggregate({
      where: { id: app.id },
      _sum: { approvedAmountFen: true },
    });
    expect(sum._sum.approvedAmountFen).toBe(big);
  });
});

describe('application rows', () => {
  it('accept exactly the @kc/domain status codes', async () => {
    const app = await newApplication();
    for (const status of APPLICATION_STATUS_CODES)
      await db.prisma.application.update({
        where: { id: app.id },
        data: { status, approvedAmountFen: 1n, computedAmountFen: 1n, decidedAt: new Date() },
      });
    const error = await failure(
      db.prisma.application.update({ where: { id: app.id }, data: { status: 'pulled-back' } }),
    );
    expect(checkViolation(error)).toBe('application_status_valid');
  });

  it('an approved application has an amount; an override needs a reason', async () => {
    expect(checkViolation(await failure(newApplication({ status: 'approved' })))).toBe(
      'application_awarded_has_amount',
    );
    expect(
      checkViolation(
        await failure(newApplication({ computedAmountFen: 100n, approvedAmountFen: 90n })),
      ),
    ).toBe('application_override_has_reason');
    expect(
      checkViolation(
        await failure(
          newApplication({ computedAmountFen: 100n, approvedAmountFen: 90n, overrideReason: '  ' }),
        ),
      ),
    ).toBe('application_override_has_reason');
    const ok = await newApplication({
      computedAmountFen: 100n,
      approvedAmountFen: 90n,
      overrideReason: '合同金额核减',
    });
    expect(ok.approvedAmountFen).toBe(90n);
  });

  it('optimistic concurrency: an update with a stale version changes nothing', async () => {
    const app = await newApplication();
    const bump = () =>
      db.prisma.application.updateMany({
        where: { id: app.id, version: app.version },
        data: { status: 'submitted', version: { increment: 1 } },
      });
    expect((await bump()).count).toBe(1);
    expect((await bump()).count).toBe(0);
  });

  it('an evidence file is attached once; a file is stored once per owner', async () => {
    const sha256 = 'a'.repeat(64);
    const file = await db.prisma.storedFile.create({
      data: {
        createdAt: AT,
        sha256,
        sizeBytes: 10,
        mimeType: 'application/pdf',
        originalName: '证书.pdf',
        ownerUserId: applicantId,
      },
    });
    const again = await failure(
      db.prisma.storedFile.create({
        data: {
          createdAt: AT,
          sha256,
          sizeBytes: 10,
          mimeType: 'application/pdf',
          originalName: 'x.pdf',
          ownerUserId: applicantId,
        },
      }),
    );
    expect(isUniqueViolationOn(again, 'owner_user_id', 'sha256')).toBe(true);
    // Another person with the same bytes gets their own row.
    await db.prisma.storedFile.create({
      data: {
        createdAt: AT,
        sha256,
        sizeBytes: 10,
        mimeType: 'application/pdf',
        originalName: 'y.pdf',
        ownerUserId: officerId,
      },
    });
    expect(
      checkViolation(
        await failure(
          db.prisma.storedFile.create({
            data: {
              createdAt: AT,
              sha256: 'XYZ',
              sizeBytes: 1,
              mimeType: 'x',
              originalName: 'x',
              ownerUserId: applicantId,
            },
          }),
        ),
      ),
    ).toBe('stored_file_sha256_hex');
    const app = await newApplication();
    await db.prisma.applicationEvidence.create({
      data: { createdAt: AT, applicationId: app.id, fileId: file.id, kind: 'certificate' },
    });
    const twice = await failure(
      db.prisma.applicationEvidence.create({
        data: { createdAt: AT, applicationId: app.id, fileId: file.id, kind: 'contract' },
      }),
    );
    expect(isUniqueViolationOn(twice, 'application_id', 'file_id')).toBe(true);
  });

  it('the timeline is append-only', async () => {
    const app = await newApplication();
    const event = await db.prisma.applicationEvent.create({
      data: {
        at: AT,
        applicationId: app.id,
        action: 'submit',
        fromStatus: 'draft',
        toStatus: 'submitted',
      },
    });
    expect(event.details).toEqual({});
    await expect(
      db.prisma.applicationEvent.update({ where: { id: event.id }, data: { comment: 'x' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.applicationEvent.delete({ where: { id: event.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE application_event')).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('ledger', () => {
  it('one commit per approval round, one payment per disbursement, append-only', async () => {
    const app = await approvedApplication();
    const base = {
      ruleId: 'scenario-case',
      year: 2026,
      applicationId: app.id,
      amountFen: 20_000_000n,
    };
    await db.prisma.ledgerEntry.create({ data: { at: AT, ...base, kind: 'commit' } });
    const twice = await failure(
      db.prisma.ledgerEntry.create({ data: { at: AT, ...base, kind: 'commit' } }),
    );
    expect(isUniqueViolationOn(twice, 'application_id', 'kind', 'approval_round')).toBe(true);
    // Pulled back and approved again: a new round.
    await db.prisma.ledgerEntry.create({ data: { at: AT, ...base, kind: 'release' } });
    await db.prisma.ledgerEntry.create({
      data: { at: AT, ...base, kind: 'commit', approvalRound: 2 },
    });
    // A payment must name its disbursement, and a disbursement is booked once.
    expect(
      checkViolation(
        await failure(
          db.prisma.ledgerEntry.create({
            data: { at: AT, ...base, kind: 'payment', approvalRound: 2 },
          }),
        ),
      ),
    ).toBe('ledger_entry_payment_has_disbursement');
    const batch = await newBatch();
    const d = await db.prisma.disbursement.create({
      data: {
        createdAt: AT,
        updatedAt: AT,
        batchId: batch.id,
        applicationId: app.id,
        amountFen: 20_000_000n,
      },
    });
    const entry = await db.prisma.ledgerEntry.create({
      data: { at: AT, ...base, kind: 'payment', approvalRound: 2, disbursementId: d.id },
    });
    const again = await failure(
      db.prisma.ledgerEntry.create({
        data: { at: AT, ...base, kind: 'payment', approvalRound: 3, disbursementId: d.id },
      }),
    );
    expect(isUniqueViolationOn(again, 'disbursement_id')).toBe(true);
    expect(
      checkViolation(
        await failure(
          db.prisma.ledgerEntry.create({
            data: { at: AT, ...base, kind: 'commit', approvalRound: 9, amountFen: 0n },
          }),
        ),
      ),
    ).toBe('ledger_entry_amount_positive');
    expect(
      checkViolation(
        await failure(
          db.prisma.ledgerEntry.create({
            data: { at: AT, ...base, kind: 'refund', approvalRound: 9 },
          }),
        ),
      ),
    ).toBe('ledger_entry_kind_valid');
    await expect(
      db.prisma.ledgerEntry.update({ where: { id: entry.id }, data: { amountFen: 1n } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.ledgerEntry.deleteMany({})).rejects.toThrow(/append-only/);
    // The disbursement it books cannot be deleted either.
    await expect(db.prisma.disbursement.delete({ where: { id: d.id } })).rejects.toThrow();
  });
});

describe('notice', () => {
  it('an application is listed once per batch; statuses and dates are checked', async () => {
    const app = await approvedApplication();
    const batch = await db.prisma.noticeBatch.create({
      data: {
        createdAt: AT,
        updatedAt: AT,
        number: await nextNumber(db.prisma, 'notice', 2026),
        title: '2026年第一批市级重大应用场景典型案例拟支持名单公示',
        createdBy: officerId,
      },
    });
    expect(batch.number).toBe('SZKC-GS-2026-001');
    expect(batch.workingDays).toBe(5);
    const item = await db.prisma.noticeItem.create({
      data: { createdAt: AT, updatedAt: AT, batchId: batch.id, applicationId: app.id },
    });
    const twice = await failure(
      db.prisma.noticeItem.create({
        data: { createdAt: AT, updatedAt: AT, batchId: batch.id, applicationId: app.id },
      }),
    );
    expect(isUniqueViolationOn(twice, 'batch_id', 'application_id')).toBe(true);
    expect(
      checkViolation(
        await failure(
          db.prisma.noticeBatch.update({ where: { id: batch.id }, data: { status: 'published' } }),
        ),
      ),
    ).toBe('notice_batch_published_complete');
    expect(
      checkViolation(
        await failure(
          db.prisma.noticeBatch.update({
            where: { id: batch.id },
            data: { publishedOn: new Date('2026-03-09'), endsOn: new Date('2026-03-02') },
          }),
        ),
      ),
    ).toBe('notice_batch_dates_ordered');
    const published = await db.prisma.noticeBatch.update({
      where: { id: batch.id },
      data: {
        status: 'published',
        publishedOn: new Date('2026-03-02'),
        endsOn: new Date('2026-03-09'),
        publishedBy: officerId,
        publishedAt: new Date(),
      },
    });
    expect(published.endsOn?.toISOString().slice(0, 10)).toBe('2026-03-09');
    const objection = await db.prisma.objection.create({
      data: {
        createdAt: AT,
        updatedAt: AT,
        noticeItemId: item.id,
        receivedAt: new Date(),
        objector: '匿名',
        content: '该案例未实际落地',
        createdBy: officerId,
      },
    });
    expect(
      checkViolation(
        await failure(
          db.prisma.objection.update({ where: { id: objection.id }, data: { status: 'upheld' } }),
        ),
      ),
    ).toBe('objection_resolved_complete');
  });
});

describe('conflict of interest', () => {
  it('is declared once per officer and organisation', async () => {
    await db.prisma.conflictOfInterest.create({
      data: {
        declaredAt: AT,
        officerUserId: officerId,
        organisationId,
        reason: '近亲属任该单位负责人',
      },
    });
    const error = await failure(
      db.prisma.conflictOfInterest.create({
        data: { declaredAt: AT, officerUserId: officerId, organisationId, reason: 'again' },
      }),
    );
    expect(isUniqueViolationOn(error, 'officer_user_id', 'organisation_id')).toBe(true);
  });
});

describe('idempotency records', () => {
  it('a key is stored once', async () => {
    const record = {
      key: '5f0c1f8e-4f7e-4f55-9a43-0d8e7c0f6a11',
      scope: 'disbursements.markPaid',
      actorUserId: officerId,
      requestHash: 'b'.repeat(64),
      response: { ok: true, total: '20000000' },
      createdAt: AT,
    };
    await db.prisma.idempotencyRecord.create({ data: record });
    const error = await failure(db.prisma.idempotencyRecord.create({ data: record }));
    expect(isUniqueViolationOn(error, 'key')).toBe(true);
  });
});

describe('reference numbers', () => {
  it('formats them', () => {
    expect(formatNumber('application', 2026, 123)).toBe('SZKC-2026-000123');
    expect(formatNumber('disbursement', 2026, 7)).toBe('SZKC-BF-2026-007');
  });

  it('20 concurrent applications get 20 different, consecutive numbers', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.prisma.$transaction(async (tx) => {
          const number = await nextNumber(tx, 'application', 2031);
          return tx.application.create({
            data: {
              createdAt: AT,
              updatedAt: AT,
              number,
              applicantUserId: applicantId,
              ruleId: 'scenario-case',
              policySetId: 'suzhou-future-2026-draft',
              policyVersion: '1',
              input: { i },
              year: 2031,
            },
            select: { number: true },
          });
        }),
      ),
    );
    const numbers = made.map((m) => m.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `SZKC-2031-${String(i + 1).padStart(6, '0')}`),
    );
    // Each year starts again at 1; a rolled-back transaction gives its number back.
    expect(await nextNumber(db.prisma, 'application', 2032)).toBe('SZKC-2032-000001');
    await failure(
      db.prisma.$transaction(async (tx) => {
        await nextNumber(tx, 'application', 2032);
        throw new Error('rollback');
      }),
    );
    expect(await nextNumber(db.prisma, 'application', 2032)).toBe('SZKC-2032-000002');
    await expect(nextNumber(db.prisma, 'application', 26)).rejects.toThrow(RangeError);
  });
});
