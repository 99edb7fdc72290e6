import { describe, expect, it } from 'vitest';
import AmountCard from '../src/views/applications/components/amount-card.vue';
import type { ApplicationDetail } from '../src/views/applications/types';
import { officers } from './helpers';
import { mountAs } from './mount';

/**
 * The engine's working, one rendering for the application page (金额与计算说明) and the 政策沙盘's
 * side-by-side comparison; the browser flows read it by the amount card's test ids.
 */
const explanation = {
  policySetId: 'suzhou-future-2026-draft',
  version: '2026.1-draft',
  policyTitle: '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
  clause: '四.8',
  ruleName: '购买市外先进技术成果在宿转化补助',
  summary: '符合条件，补助 ¥500,000.00',
  inputs: [],
  formula: '实际支付额 ¥9,000,000.00 × 10% = ¥900,000.00',
  steps: ['按合同分次支付额合计'],
  capsApplied: ['单项成果补助上限 ¥500,000.00'],
  quota: '本年度已支持 3 项，名额 10 项',
  budget: '本年度预算余额 ¥2,500,000.00',
  settings: [{ name: 'window', label: '申请期限', value: '180日', note: '自支付之日起' }],
};

const application = (over: Partial<ApplicationDetail>) =>
  ({
    computedAmountFen: 50_000_000n,
    approvedAmountFen: null,
    overrideReason: null,
    explanation,
    ...over,
  }) as ApplicationDetail;

describe('金额与计算说明', () => {
  it('shows the amounts and the whole working', async () => {
    const { wrapper } = await mountAs(officers.admin, AmountCard, {
      props: { application: application({}) },
    });
    expect(wrapper.get('[data-testid="computed-amount"]').text()).toBe('¥500,000.00');
    expect(wrapper.get('[data-testid="approved-amount"]').text()).toBe('—');
    const text = wrapper.get('[data-testid="explanation"]').text();
    for (const words of [
      '符合条件，补助 ¥500,000.00',
      '实际支付额 ¥9,000,000.00 × 10% = ¥900,000.00',
      '按合同分次支付额合计',
      '封顶：单项成果补助上限 ¥500,000.00',
      '名额：本年度已支持 3 项，名额 10 项',
      '申请期限：180日（自支付之日起）',
      `依据：${explanation.policyTitle} 四.8（2026.1-draft）`,
    ])
      expect(text).toContain(words);
    expect(wrapper.get('[data-testid="explanation-budget"]').text()).toBe(
      '本年度预算余额 ¥2,500,000.00',
    );
    wrapper.unmount();
  });

  it('says when there is no working', async () => {
    const { wrapper } = await mountAs(officers.admin, AmountCard, {
      props: { application: application({ explanation: null }) },
    });
    expect(wrapper.find('[data-testid="explanation"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="amount-card"]').text()).toContain('暂无计算说明。');
    wrapper.unmount();
  });
});
