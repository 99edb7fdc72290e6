import { describe, expect, it } from 'vitest';
import { amountTextOf, yuan } from '../../src';
import { codes, DRAFT, priorFrom, run } from './fixtures';

// 四.2 每年组织实施一批重点科技攻关项目: the amount is the project's 任务书, paid in tranches.
describe('四.2 市级重点科技攻关项目资金', () => {
  it('pays a tranche as the contract fixes it, and explains which tranche of which project', () => {
    const e = run('key-project');
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(1_200_000));
    expect(e.explanation.clause).toBe('四.2');
    expect(e.explanation.formula).toBe(
      '任务书约定的本期拨付额 ¥1,200,000.00 × 100% = ¥1,200,000.00',
    );
    expect(e.explanation.steps).toContain(
      '项目 SZKC-XM-2026-0001《氢燃料电池膜电极关键材料攻关》任务书（2026-07-01 签订）第1期：任务书签订后拨付，条件于 2026-07-01 达成',
    );
    expect(e.explanation.capsApplied[0]).toBe(
      '每个项目累计补助上限 ¥5,000,000.00，已获补助 ¥0.00，本次最多 ¥5,000,000.00',
    );
    expect(e.onceKeys).toEqual(['key-project:szkcxm20260001:tranche:1']);
  });

  it('never pays a tranche twice', () => {
    const first = run('key-project');
    const again = run(
      'key-project',
      {},
      { priorAwards: [priorFrom(first, 'T-1')], approvedThisYear: 0 },
    );
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
    expect(again.amount).toBe(0n);
  });

  it('holds a project’s tranches together to ¥5,000,000', () => {
    const first = run('key-project', { inputPatch: { trancheAmount: yuan(4_600_000) } });
    const second = run(
      'key-project',
      { inputPatch: { trancheNo: 2, condition: 'acceptance', trancheAmount: yuan(1_000_000) } },
      { priorAwards: [priorFrom(first, 'T-1')], approvedThisYear: 0 },
    );
    expect(second.amount).toBe(yuan(400_000));
    expect(second.explanation.capsApplied).toContain('按上限核减：¥1,000,000.00 → ¥400,000.00');
  });

  it('is offered to nobody: the project raises it', () => {
    const rule = DRAFT.rules.find((r) => r.id === 'key-project');
    expect(rule?.raisedBy).toBe('project');
    expect(amountTextOf(rule!.formula)).toBe(
      '按任务书约定的本期拨付额的 100% 补助，每个项目累计最高 500万元',
    );
  });
});
