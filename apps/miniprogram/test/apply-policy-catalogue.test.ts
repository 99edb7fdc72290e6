// @vitest-environment jsdom
import { createElement, useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../src/services/session-store';
import type { FakeHandler } from './support/fake-api';
import { fakeTrpcServer, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import type * as TaroStub from './stubs/taro';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags, so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));
/** The page's query (`?id=` / `?ruleId=`). */
const route = vi.hoisted(() => ({ params: {} as Record<string, string> }));
vi.mock('@tarojs/taro', async (original) => {
  // The page hooks run once: a page here is loaded and shown once, when it is mounted.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const useOnMount = (run: () => void) => useEffect(() => run(), []);
  return {
    ...(await original<typeof TaroStub>()),
    useRouter: () => ({ params: route.params }),
    useLoad: useOnMount,
    useDidShow: useOnMount,
    usePullDownRefresh: () => undefined,
  };
});

const { default: ApplicationFormPage } = await import('../src/packages/apply/form/index');
const { default: ApplicationDetailPage } = await import('../src/packages/apply/detail/index');

/**
 * The apply pages decide with the versions the server decides with (issue 15): the code's and
 * every adopted amendment (`policyVersions.catalogue`). The app session keeps the last catalogue
 * read, so the order of the tests matters: the first starts with none read, the last finds the
 * catalogue unreadable after the others have read it.
 */
const NEW_ID = 'suzhou-future-2026-12';
const AMENDMENT = {
  baseId: 'suzhou-future-2026-draft',
  id: NEW_ID,
  version: '2026.12',
  title: '提高技术成果转化补助上限',
  effectiveFrom: '2026-12-20',
  changes: { 'rules.tech-transfer.formula.cap': '800000.00' },
};
const APP_ID = '3c1e5f7a-2b4d-4c6e-8f0a-1b2c3d4e5f60';
const YUAN = 100n;

/** An application of 四.8 saved under the adopted version, as `applications.byId` answers. */
const application = (status: string) => ({
  id: APP_ID,
  number: 'SZKC-2026-000042',
  version: 3,
  ruleId: 'tech-transfer',
  ruleName: '购买市外先进技术成果在宿转化补助',
  policySetId: NEW_ID,
  status,
  statusLabel: status === 'draft' ? '草稿' : '已提交',
  viaExemption: false,
  approvedAmountFen: null,
  computedAmountFen: null,
  input: {
    contractNo: 'HT-2026-118',
    resultName: '高效储热材料制备技术',
    sellerName: '合肥储能研究院有限公司',
    sellerLocation: 'outside-city',
    contractSignedOn: '2026-12-01',
    contractAmount: 8_000_000n * YUAN,
    payments: [{ paidOn: '2026-12-10', amount: 6_000_000n * YUAN, voucherNo: 'PZ001' }],
    conversionProject: '在宿州经开区建设中试线',
  },
  evidence: [],
  timeline: [],
  allowedActions: [],
  notice: null,
  updatedAt: new Date('2026-12-21T02:00:00Z'),
});

const CATALOGUE_DOWN = {
  error: { message: '系统繁忙，请稍后再试', code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 },
};

/** The API: the catalogue as `catalogue` says, the application, and quiet answers to the rest. */
function serve(catalogue: 'adopted' | 'down', status = 'draft') {
  const handler: FakeHandler = (path) => {
    if (path === 'policyVersions.catalogue')
      return catalogue === 'adopted' ? { data: { amendments: [AMENDMENT] } } : CATALOGUE_DOWN;
    if (path === 'applications.byId') return { data: application(status) };
    if (path === 'applications.mine' || path === 'myOrg.documents.forEvidence') return { data: [] };
    return { error: { message: '预览暂不可用', code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } };
  };
  const server = fakeTrpcServer(handler);
  /** Answers wait for `release` (the page's loading state), or go at once. */
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = false;
  taroStub.request = async (options) => {
    if (holding) await held;
    return server.respond(options);
  };
  return {
    seen: server.seen,
    hold: () => {
      holding = true;
    },
    release,
  };
}

