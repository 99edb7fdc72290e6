import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { APPLICATION_FORM, CALL_FORM, needForm, vpFirm, vpResearcher } from './vp-support';

/** Two officers acting at once on one call: the list is confirmed once, pins respect capacity. */
describe('科技副总 matching under concurrency', () => {
  let h: Harness;
  let callId: string;
  const needIds: string[] = [];
  const candidateIds: string[] = [];

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-12-01T02:00:00Z');
    const admin = await h.officer('admin');
    callId = (await admin.vp.calls.create.mutate(CALL_FORM)).id;
    for (let i = 0; i < 3; i++) {
      const firm = await vpFirm(h);
      needIds.push((await firm.client.vp.needs.create.mutate({ callId, need: needForm() })).id);
    }
    await admin.vp.calls.advance.mutate({ callId, action: 'open-applications' });
    for (let i = 0; i < 4; i++) {
      const researcher = await vpResearcher(h, { name: `研究员${'甲乙丙丁'[i]}` });
      candidateIds.push(
        (
          await researcher.client.vp.candidates.apply.mutate({
            callId,
            application: APPLICATION_FORM,
          })
        ).id,
      );
    }
    await admin.vp.calls.advance.mutate({ callId, action: 'start-matching' });
  });
  afterAll(() => h.close());

  it('two pins racing for the last position of a need: one wins', async () => {
    const [a, b] = [await h.officer('admin'), await h.officer('reviewer')];
    const results = await Promise.allSettled(
      [a, b].map((officer, i) =>
        officer.vp.matching.setRule.mutate({
          callId,
          rule: {
            needId: needIds[0]!,
            candidateId: candidateIds[i]!,
            kind: 'pin',
            reason: '企业点名',
          },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected');
    const code = await failure(() => Promise.reject((loser as PromiseRejectedResult).reason));
    expect(code.appCode).toBe('VP_PIN_CAPACITY');
    expect(await h.prisma.vpPairRule.count({ where: { callId, kind: 'pin' } })).toBe(1);
  });

  it('confirming at the same moment twice makes one list', async () => {
    const [a, b] = [await h.officer('admin'), await h.officer('reviewer')];
    const run = (await a.vp.matching.run.mutate({ callId }))!;
    expect(run.proposals.filter((p) => p.pinned)).toHaveLength(1);
    expect(run.proposals).toHaveLength(3);
    const results = await Promise.allSettled(
      [a, b].map((officer) =>
        officer.vp.calls.advance.mutate({ callId, action: 'confirm-matches', runId: run.id }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((await failure(() => Promise.reject(loser.reason))).appCode).toBe(
      'VP_ALREADY_CONFIRMED',
    );
    expect(await h.prisma.vpSecondment.count({ where: { callId } })).toBe(3);
  });

  it('an upheld objection returns the call to matching; confirming again reuses the rows', async () => {
    const admin = await h.officer('admin');
    const noReason = await failure(() =>
      admin.vp.calls.advance.mutate({ callId, action: 'return-to-matching' }),
    );
    expect(noReason.fieldErrors?.comment).toEqual(['撤回公示须填写理由']);
    const back = await admin.vp.calls.advance.mutate({
      callId,
      action: 'return-to-matching',
      comment: '公示期间收到实名异议，经核实成立',
    });
    expect(back).toMatchObject({ status: 'matching', noticeEndsOn: null, confirmedRunId: null });
    const cancelled = await admin.vp.secondments.list.query({ callId, status: 'cancelled' });
    expect(cancelled).toHaveLength(3);
    expect(cancelled[0]!.endReason).toBe('公示期间收到实名异议，经核实成立');

    const rerun = (await admin.vp.matching.run.mutate({ callId }))!;
    await admin.vp.calls.advance.mutate({ callId, action: 'confirm-matches', runId: rerun.id });
    expect(await h.prisma.vpSecondment.count({ where: { callId } })).toBe(3);
    expect(await h.prisma.vpSecondment.count({ where: { callId, status: 'pending' } })).toBe(3);
  });
});
