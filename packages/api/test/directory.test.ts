import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

describe('directory with reveal on demand', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('researchers are listed masked to bureau roles; the full mobile is revealed on request and audited', async () => {
    const reviewer = await h.officer('reviewer');
    const page = await reviewer.researchers.list.query({ q: '宿州创新理工学院' });
    expect(page.total).toBeGreaterThanOrEqual(3);
    const zhang = page.items.find((r) => r.name === '张明远')!;
    expect(zhang.mobileMasked).toBe('139****1901');
    expect(zhang.residentIdMasked).toMatch(/^\d{6}\*+\w{4}$/);
    expect(JSON.stringify(page)).not.toContain('13965571901');
    expect(
      await reviewer.researchers.revealMobile.mutate({ id: zhang.id, reason: '核实申报材料' }),
    ).toEqual({
      mobile: '13965571901',
    });
    const audit = await h.prisma.auditLog.findFirst({
      where: { action: 'researcher.reveal-mobile', objectId: zhang.id },
    });
    expect(audit).not.toBeNull();
    expect(JSON.stringify(audit?.details)).not.toContain('13965571901');

    const byField = await reviewer.researchers.list.query({ fieldCode: 'life-health' });
    expect(byField.items.map((r) => r.name)).toEqual(['李婉清']);
  });

  it('area officers and finance cannot list researchers', async () => {
    for (const who of ['yongqiao', 'finance']) {
      const officer = await h.officer(who);
      expect((await failure(() => officer.researchers.list.query({}))).appCode).toBe('FORBIDDEN');
    }
  });

  it('an area officer reveals the contact phone of their own area only; finance may not reveal', async () => {
    const yongqiao = await h.officer('yongqiao');
    const own = (await yongqiao.organisations.list.query({})).items[0]!;
    expect(own.areaCode).toBe('yongqiao');
    const { contactPhone } = await yongqiao.organisations.revealContact.mutate({
      id: own.id,
      reason: '联系补正材料',
    });
    expect(contactPhone).toMatch(/^1\d{10}$/);
    const admin = await h.officer('admin');
    const other = (await admin.organisations.list.query({ areaCode: 'dangshan' })).items[0]!;
    expect(
      (
        await failure(() =>
          yongqiao.organisations.revealContact.mutate({ id: other.id, reason: '联系补正材料' }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
    const finance = await h.officer('finance');
    expect(
      (
        await failure(() =>
          finance.organisations.revealContact.mutate({ id: own.id, reason: '联系补正材料' }),
        )
      ).appCode,
    ).toBe('FORBIDDEN');
    // The area officer reads the audit log of their own area, including their reveal.
    const log = await yongqiao.audit.search.query({ action: 'organisation.reveal-contact' });
    expect(log.items.map((i) => i.objectId)).toEqual([own.id]);
    expect((await failure(() => finance.audit.search.query({}))).appCode).toBe('FORBIDDEN');
  });
});
