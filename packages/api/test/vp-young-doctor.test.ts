import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { APPLICATION_FORM, CALL_FORM, needForm, vpFirm, vpResearcher } from './vp-support';

/**
 * 青年博士 is worth priority points in the match score, so the claim is checked against the birth
 * date the resident ID gave (issue 11): at most the settings' age (40 in vp-2026-01) on the call's
 * reference date, 2026-12-20 here.
 */
let h: Harness;
let callId: string;
beforeAll(async () => {
  h = await createHarness();
  // 2026-12-02 01:00 in Asia/Shanghai: the API's injected clock, still 1 December in UTC.
  h.clock.now = new Date('2026-12-01T17:00:00Z');
  const admin = await h.officer('admin');
  callId = (await admin.vp.calls.create.mutate(CALL_FORM)).id;
  const firm = await vpFirm(h);
  await firm.client.vp.needs.create.mutate({ callId, need: needForm() });
  await admin.vp.calls.advance.mutate({ callId, action: 'open-applications' });
});
afterAll(() => h?.close());

const asYoungDoctor = { ...APPLICATION_FORM, priorityFlags: ['young-doctor' as const] };

describe('青年博士 against the birth date', () => {
  it('accepts a researcher who is exactly 40 on the reference date (41 the next day)', async () => {
    const r = await vpResearcher(h, { name: '陈青', birth: '19851221' });
    const applied = await r.client.vp.candidates.apply.mutate({
      callId,
      application: asYoungDoctor,
    });
    expect(applied.priorityFlags).toEqual(['young-doctor']);
  });

  it('refuses the flag from one who turned 41 on the reference date, under the field', async () => {
    const r = await vpResearcher(h, { name: '陈博', birth: '19851220' });
    const refused = await failure(() =>
      r.client.vp.candidates.apply.mutate({ callId, application: asYoungDoctor }),
    );
    expect(refused.appCode).toBe('VP_NOT_ELIGIBLE');
    expect(refused.fieldErrors?.['application.priorityFlags']).toEqual([
      '“青年博士”须在40周岁及以下，您在年龄计算基准日2026-12-20为41岁，请取消勾选',
    ]);
    // Without the claim the same person takes part (the programme's limit is 55).
    await r.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM });
  });

  it('refuses it from a 44-year-old', async () => {
    const r = await vpResearcher(h, { name: '陈立', birth: '19820110' });
    const refused = await failure(() =>
      r.client.vp.candidates.apply.mutate({ callId, application: asYoungDoctor }),
    );
    expect(refused.message).toContain('44岁');
  });
});
