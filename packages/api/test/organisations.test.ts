import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_CODES } from '@kc/domain';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('officers’ organisation directory', () => {
  it('lists every organisation for a bureau officer, with contact phones masked', async () => {
    const admin = await h.officer('admin');
    const all = await admin.organisations.list.query({ pageSize: 100 });
    expect(all.total).toBe(await h.prisma.organisation.count());
    expect(all.total).toBeGreaterThanOrEqual(6);
    for (const item of all.items) {
      expect(item.contactPhoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(item).not.toHaveProperty('contactPhone');
    }
    const phones = (await h.prisma.organisation.findMany()).map((o) => o.contactPhone);
    const json = JSON.stringify(all);
    for (const phone of phones) expect(json).not.toContain(phone);
  });

  it('pages through results in a stable order', async () => {
    const admin = await h.officer('admin');
    const first = await admin.organisations.list.query({ page: 1, pageSize: 2 });
    const second = await admin.organisations.list.query({ page: 2, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    expect(first.total).toBe(second.total);
  });

  it('filters by field, area, type and text', async () => {
    const admin = await h.officer('admin');
    const rows = await h.prisma.organisation.findMany();
    const sample = rows[0]!;
    const byField = await admin.organisations.list.query({
      fieldCode: sample.fieldCodes[0] as never,
      pageSize: 100,
    });
    expect(byField.items.every((o) => o.fieldCodes.includes(sample.fieldCodes[0]!))).toBe(true);
    const byArea = await admin.organisations.list.query({
      areaCode: sample.areaCode as never,
      pageSize: 100,
    });
    expect(byArea.total).toBe(rows.filter((r) => r.areaCode === sample.areaCode).length);
    const byType = await admin.organisations.list.query({ type: 'university', pageSize: 100 });
    expect(byType.items.every((o) => o.type === 'university')).toBe(true);
    const byText = await admin.organisations.list.query({ q: sample.name.slice(2, 6) });
    expect(byText.items.map((i) => i.id)).toContain(sample.id);
    const byCode = await admin.organisations.list.query({
      q: sample.creditCode.slice(0, 12).toLowerCase(),
    });
    expect(byCode.items.map((i) => i.id)).toContain(sample.id);
  });

  it('shows an area officer only their own area', async () => {
    const officer = await h.officer('yongqiao');
    const list = await officer.organisations.list.query({ pageSize: 100 });
    expect(list.total).toBe(await h.prisma.organisation.count({ where: { areaCode: 'yongqiao' } }));
    expect(list.items.every((o) => o.areaCode === 'yongqiao')).toBe(true);
  });

  it('refuses an area officer’s filter on another area and hides other areas’ records', async () => {
    const officer = await h.officer('yongqiao');
    const result = await failure(() => officer.organisations.list.query({ areaCode: 'dangshan' }));
    expect(result).toMatchObject({ appCode: 'FORBIDDEN', message: '您只能查看本县区或园区的数据' });
    const elsewhere = await h.prisma.organisation.findFirstOrThrow({
      where: { areaCode: { not: 'yongqiao' } },
    });
    expect(
      (await failure(() => officer.organisations.byId.query({ id: elsewhere.id }))).appCode,
    ).toBe('NOT_FOUND');
  });

  it('gives a clear error for a malformed id and for an unknown one', async () => {
    const admin = await h.officer('admin');
    expect(await failure(() => admin.organisations.byId.query({ id: 'abc' }))).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '记录编号无效',
    });
    expect(
      (
        await failure(() =>
          admin.organisations.byId.query({ id: '00000000-0000-4000-8000-000000000000' }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
  });

  it('rejects unknown filter values as invalid input', async () => {
    const admin = await h.officer('admin');
    const result = await failure(() =>
      admin.organisations.list.query({ areaCode: 'hefei' as never }),
    );
    expect(result).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { areaCode: ['请选择所在县区或园区'] },
    });
    expect(AREA_CODES).not.toContain('hefei');
  });
});
