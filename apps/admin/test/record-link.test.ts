import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import RecordLink from '../src/components/record-link.vue';
import { officers } from './helpers';
import { more, mountAs } from './mount';

/** A ledger cell: the application number and the batch number, as ledger.vue draws them. */
const LedgerCells = defineComponent(() => () => [
  h(RecordLink, { to: '/applications/a-1' }, () => 'SZKC-2026-000001'),
  h(RecordLink, { to: '/finance/disbursements/b-1' }, () => 'BF-2026-001'),
]);

describe('record links', () => {
  it('lead where the officer may go', async () => {
    const { wrapper } = await mountAs(officers.admin, LedgerCells);
    const links = wrapper.findAll('a.record-link').map((a) => a.attributes('href'));
    expect(links).toEqual(['/applications/a-1', '/finance/disbursements/b-1']);
    wrapper.unmount();
  });

  it('stay plain text where the page would say 无权访问 (finance and an application)', async () => {
    const { wrapper } = await mountAs(more.finance, LedgerCells);
    expect(wrapper.findAll('a.record-link').map((a) => a.text())).toEqual(['BF-2026-001']);
    expect(wrapper.find('span.record-link').text()).toBe('SZKC-2026-000001');
    wrapper.unmount();
  });
});
