import type { MyProject } from '../../src/packages/projects/data';

/** One organisation's project as the API gives it, for the project screens' tests. */

export const PROJECT_ID = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';
export const CALL_ID = '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11';
/** The first tranche's 拨付申请, paid once the 任务书 was signed. */
export const APP_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

/** A project as `selection.projects.mineById` gives it, its 任务书 as the bureau drafted it, not yet signed. */
export const draftedProject = (over: Partial<MyProject> = {}) =>
  ({
    id: PROJECT_ID,
    number: 'SZKC-XM-2027-0001',
    title: '氢燃料电池膜电极国产化',
    status: 'contracting',
    statusName: '待签订任务书',
    programmeName: '未来产业重点科技项目（揭榜挂帅）',
    call: {
      id: CALL_ID,
      number: 'SZKC-ZN-2027-02',
      title: '2027年度未来产业重点科技项目（揭榜挂帅）',
    },
    resultDocNo: '宿科〔2027〕18号',
    submissionNumber: 'SZKC-SB-2027-0001',
    organisationId: 'a0000000-0000-4000-8000-000000000001',
    organisationName: '安徽宿氢新能源科技有限公司',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    fieldCode: 'low-carbon-energy',
    fieldName: '低碳能源',
    contract: {
      startOn: '2027-07-01',
      endOn: '2029-06-30',
      cityFundsFen: 120_000_000n,
      ownFundsFen: 250_000_000n,
      milestones: [
        {
          title: '中期目标',
          dueOn: '2028-06-30',
          indicators: '完成低铂催化剂小试，铂载量降至每平方厘米零点三毫克',
        },
        {
          title: '项目完成',
          dueOn: '2029-06-30',
          indicators: '建成年产十万片膜电极中试线，寿命超过一万小时',
        },
      ],
      tranches: [
        { condition: 'signing', amountFen: 36_000_000n, conditionName: '任务书签订后' },
        { condition: 'mid-term', amountFen: 36_000_000n, conditionName: '中期检查通过后' },
        { condition: 'acceptance', amountFen: 48_000_000n, conditionName: '验收通过后' },
      ],
    },
    basis: { decidedCityFundsFen: 120_000_000n, committedOwnFundsFen: 250_000_000n, months: 24 },
    schedule: { midTermDueOn: '2028-06-30', finalDueOn: '2029-09-28' },
    settings: { firstTrancheMaxPercent: 60, finalTrancheMinPercent: 20 },
    problems: {},
    signedAt: null,
    version: 2,
    updatedAt: new Date('2027-06-20T02:00:00Z'),
    tranches: [
      {
        trancheNo: 1,
        condition: 'signing',
        conditionName: '任务书签订后',
        amountFen: 36_000_000n,
        application: null,
      },
      {
        trancheNo: 2,
        condition: 'mid-term',
        conditionName: '中期检查通过后',
        amountFen: 36_000_000n,
        application: null,
      },
      {
        trancheNo: 3,
        condition: 'acceptance',
        conditionName: '验收通过后',
        amountFen: 48_000_000n,
        application: null,
      },
    ],
    reports: [],
    changes: [],
    reportsOpen: [],
    changesOpen: false,
    extension: { approved: 0, max: 1, maxMonths: 12 },
    mayAct: true,
    ...over,
  }) as MyProject;

/** The same project signed and running: the first tranche paid, the mid-term report open. */
export const runningProject = (over: Partial<MyProject> = {}) => {
  const drafted = draftedProject();
  return draftedProject({
    status: 'in-progress',
    statusName: '实施中',
    signedAt: new Date('2027-07-02T02:00:00Z'),
    version: 5,
    updatedAt: new Date('2028-06-01T02:00:00Z'),
    tranches: drafted.tranches.map((t) =>
      t.trancheNo === 1
        ? {
            ...t,
            application: {
              id: APP_ID,
              number: 'SZKC-2027-0031',
              status: 'paid',
              statusName: '已拨付',
              amountFen: 36_000_000n,
            },
          }
        : t,
    ),
    reportsOpen: ['mid-term'],
    changesOpen: true,
    ...over,
  });
};
