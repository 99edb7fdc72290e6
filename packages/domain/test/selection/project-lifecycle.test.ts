import { describe, expect, it } from 'vitest';
import type { ProjectReportBody } from '../../src';
import {
  changeProblems,
  projectChangeRequestSchema,
  projectReportSchema,
  reportProblems,
  reportRefusal,
  reviewEffect,
  selectionSettingsFor,
  tranchesReleasedBy,
} from '../../src';

const settings = selectionSettingsFor('2027-01-01').project;
const CONTRACT = {
  cityFundsFen: 2_000_000_00n,
  milestones: [
    { title: '中试线建成', dueOn: '2028-09-30', indicators: '建成年产10兆瓦中试线' },
    { title: '项目完成', dueOn: '2029-09-30', indicators: '组件效率不低于22%' },
  ],
  tranches: [
    { condition: 'signing' as const, amountFen: 1_000_000_00n },
    { condition: 'mid-term' as const, amountFen: 500_000_00n },
    { condition: 'acceptance' as const, amountFen: 500_000_00n },
  ],
};
const REPORT: ProjectReportBody = {
  summary: '中试线已建成并完成三轮工艺验证，关键指标达到任务书要求。',
  milestones: [
    { done: true, note: '中试线已建成投产' },
    { done: false, note: '组件效率提升试验进行中' },
  ],
  cityFundsSpentFen: 900_000_00n,
  ownFundsSpentFen: 1_500_000_00n,
};

describe('tranches a condition releases', () => {
  it('numbers them as the contract does', () => {
    expect(tranchesReleasedBy(CONTRACT, 'mid-term')).toEqual([
      { trancheNo: 2, condition: 'mid-term', amountFen: 500_000_00n },
    ]);
    expect(tranchesReleasedBy(CONTRACT, 'signing').map((t) => t.trancheNo)).toEqual([1]);
  });
});

describe('project reports', () => {
  it('accepts a report that answers every milestone within the city funds', () => {
    expect(projectReportSchema.safeParse(REPORT).success).toBe(true);
    expect(reportProblems(REPORT, CONTRACT)).toEqual({});
  });

  it('asks for every milestone and refuses spending beyond the contract', () => {
    const problems = reportProblems(
      { ...REPORT, milestones: [REPORT.milestones[0]!], cityFundsSpentFen: 2_000_000_01n },
      CONTRACT,
    );
    expect(problems.milestones).toEqual(['请逐一填写任务书的2个节点的完成情况']);
    expect(problems.cityFundsSpentFen).toEqual(['市级资金支出不能超过任务书约定的¥2,000,000.00']);
  });

  it('takes the final report only after the mid-term has passed, and each report once', () => {
    const inProgress = { status: 'in-progress' as const };
    expect(reportRefusal('mid-term', inProgress, [])).toBeNull();
    expect(reportRefusal('final', inProgress, [])).toBe('中期检查通过后才能提交结题验收报告');
    expect(reportRefusal('mid-term', inProgress, [{ kind: 'mid-term', status: 'submitted' }])).toBe(
      '中期报告已提交，正在审查',
    );
    expect(
      reportRefusal('mid-term', inProgress, [{ kind: 'mid-term', status: 'returned' }]),
    ).toBeNull();
    expect(reportRefusal('mid-term', inProgress, [{ kind: 'mid-term', status: 'passed' }])).toBe(
      '中期报告已审查完毕',
    );
    expect(reportRefusal('final', inProgress, [{ kind: 'mid-term', status: 'passed' }])).toBeNull();
    // A returned final report is resubmitted while the project is in acceptance.
    expect(
      reportRefusal('final', { status: 'accepting' }, [
        { kind: 'mid-term', status: 'passed' },
        { kind: 'final', status: 'returned' },
      ]),
    ).toBeNull();
    expect(reportRefusal('mid-term', { status: 'contracting' }, [])).toBe(
      '项目不在实施中，不能提交报告',
    );
  });

  it('says what each outcome does to the project and its tranches', () => {
    expect(reviewEffect('mid-term', 'pass')).toEqual({
      reportStatus: 'passed',
      releases: 'mid-term',
      commentRequired: false,
    });
    expect(reviewEffect('final', 'pass')).toMatchObject({
      projectStatus: 'completed',
      releases: 'acceptance',
    });
    expect(reviewEffect('final', 'return')).toEqual({
      reportStatus: 'returned',
      commentRequired: true,
    });
    expect(reviewEffect('mid-term', 'fail')).toMatchObject({
      projectStatus: 'terminated',
      terminationReason: 'mid-term-failed',
      commentRequired: true,
    });
    expect(reviewEffect('final', 'fail').terminationReason).toBe('acceptance-failed');
  });
});

describe('change requests', () => {
  const extension = {
    kind: 'extension' as const,
    months: 6,
    reason: '设备到货延迟，需延长中试周期',
  };

  it('allows one extension of at most the settings’ months while the project runs', () => {
    expect(settings.maxExtensions).toBe(1);
    expect(settings.maxExtensionMonths).toBe(12);
    const running = { status: 'in-progress' as const, extensionsApproved: 0 };
    expect(changeProblems(extension, running, settings)).toEqual({});
    expect(changeProblems({ ...extension, months: 13 }, running, settings).months).toEqual([
      '每次延期不超过12个月',
    ]);
    expect(
      changeProblems(extension, { ...running, extensionsApproved: 1 }, settings)._form,
    ).toEqual(['每个项目最多延期1次，本项目已延期']);
    expect(
      changeProblems(extension, { status: 'accepting', extensionsApproved: 0 }, settings)._form,
    ).toEqual(['项目已进入验收，不能申请延期']);
    expect(
      changeProblems(extension, { status: 'completed', extensionsApproved: 0 }, settings)._form,
    ).toEqual(['项目不在实施中，不能申请变更']);
  });

  it('lets a unit ask to end its project only for its own reasons', () => {
    const ok = projectChangeRequestSchema.safeParse({
      kind: 'termination',
      terminationReason: 'infeasible',
      reason: '核心材料技术路线经验证不可行',
    });
    expect(ok.success).toBe(true);
    const breach = projectChangeRequestSchema.safeParse({
      kind: 'termination',
      terminationReason: 'breach',
      reason: '核心材料技术路线经验证不可行',
    });
    expect(breach.success).toBe(false);
    expect(breach.error?.issues[0]?.message).toBe('请选择终止原因');
  });
});
