import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { trpc } from '../src/api/client';
import ReviewActions from '../src/views/applications/components/review-actions.vue';
import type { ApplicationDetail } from '../src/views/applications/types';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';

vi.mock('../src/api/client', () => ({
  trpc: { review: { act: { mutate: vi.fn() } } },
}));
const act = vi.mocked(trpc.review.act.mutate);

function application(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    id: 'a-1',
    number: 'SZKC-2026-000001',
    ruleName: '新获批市级院士（专家）工作站奖励',
    version: 3,
    computedAmountFen: 20_000_000n,
    conflictOfInterest: false,
    allowedActions: [
      { action: 'approve', label: '批准', to: 'approved', needsComment: false },
      { action: 'return', label: '退回修改', to: 'returned', needsComment: true },
      { action: 'reject', label: '不予通过', to: 'rejected', needsComment: true },
    ],
    ...overrides,
  } as ApplicationDetail;
}

const dialog = () => document.querySelector('[data-testid="action-dialog"]');
/** Form items marked as failing validation (the message text itself is checked end to end). */
const failing = () =>
  [...(dialog()?.querySelectorAll('.el-form-item.is-error .el-form-item__label') ?? [])].map(
    (label) => label.textContent,
  );
const click = async (testId: string) => {
  (document.querySelector(`[data-testid="${testId}"]`) as HTMLElement).click();
  await flushPromises();
  // Form-item messages appear through a transition.
  await new Promise((resolve) => setTimeout(resolve, 50));
};
const type = async (testId: string, value: string) => {
  const el = document.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as
    HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
};

beforeEach(() => {
  act.mockReset();
  document.body.innerHTML = '';
});

describe('review actions', () => {
  it('offers exactly the steps the server allows', async () => {
    const { wrapper } = await mountAs(more.reviewer, ReviewActions, {
      props: { application: application() },
    });
    const labels = wrapper.findAll('[data-testid^="action-"]').map((b) => b.text());
    expect(labels).toEqual(['批准', '退回修改', '不予通过']);
    wrapper.unmount();
  });

  it('hides a step the role lacks the code for, even if offered', async () => {
    const { wrapper } = await mountAs(officers.yongqiao, ReviewActions, {
      props: { application: application() },
    });
    // An area officer holds application:area-review (return) but not application:review.
    expect(wrapper.find('[data-testid="action-approve"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-return"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('says why nothing can be done under a declared conflict of interest', async () => {
    const { wrapper } = await mountAs(more.reviewer, ReviewActions, {
      props: { application: application({ conflictOfInterest: true, allowedActions: [] }) },
    });
    expect(wrapper.get('[data-testid="no-actions"]').text()).toContain('您已申报回避');
    wrapper.unmount();
  });

  it('asks for a reason before returning, and sends the comment with the current version', async () => {
    act.mockResolvedValue({} as never);
    const { wrapper } = await mountAs(more.reviewer, ReviewActions, {
      props: { application: application() },
    });
    await click('action-return');
    await click('action-confirm');
    expect(failing()).toEqual(['退回意见（将告知申请人）']);
    expect(act).not.toHaveBeenCalled();

    await type('action-comment', '请补充合作协议签字页');
    await click('action-confirm');
    expect(act).toHaveBeenCalledWith(
      {
        applicationId: 'a-1',
        expectedVersion: 3,
        action: 'return',
        comment: '请补充合作协议签字页',
      },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('only lets an approval lower the amount, with a reason, and sends it as exact fen', async () => {
    act.mockResolvedValue({} as never);
    const { wrapper } = await mountAs(more.reviewer, ReviewActions, {
      props: { application: application() },
    });
    await click('action-approve');
    await click('override-toggle');
    await type('override-amount', '250000');
    await type('override-reason', '短');
    await click('action-confirm');
    expect(failing()).toEqual(['核定金额（元）', '调整理由']);
    expect(act).not.toHaveBeenCalled();

    await type('override-amount', '150000.50');
    await type('override-reason', '按实际投入核减部分金额');
    await click('action-confirm');
    expect(act).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'approve',
        overrideAmountFen: 15_000_050n,
        overrideReason: '按实际投入核减部分金额',
      }),
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('keeps the server’s refusal in the dialog (over budget) instead of closing it', async () => {
    act.mockRejectedValue(
      apiError('OVER_BUDGET', '该事项2026年度预算余额 ¥0.00，不足以批准 ¥200,000.00'),
    );
    const { wrapper } = await mountAs(more.reviewer, ReviewActions, {
      props: { application: application() },
    });
    await click('action-approve');
    await click('action-confirm');
    expect(document.querySelector('[data-testid="action-error"]')?.textContent).toContain(
      '不足以批准',
    );
    expect(dialog()).not.toBeNull();
    wrapper.unmount();
  });
});

describe('approve dialog: the amount box’s hint', () => {
  it('derives from the engine’s amount and never suggests more than the maximum', async () => {
    const { wrapper } = await mountAs(more.reviewer, ReviewActions, {
      props: { application: application({ computedAmountFen: 10_000_000n }) },
    });
    await click('action-approve');
    await click('override-toggle');
    const el = document.querySelector('[data-testid="override-amount"]') as HTMLElement;
    const box = (el.matches('input') ? el : el.querySelector('input')) as HTMLInputElement;
    const figures = (box.placeholder.replace(/,/g, '').match(/\d+(\.\d+)?/g) ?? []).map(Number);
    expect(box.placeholder).toContain('100000');
    expect(Math.max(...figures)).toBeLessThanOrEqual(100_000);
    wrapper.unmount();
  });
});