/** The day the device reads, in 宿州 (10:00), signed in for an hour from then. */
function today(date: string) {
  vi.useFakeTimers({ now: new Date(`${date}T02:00:00Z`), toFake: ['Date'] });
  saveSession('tok-1', new Date(Date.now() + 3_600_000));
}

describe('the apply pages read the adopted policy versions', () => {
  const screen = createScreen();
  const { $, text, render, settle, click } = screen;
  afterEach(() => {
    vi.useRealTimers();
  });

  async function openForm(params: Record<string, string>) {
    route.params = params;
    await render(createElement(ApplicationFormPage));
    await settle();
  }
  async function openDetail() {
    route.params = { id: APP_ID };
    await render(createElement(ApplicationDetailPage));
    await settle();
  }

  it('unreadable before any was read: a new application takes the code’s version, quietly', async () => {
    today('2026-12-21');
    serve('down');
    await openForm({ ruleId: 'tech-transfer' });
    expect(text('apply-rule-name')).toBe('购买市外先进技术成果在宿转化补助');
    expect(text('apply-rule-amount')).toContain('最高 50万元');
    expect($('state-error')).toBeNull();
    expect(taroStub.toasts).toEqual([]);
  });

  it('unreadable: an application saved under an adopted version says so, and reads again on 重新加载', async () => {
    today('2026-12-21');
    serve('down');
    await openDetail();
    expect(text('detail-status')).toBe('草稿');
    expect(text('detail-inputs-unavailable')).toContain('未能读取该申请适用的政策版本');

    await openForm({ id: APP_ID });
    expect($('apply-page')).toBeNull();
    expect(text('state-error')).toContain('未能读取该申请适用的政策版本，请检查网络后重试');
    const api = serve('adopted');
    await click('state-retry');
    expect(sent(api.seen, 'policyVersions.catalogue')).toHaveLength(1);
    expect(text('apply-rule-amount')).toContain('最高 80万元');
  });

  it('shows the page’s loading state until the versions are read, never a rule before them', async () => {
    today('2026-12-21');
    const api = serve('adopted');
    api.hold();
    route.params = { ruleId: 'tech-transfer' };
    await render(createElement(ApplicationFormPage));
    await settle();
    expect($('state-loading')).not.toBeNull();
    expect($('apply-page')).toBeNull();
    api.release();
    await settle();
    expect(text('apply-rule-amount')).toContain('最高 80万元');
    // One request: the versions went with the page's own first question.
    expect(api.seen[0]?.paths).toEqual(['policyVersions.catalogue', 'myOrg.documents.forEvidence']);
  });

  it('a new application from the adopted version’s first day takes its guide; the day before, the old one', async () => {
    today('2026-12-20');
    serve('adopted');
    await openForm({ ruleId: 'tech-transfer' });
    expect($('apply-page')?.dataset.rule).toBe('tech-transfer');
    expect(text('apply-rule-amount')).toBe('按实际支付额的 10% 补助，单项成果累计最高 80万元');

    today('2026-12-19');
    await openForm({ ruleId: 'tech-transfer' });
    expect(text('apply-rule-amount')).toBe('按实际支付额的 10% 补助，单项成果累计最高 50万元');
  });

  it('an application saved under the adopted version: its form with that rule’s figures, its answers labelled', async () => {
    today('2026-12-21');
    serve('adopted');
    await openForm({ id: APP_ID });
    expect(text('apply-rule-name')).toBe('购买市外先进技术成果在宿转化补助');
    expect(text('apply-rule-amount')).toContain('最高 80万元');
    expect(
      (screen.container.querySelector('input#apply-contractNo') as HTMLInputElement).value,
    ).toBe('HT-2026-118');

    serve('adopted', 'submitted');
    await openDetail();
    const inputs = text('detail-inputs') ?? '';
    expect(inputs).toContain('高效储热材料制备技术');
    expect(inputs).toContain('¥8,000,000.00');
    expect($('detail-inputs-unavailable')).toBeNull();
  });

  it('unreadable after a read: the versions read earlier in the session stand', async () => {
    today('2026-12-21');
    serve('down');
    await openForm({ id: APP_ID });
    expect(text('apply-rule-amount')).toContain('最高 80万元');
    expect($('state-error')).toBeNull();
  });
});
