import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsOf, transactionOf } from '@kc/db/statements';
import { APPLICATION_INCLUDE } from '../src/awards/dto';
import { submitRelations } from '../src/awards/submit-read';
import { SCENARIO_EVIDENCE, firmApplicant, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * The round trips of one submission's transaction, BEGIN and COMMIT included (issue 13: many
 * applicants submit at once, each statement holds a pooled connection for a round trip). Raise it
 * only for a reason the change names.
 */
const SUBMIT_TRANSACTION_STATEMENTS = 11;

describe('applications.submit round trips', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('submits in one short transaction and answers what a fresh read shows', async () => {
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('往返计数场景'),
      evidence,
    });
    // The one-statement read of the relations gives what Prisma's include gives.
    expect(await submitRelations(h.prisma, draft.id)).toEqual(
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
    const { result: submitted, statements } = await statementsOf(() =>
      firm.client.applications.submit.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
      }),
    );
    const transaction = transactionOf(statements);
    expect(statements.filter((s) => /^\s*BEGIN/i.test(s))).toHaveLength(1);
    expect(transaction.length, transaction.join('\n')).toBeLessThanOrEqual(
      SUBMIT_TRANSACTION_STATEMENTS,
    );
    // The answer is built from the row read at the start: it must be what a read shows now.
    expect(submitted.status).toBe('submitted');
    expect(submitted.timeline.map((e) => e.action)).toEqual(['create', 'submit']);
    expect(submitted).toEqual(await firm.client.applications.byId.query({ id: draft.id }));
  });
});
