import { describe, expect, it } from 'vitest';
import {
  AUTOSAVE_INTERVAL_MS,
  autosavedText,
  draftFormUrl,
  latestDraft,
} from '../src/packages/apply/form/draft-state';
import { previewReasons } from '../src/packages/apply/form/preview-reasons';
import { closeAction } from '../src/packages/apply/detail/stages';

const app = (id: string, ruleId: string, status: string, updatedAt: string) => ({
  id,
  ruleId,
  status,
  updatedAt: new Date(updatedAt),
});

describe('keeping a draft (issue 11, defect 2)', () => {
  it('offers the latest unsent draft of the programme, and nothing else', () => {
    const apps = [
      app('a', 'tech-transfer', 'draft', '2026-12-01T02:00:00Z'),
      app('b', 'tech-transfer', 'draft', '2026-12-02T02:00:00Z'),
      app('c', 'tech-transfer', 'submitted', '2026-12-03T02:00:00Z'),
      app('d', 'scenario-case', 'draft', '2026-12-03T02:00:00Z'),
      app('e', 'tech-transfer', 'returned', '2026-12-03T03:00:00Z'),
    ];
    expect(latestDraft(apps, 'tech-transfer')?.id).toBe('b');
    expect(latestDraft(apps, 'high-tech-enterprise')).toBeNull();
  });

  it('puts the draft’s id in the form’s address, so a reload reopens it', () => {
    expect(draftFormUrl('5f0c')).toBe('/packages/apply/form/index?id=5f0c');
  });

  it('autosaves every 30 seconds and says when, in 宿州 time', () => {
    expect(AUTOSAVE_INTERVAL_MS).toBe(30_000);
    expect(autosavedText(new Date('2026-12-03T10:42:07Z'))).toBe('已自动保存 18:42');
  });
});

describe('the live preview tells the reasons (issue 11, defect 8)', () => {
  const input = {
    contractNo: 'HT-1',
    contractAmount: 100n,
    payments: [{ amount: 200n, paidOn: '2026-10-01' }],
  };

  it('lists what is wrong with what was typed, and under which field', () => {
    const { reasons, fieldErrors, incomplete } = previewReasons(
      [
        { code: 'INVALID_INPUT', message: '请填写技术成果名称', field: 'resultName' },
        { code: 'INVALID_INPUT', message: '支付金额合计超过合同成交额', field: 'payments' },
        {
          code: 'EVENT_AFTER_APPLICATION',
          message: '合同签订日期（2099-01-01）晚于申请日期',
          field: 'contractSignedOn',
        },
        { code: 'MISSING_EVIDENCE', message: '缺少必需材料：技术合同' },
        { code: 'SELLER_INSIDE_CITY', message: '卖方在宿州市内', field: 'sellerLocation' },
      ],
      { ...input, contractSignedOn: '2099-01-01', sellerLocation: 'inside-city' },
    );
    expect(reasons.map((r) => r.message)).toEqual([
      '支付金额合计超过合同成交额',
      '合同签订日期（2099-01-01）晚于申请日期',
      '卖方在宿州市内',
    ]);
    expect(fieldErrors).toEqual({
      payments: '支付金额合计超过合同成交额',
      contractSignedOn: '合同签订日期（2099-01-01）晚于申请日期',
      sellerLocation: '卖方在宿州市内',
    });
    expect(incomplete).toBe(true);
  });

  it('says only that the form is incomplete while blanks are all there is', () => {
    const result = previewReasons(
      [{ code: 'INVALID_INPUT', message: '请填写支付日期', field: 'payments.0.paidOn' }],
      { payments: [{ amount: 200n }] },
    );
    expect(result).toEqual({ reasons: [], fieldErrors: {}, incomplete: true });
  });
});

describe('ending an application (issue 11)', () => {
  const withdrawable = [{ action: 'withdraw' }] as never;
  it('deletes a draft, withdraws a sent one', () => {
    expect(
      closeAction({ status: 'draft', viaExemption: false, allowedActions: withdrawable }),
    ).toBe('delete');
    expect(
      closeAction({ status: 'submitted', viaExemption: false, allowedActions: withdrawable }),
    ).toBe('withdraw');
    expect(closeAction({ status: 'paid', viaExemption: false, allowedActions: [] })).toBeNull();
  });
});
