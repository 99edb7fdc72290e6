import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsOf } from '@kc/db/statements';
import { rowsOf } from '@kc/db';
import { APPLICATION_INCLUDE } from '../src/awards/dto';
import { callerOrganisation } from '../src/awards/applicant';
import { submitRead, submitRelations } from '../src/awards/submit-read';
import { SCENARIO_EVIDENCE, firmApplicant, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * The round trips of one submission request (issue 13: many applicants submit at once, each
 * statement costs a pooled connection's round trip and the ORM's fixed cost): the session, one
 * read of the caller and the application, one of the history, one write — no transaction around
 * them (the write is one statement). Raise it only for a reason the change names.
 */
const SUBMIT_STATEMENTS = 4;

describe('applications.submit round trips', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('submits in four statements and answers what a fresh read shows', async () => {
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('往返计数场景'),
      evidence,
    });
    // The one-statement read of the relations, straight through the driver as submit sends it,
    // gives what Prisma's include gives (and what the same statement gives through Prisma).
    expect(await submitRelations(rowsOf(h.prisma), draft.id)).toEqual(
      await submitRelations(h.db.rows, draft.id),
    );
    expect(await submitRelations(h.db.rows, draft.id)).toEqual(
      await h.prisma.application.findUniqueOrThrow({
        where: { id: draft.id },
        select: {
          ...APPLICATION_INCLUDE,
          evidence: {
            ...APPLICATION_INCLUDE.evidence,
            include: {
              file: true,
              document: { select: { kind: true, status: true, validUntil: true } },
              bankAccount: { select: { status: true } },
            },
          },
        },
      }),
    );
    // The one-statement read of the caller and the application gives what Prisma reads.
    const read = await submitRead(h.db.rows, firm.userId, draft.id);
    const org = await callerOrganisation(h.prisma, firm.userId);
    expect(read.organisation).toEqual({
      id: org?.id,
      name: org?.name,
      type: org?.type,
      areaCode: org?.areaCode,
      verificationStatus: org?.verificationStatus,
      verifiedQualifications: org?.verifiedQualifications,
    });
    expect(read.researcher).toBeNull();
    expect(read.application).toEqual({
      ...(await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })),
      ...(await submitRelations(h.db.rows, draft.id)),
    });
    expect((await submitRead(h.db.rows, firm.userId, crypto.randomUUID())).application).toBeNull();
    const { result: submitted, statements: all } = await statementsOf(() =>
      firm.client.applications.submit.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
      }),
    );
    // The policy catalogue's token is read at most once a second per instance, whatever the
    // requests (policy/catalogue.ts): not a round trip of a submission.
    const statements = all.filter((s) => !/\bFROM policy_version\b/.test(s));
    expect(statements.filter((s) => /^\s*(BEGIN|COMMIT)/i.test(s))).toEqual([]);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(SUBMIT_STATEMENTS);
    // Every write in one statement: the status, the timeline event, the audit row, the receipt.
    expect(statements.filter((s) => /\b(INSERT|UPDATE)\b/i.test(s))).toHaveLength(1);
    // The answer is built from the row read at the start: it must be what a read shows now.
    expect(submitted.status).toBe('submitted');
    expect(submitted.timeline.map((e) => e.action)).toEqual(['create', 'submit']);
    expect(submitted).toEqual(await firm.client.applications.byId.query({ id: draft.id }));
  });
});
