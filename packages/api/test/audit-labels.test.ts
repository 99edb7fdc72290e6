import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_TYPES } from '@kc/domain';
import { auditRowDtos } from '../src/audit-search';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { submittedScenario } from './awards-support';
import { vpResearcher } from './vp-support';

/**
 * The names on a page of the audit log (issue 13): one hand-written statement reads every kind of
 * record's name and every actor's. Checked here against what Prisma reads of the same records.
 */
describe('audit labels', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  type Row = Parameters<typeof auditRowDtos>[1][number];
  let nextId = 1n;
  const row = (objectType: string, objectId: string | null, more: Partial<Row> = {}): Row => ({
    id: nextId++,
    at: h.clock.now,
    actorUserId: null,
    actorRole: null,
    action: 'test.named',
    objectType,
    objectId,
    areaCode: null,
    details: {},
    ip: null,
    ...more,
  });
  let statements = 0;
  const names = (rows: Row[]) =>
    auditRowDtos(
      (query) => {
        statements++;
        return h.db.rows(query);
      },
      rows,
      h.clock.now,
    );

  it('names each kind of record as officers know it, never by its UUID', async () => {
    const { firm, application } = await submittedScenario(h, '宿州审计命名测试场景');
    const { researcher } = await vpResearcher(h);
    const p = h.prisma;
    const admin = await p.user.findFirstOrThrow({ where: { username: 'admin' } });
    const budget = await p.programmeBudget.findFirstOrThrow({ where: { ruleId: 'scenario-case' } });
    const member = await p.organisationMember.findFirstOrThrow({
      where: { organisationId: firm.org.id },
    });
    const bank = await p.organisationBankAccount.findFirstOrThrow({
      include: { organisation: true },
    });
    const file = await p.storedFile.findFirstOrThrow({ where: { ownerUserId: firm.userId } });
    const call = await p.vpCall.findFirstOrThrow();
    const need = await p.vpNeed.findFirstOrThrow({ include: { organisation: true } });
    const candidate = await p.vpCandidate.findFirstOrThrow({ include: { researcher: true } });
    const expected: [string, string, string][] = [
      ['user', admin.id, `${admin.displayName}（admin）`],
      ['application', application.id, application.number],
      ['programme-budget', budget.id, `市级重大应用场景典型案例奖励 ${budget.year}年`],
      ['organisation', firm.org.id, firm.org.name],
      ['organisation_member', member.id, firm.org.name],
      ['organisation_bank_account', bank.id, bank.organisation.name],
      ['researcher', researcher.id, researcher.name],
      ['stored_file', file.id, file.originalName],
      ['vp_call', call.id, call.title],
      ['vp_need', need.id, `${need.organisation.name}：${need.title}`],
      ['vp_candidate', candidate.id, candidate.researcher.name],
    ];
    const dtos = await names(expected.map(([type, id]) => row(type, id)));
    expect(dtos.map((d) => d.objectLabel)).toEqual(expected.map(([, , label]) => label));
  });

  it('runs one statement whatever kinds the page holds, and reads every kind it knows', async () => {
    // A row for every kind the filter offers, each about a record that does not exist: every
    // branch of the statement runs (a wrong column in any would fail it), and each falls back.
    const rows = AUDIT_OBJECT_TYPES.map((t) => row(t.code, randomUUID(), { details: {} }));
    statements = 0;
    const dtos = await names(rows);
    expect(statements).toBe(1);
    expect(dtos.map((d) => d.objectLabel)).toEqual(rows.map(() => null));
  });

  it('a record that is gone is named by its details, and a UUID is never shown', async () => {
    const gone = randomUUID();
    const dtos = await names([
      row('application', gone, { details: { number: 'SZKC-2026-000999' } }),
      row('application', gone),
      row('login', 'reviewer'),
    ]);
    expect(dtos.map((d) => d.objectLabel)).toEqual(['SZKC-2026-000999', null, 'reviewer']);
  });

  it('names the actor with what tells them apart: login name, institution or organisation', async () => {
    const { firm } = await submittedScenario(h, '宿州审计命名测试场景二');
    const { researcher, userId: researcherUserId } = await vpResearcher(h);
    const reviewer = await h.prisma.user.findFirstOrThrow({ where: { username: 'reviewer' } });
    const firmUser = await h.prisma.user.findUniqueOrThrow({ where: { id: firm.userId } });
    const dtos = await names([
      row('application', null, { actorUserId: reviewer.id }),
      row('application', null, { actorUserId: researcherUserId }),
      row('application', null, { actorUserId: firm.userId }),
      row('application', null, { actorUserId: randomUUID() }),
      row('application', null),
    ]);
    expect(dtos.map((d) => d.actorName)).toEqual([
      `${reviewer.displayName}（reviewer）`,
      `${researcher.name}（${researcher.institutionName}）`,
      `${firmUser.displayName}（${firm.org.name}）`,
      null,
      null,
    ]);
  });
});
