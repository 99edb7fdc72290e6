import { describe, expect, it } from 'vitest';
import type { ContractBasis, ProjectContract } from '../../src';
import {
  addCalendarMonths,
  contractProblems,
  draftContract,
  periodEnd,
  projectContractSchema,
  projectSchedule,
  selectionSettingsFor,
} from '../../src';

const settings = selectionSettingsFor('2027-01-01').project;
const BASIS: ContractBasis = {
  decidedCityFundsFen: 2_000_000_00n, // ¥2,000,000
  committedOwnFundsFen: 3_000_000_00n,
  months: 24,
};

function contract(over: Partial<ProjectContract> = {}): ProjectContract {
  return {
    startOn: '2027-10-01',
    endOn: '2029-09-30',
    cityFundsFen: 2_000_000_00n,
    ownFundsFen: 3_000_000_00n,
    milestones: [
      { title: '中试线建成', dueOn: '2028-09-30', indicators: '建成年产10兆瓦中试线' },
      { title: '项目完成', dueOn: '2029-09-30', indicators: '组件效率不低于22%' },
    ],
    tranches: [
      { condition: 'signing', amountFen: 1_200_000_00n },
      { condition: 'acceptance', amountFen: 800_000_00n },
    ],
    ...over,
  };
}

describe('calendar months', () => {
  it('keeps the day, or the month’s last when it has none', () => {
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2027-10-15', 24)).toBe('2029-10-15');
    expect(addCalendarMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(periodEnd('2027-10-01', 24)).toBe('2029-09-30');
    expect(periodEnd('2027-01-01', 12)).toBe('2027-12-31');
  });
});

describe('a project contract (任务书)', () => {
  it('may be signed as the submission and the settings allow', () => {
    expect(contractProblems(contract(), BASIS, settings)).toEqual({});
  });

  it('holds the funds to the decision and the commitment, and the period to the submission', () => {
    const problems = contractProblems(
      contract({
        cityFundsFen: 2_000_000_01n,
        ownFundsFen: 2_999_999_99n,
        endOn: '2029-10-01',
        tranches: [
          { condition: 'signing', amountFen: 1_200_000_00n },
          { condition: 'acceptance', amountFen: 800_000_01n },
        ],
      }),
      BASIS,
      settings,
    );
    expect(problems).toEqual({
      endOn: ['实施期限不能超过申报的24个月（最晚 2029-09-30）'],
      cityFundsFen: ['市级资金不能超过决定支持的¥2,000,000.00'],
      ownFundsFen: ['单位自筹资金不能少于申报时承诺的¥3,000,000.00'],
    });
  });

  it('releases at most 60% on signing and keeps at least 20% for acceptance, to the fen', () => {
    // 60% exactly is allowed; a fen more is not.
    expect(
      contractProblems(
        contract({
          tranches: [
            { condition: 'signing', amountFen: 1_200_000_01n },
            { condition: 'acceptance', amountFen: 799_999_99n },
          ],
        }),
        BASIS,
        settings,
      )['tranches.0.amountFen'],
    ).toEqual(['首期拨付不超过市级资金的60%（¥1,200,000.00）']);
    const midTermHeavy = contractProblems(
      contract({
        tranches: [
          { condition: 'signing', amountFen: 1_000_000_00n },
          { condition: 'mid-term', amountFen: 600_000_01n },
          { condition: 'acceptance', amountFen: 399_999_99n },
        ],
      }),
      BASIS,
      settings,
    );
    expect(midTermHeavy.tranches).toEqual(['验收通过后拨付的资金不少于市级资金的20%']);
  });

  it('adds up the tranches, in the order a project reaches them, signing first', () => {
    const problems = contractProblems(
      contract({
        tranches: [
          { condition: 'mid-term', amountFen: 1_000_000_00n },
          { condition: 'signing', amountFen: 500_000_00n },
          { condition: 'acceptance', amountFen: 400_000_00n },
        ],
      }),
      BASIS,
      settings,
    );
    expect(problems).toEqual({
      tranches: ['各期拨付合计¥1,900,000.00，应等于市级资金¥2,000,000.00'],
      'tranches.1.condition': ['拨付条件应按签订、中期、验收的先后排列'],
      'tranches.0.condition': ['第一期应在任务书签订后拨付'],
    });
  });

  it('keeps milestones inside the period and in date order', () => {
    const problems = contractProblems(
      contract({
        milestones: [
          { title: '样机', dueOn: '2029-01-01', indicators: '完成样机研制' },
          { title: '中试', dueOn: '2028-06-30', indicators: '完成中试验证' },
          { title: '推广', dueOn: '2030-01-01', indicators: '实现示范应用' },
        ],
      }),
      BASIS,
      settings,
    );
    expect(problems).toEqual({
      'milestones.1.dueOn': ['节点应按完成时间先后排列'],
      'milestones.2.dueOn': ['节点完成时间应在实施期限内'],
    });
  });

  it('is drafted from the submission: its period, funds, 60% on signing in whole yuan', () => {
    const draft = draftContract(
      { ...BASIS, decidedCityFundsFen: 1_234_567_89n, goals: '组件效率不低于22%，申请发明专利5件' },
      '2027-10-01',
      settings,
    );
    expect(draft).toMatchObject({
      startOn: '2027-10-01',
      endOn: '2029-09-30',
      cityFundsFen: 1_234_567_89n,
      tranches: [
        { condition: 'signing', amountFen: 740_740_00n },
        { condition: 'acceptance', amountFen: 493_827_89n },
      ],
    });
    expect(draft.milestones.map((m) => m.dueOn)).toEqual(['2028-09-30', '2029-09-30']);
    expect(projectContractSchema.safeParse(draft).success).toBe(true);
    expect(
      contractProblems(draft, { ...BASIS, decidedCityFundsFen: 1_234_567_89n }, settings),
    ).toEqual({});
  });

  it('schedules the mid-term report at the midpoint and the final 30 days after the end', () => {
    expect(projectSchedule({ startOn: '2027-10-01', endOn: '2029-09-30' }, settings)).toEqual({
      midTermDueOn: '2028-09-30',
      finalDueOn: '2029-10-30',
    });
  });

  it('refuses a form with fewer than two tranches, in Chinese', () => {
    const parsed = projectContractSchema.safeParse({
      ...contract(),
      tranches: [{ condition: 'signing', amountFen: 2_000_000_00n }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('市级资金至少分两期拨付');
  });
});
