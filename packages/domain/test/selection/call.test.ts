import { describe, expect, it } from 'vitest';
import {
  POLICY_SETS,
  SELECTION_CALL_ACTIONS,
  SELECTION_PROGRAMMES,
  SUBMISSION_STATUS_CODES,
  formalCheckStepFor,
  planFormalCheck,
  planSelectionCall,
  policyRule,
  selectionCallActionsFrom,
  type CallFacts,
} from '../../src';

/** The selection call's lifecycle (issue 14), with the officer's words for each refusal. */
const call = (over: Partial<CallFacts> = {}): CallFacts => ({
  status: 'open',
  applyUntil: '2027-03-31',
  awaitingFormalCheck: 0,
  passedFormalCheck: 12,
  openPanels: 0,
  decided: true,
  selected: 10,
  noticeStatus: 'closed',
  ...over,
});

describe('selection programmes', () => {
  it('pay their selections under award rules that exist, with the plan clause of the rule', () => {
    const [policy] = POLICY_SETS;
    for (const p of SELECTION_PROGRAMMES) {
      if (!p.awardRuleId) {
        expect(p.outcome).toBe('project');
        continue;
      }
      const rule = policyRule(policy!, p.awardRuleId);
      expect(rule?.clause, p.code).toBe(p.clause);
    }
  });
});

describe('planSelectionCall', () => {
  it('closes applications only after the deadline day', () => {
    expect(planSelectionCall(call(), 'close-applications', '2027-03-31')).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '申报截止日期为2027-03-31，截止后才能开始形式审查',
    });
    expect(planSelectionCall(call(), 'close-applications', '2027-04-01')).toEqual({
      ok: true,
      to: 'formal-review',
    });
  });

  it('starts expert review only when every submission is through the formal check', () => {
    const review = call({ status: 'formal-review', awaitingFormalCheck: 2 });
    expect(planSelectionCall(review, 'start-expert-review', '2027-04-10')).toMatchObject({
      ok: false,
      message: '尚有2项申报未完成形式审查',
    });
    expect(
      planSelectionCall(
        { ...review, awaitingFormalCheck: 0, passedFormalCheck: 0 },
        'start-expert-review',
        '2027-04-10',
      ),
    ).toMatchObject({ ok: false, message: '没有通过形式审查的申报，无需专家评审' });
    expect(
      planSelectionCall({ ...review, awaitingFormalCheck: 0 }, 'start-expert-review', '2027-04-10'),
    ).toEqual({ ok: true, to: 'expert-review' });
  });

  it('closes the review only when every panel has finished', () => {
    expect(
      planSelectionCall(
        call({ status: 'expert-review', openPanels: 1 }),
        'close-review',
        '2027-05-01',
      ),
    ).toMatchObject({ ok: false, message: '尚有1个评审组未完成评分' });
  });

  it('puts a list to notice only once it is decided, with at least one selected', () => {
    const deciding = call({ status: 'deciding' });
    expect(
      planSelectionCall({ ...deciding, decided: false, selected: 0 }, 'propose', '2027-05-01'),
    ).toMatchObject({ ok: false, message: '请先根据评审结果拟定入选名单' });
    expect(planSelectionCall({ ...deciding, selected: 0 }, 'propose', '2027-05-01')).toMatchObject({
      ok: false,
      message: '拟定名单中没有入选的申报，不能公示',
    });
    expect(planSelectionCall(deciding, 'propose', '2027-05-01')).toEqual({
      ok: true,
      to: 'notice',
    });
  });

  it('concludes only after the notice has closed, and cannot withdraw a closed one', () => {
    const notice = call({ status: 'notice', noticeStatus: 'published' });
    expect(planSelectionCall(notice, 'conclude', '2027-05-20')).toMatchObject({
      ok: false,
      message: '公示期满、异议处理完毕并结束公示后，才能确定结果',
    });
    expect(planSelectionCall(notice, 'withdraw-notice', '2027-05-20')).toEqual({
      ok: true,
      to: 'deciding',
    });
    const closed = { ...notice, noticeStatus: 'closed' as const };
    expect(planSelectionCall(closed, 'withdraw-notice', '2027-05-20')).toMatchObject({
      ok: false,
      message: '公示已结束，名单已确定，不能撤回',
    });
    expect(planSelectionCall(closed, 'conclude', '2027-05-20')).toEqual({
      ok: true,
      to: 'concluded',
    });
  });

  it('names the stage an action belongs to when the call is elsewhere', () => {
    expect(planSelectionCall(call({ status: 'draft' }), 'propose', '2027-05-01')).toMatchObject({
      ok: false,
      message: '申报指南当前为“草拟中”，不能拟定名单并公示（须在“拟定结果中”阶段）',
    });
  });

  it('leads from draft to concluded, with one way back from the notice', () => {
    expect(selectionCallActionsFrom('notice').sort()).toEqual(['conclude', 'withdraw-notice']);
    const path = [
      'publish',
      'close-applications',
      'start-expert-review',
      'close-review',
      'propose',
      'conclude',
    ];
    let status: CallFacts['status'] = 'draft';
    for (const action of path) {
      const plan = planSelectionCall(call({ status }), action as never, '2027-06-01');
      expect(plan.ok, action).toBe(true);
      if (plan.ok) status = plan.to;
    }
    expect(status).toBe('concluded');
    expect(SELECTION_CALL_ACTIONS).toHaveLength(7);
  });
});

describe('formalCheckStepFor', () => {
  it('gives an area officer the area step only, and the bureau both, one after the other', () => {
    const steps = (checker: 'area' | 'bureau') =>
      Object.fromEntries(
        SUBMISSION_STATUS_CODES.map((s) => [s, formalCheckStepFor(checker, s)]).filter(
          ([, step]) => step,
        ),
      );
    expect(steps('area')).toEqual({ submitted: 'area' });
    expect(steps('bureau')).toEqual({ submitted: 'area', 'area-passed': 'bureau' });
  });
});

describe('planFormalCheck', () => {
  it('goes through the area, then the bureau', () => {
    expect(planFormalCheck('submitted', 'area', 'pass', false, null)).toEqual({
      ok: true,
      to: 'area-passed',
    });
    expect(planFormalCheck('area-passed', 'bureau', 'pass', true, null)).toEqual({
      ok: true,
      to: 'passed',
    });
    expect(planFormalCheck('submitted', 'bureau', 'pass', false, null)).toMatchObject({
      ok: false,
      message: '该申报当前为“待县区形式审查”，市局不能进行形式审查',
    });
  });

  it('returns for changes before the deadline, rejects with a reason after it', () => {
    expect(planFormalCheck('submitted', 'area', 'return', false, '缺少合作协议')).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(planFormalCheck('submitted', 'area', 'return', true, '缺少合作协议')).toMatchObject({
      ok: false,
      message: '申报已截止，申报单位不能再修改，请改为“不予通过”并写明理由',
    });
    expect(planFormalCheck('area-passed', 'bureau', 'reject', false, '缺少合作协议')).toMatchObject(
      {
        ok: false,
        message: '申报尚未截止，材料不全的请“退回修改”，申报单位可补正后重新提交',
      },
    );
    expect(planFormalCheck('area-passed', 'bureau', 'reject', true, '  ')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '不予通过须写明理由',
    });
    expect(
      planFormalCheck('area-passed', 'bureau', 'reject', true, '未提供合作单位盖章的协议'),
    ).toEqual({
      ok: true,
      to: 'rejected',
    });
  });
});
