import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AgreementTemplate from '../src/views/vice-president/call/agreement-template.vue';
import type { VpCallDetail } from '../src/views/vice-president/queries';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ setTemplate: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { vp: { calls: { setAgreementTemplate: { mutate: api.setTemplate } } } },
}));

const call = (agreementTemplate: unknown) =>
  ({ id: 'c1', agreementTemplate }) as unknown as VpCallDetail;

const fetchMock = vi.fn();
beforeEach(() => {
  api.setTemplate.mockReset();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('科技副总 call: the three-party agreement template (issue 11)', () => {
  it('a bureau officer uploads one: the file goes to /files/templates, the call names it', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ id: 'f1', originalName: '三方协议模板.docx' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    api.setTemplate.mockResolvedValue({});
    const { wrapper } = await mountAs(officers.admin, AgreementTemplate, {
      props: { call: call(null) },
    });
    expect(wrapper.text()).toContain('尚未上传');
    const input = wrapper.get('[data-testid="vp-agreement-template-file"]');
    const file = new File(['模板'], '三方协议模板.docx');
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith(
      '/files/templates',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(api.setTemplate).toHaveBeenCalledWith({ callId: 'c1', fileId: 'f1' });
    wrapper.unmount();
  });

  it('an area officer sees and downloads it, but cannot replace it', async () => {
    const { wrapper } = await mountAs(officers.yongqiao, AgreementTemplate, {
      props: { call: call({ fileId: 'f1', name: '三方协议模板.pdf' }) },
    });
    expect(wrapper.get('[data-testid="vp-agreement-template-name"]').text()).toBe(
      '三方协议模板.pdf',
    );
    expect(wrapper.find('[data-testid="vp-agreement-template-download"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vp-agreement-template-upload"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
