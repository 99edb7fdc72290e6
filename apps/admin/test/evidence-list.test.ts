import { beforeEach, describe, expect, it } from 'vitest';
import EvidenceList from '../src/views/applications/components/evidence-list.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

beforeEach(() => {
  document.body.innerHTML = '';
});

const UPLOAD = {
  fileId: '00000000-0000-4000-8000-0000000000a1',
  kind: 'selection-notice',
  kindName: '入选文件',
  source: 'upload',
  sourceLabel: '本次上传',
  note: null,
  originalName: '入选通知.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 204_800,
};
const LIBRARY = {
  fileId: '00000000-0000-4000-8000-0000000000a2',
  kind: 'credit-commitment',
  kindName: '申报单位信用承诺书',
  source: 'library',
  sourceLabel: '单位资料库',
  note: '资料库 信用承诺书 有效期至 2026-12-31',
  originalName: '2026年度信用承诺书.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 102_400,
};
const ACCOUNT = {
  fileId: null,
  kind: 'bank-account',
  kindName: '收款账户信息',
  source: 'bank-account',
  sourceLabel: '平台登记的收款账户',
  note: '收款账户 中国工商银行宿州分行营业部 ****4567',
  originalName: null,
  mimeType: null,
  sizeBytes: null,
};

describe('an application’s evidence, as the reviewing officer reads it', () => {
  it('names where each piece came from; the registered account has no file, only its masked note', async () => {
    const { wrapper } = await mountAs(officers.yongqiao, EvidenceList, {
      props: { evidence: [UPLOAD, LIBRARY, ACCOUNT] },
    });
    const items = [...document.querySelectorAll('[data-testid="evidence-item"]')];
    expect(items.map((i) => i.getAttribute('data-source'))).toEqual([
      'upload',
      'library',
      'bank-account',
    ]);
    const [upload, library, account] = items as HTMLElement[];
    expect(upload?.querySelector('[data-testid="evidence-source"]')).toBeNull();
    expect(library?.querySelector('[data-testid="evidence-source"]')?.textContent).toContain(
      '单位资料库',
    );
    expect(library?.querySelector('[data-testid="evidence-note"]')?.textContent).toContain(
      '有效期至 2026-12-31',
    );
    expect(library?.querySelector('[data-testid="evidence-download"]')).not.toBeNull();
    expect(account?.textContent).toContain('收款账户 中国工商银行宿州分行营业部 ****4567');
    expect(account?.textContent).toContain('平台登记的收款账户');
    expect(account?.querySelector('[data-testid="evidence-download"]')).toBeNull();
    wrapper.unmount();
    // The first mount of a file loads Element Plus: slow on a busy machine.
  }, 20_000);
});
