import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmApplicant, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * Creating a draft is keyed (applicant-service.ts `saveDraft`): the mini-program resends its key
 * when a save timed out, so a lost answer never leaves the firm with two drafts. On PostgreSQL
 * (DATABASE_URL) the concurrent case races on the key's unique index; on PGlite they queue.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const draftsOf = (organisationId: string) =>
  h.prisma.application.count({ where: { organisationId } });

describe('a draft saved twice with one request number', () => {
  it('makes one draft and answers the retry with it', async () => {
    const firm = await firmApplicant(h);
    const request = {
      ruleId: 'scenario-case',
      input: scenarioInput('重试不重复的草稿'),
      evidence: [await firm.upload('case-summary')],
      idempotencyKey: randomUUID(),
    };
    const first = await firm.client.applications.saveDraft.mutate(request);
    const retry = await firm.client.applications.saveDraft.mutate(request);
    expect(retry).toEqual(first);
    expect(await draftsOf(firm.org.id)).toBe(1);
    expect(await h.prisma.applicationEvidence.count({ where: { applicationId: first.id } })).toBe(
      1,
    );
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'application.create', objectId: first.id },
      }),
    ).toBe(1);
  });

  it('makes one draft when ten copies arrive at once', async () => {
    const firm = await firmApplicant(h);
    const request = {
      ruleId: 'scenario-case',
      input: scenarioInput('同时到达的十个保存'),
      evidence: [],
      idempotencyKey: randomUUID(),
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => firm.client.applications.saveDraft.mutate(request)),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.number)).size).toBe(1);
    expect(await draftsOf(firm.org.id)).toBe(1);
  });

  it('refuses the number with other content, and for another applicant', async () => {
    const firm = await firmApplicant(h);
    const idempotencyKey = randomUUID();
    await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('第一次的内容'),
      evidence: [],
      idempotencyKey,
    });
    const otherContent = await failure(() =>
      firm.client.applications.saveDraft.mutate({
        ruleId: 'scenario-case',
        input: scenarioInput('改过的内容'),
        evidence: [],
        idempotencyKey,
      }),
    );
    expect(otherContent).toMatchObject({
      appCode: 'IDEMPOTENCY_KEY_REUSED',
      message: '该请求编号已用于其他操作，请刷新后重试',
    });
    const other = await firmApplicant(h);
    const otherPerson = await failure(() =>
      other.client.applications.saveDraft.mutate({
        ruleId: 'scenario-case',
        input: scenarioInput('第一次的内容'),
        evidence: [],
        idempotencyKey,
      }),
    );
    expect(otherPerson.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await draftsOf(firm.org.id)).toBe(1);
    expect(await draftsOf(other.org.id)).toBe(0);
  });

  it('lets the number be used again after the first save was refused', async () => {
    const firm = await firmApplicant(h);
    const theirs = await (await firmApplicant(h)).upload('case-summary');
    const idempotencyKey = randomUUID();
    const refused = await failure(() =>
      firm.client.applications.saveDraft.mutate({
        ruleId: 'scenario-case',
        input: scenarioInput(),
        evidence: [theirs],
        idempotencyKey,
      }),
    );
    expect(refused.appCode).toBe('INVALID_INPUT');
    const fixed = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput(),
      evidence: [],
      idempotencyKey,
    });
    expect(fixed.status).toBe('draft');
    expect(await draftsOf(firm.org.id)).toBe(1);
  });

  it('updates an existing draft by its id, and a retried update changes nothing', async () => {
    const firm = await firmApplicant(h);
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('修改前'),
      evidence: [],
      idempotencyKey: randomUUID(),
    });
    const update = {
      applicationId: draft.id,
      expectedVersion: draft.version,
      ruleId: 'scenario-case',
      input: scenarioInput('修改后'),
      evidence: [],
    };
    const updated = await firm.client.applications.saveDraft.mutate(update);
    // The retry of an update whose answer was lost: refused as stale, nothing written twice.
    expect((await failure(() => firm.client.applications.saveDraft.mutate(update))).appCode).toBe(
      'STALE_VERSION',
    );
    const row = await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.version).toBe(updated.version);
    expect(await draftsOf(firm.org.id)).toBe(1);
  });
});
