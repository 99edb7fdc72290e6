import { describe, expect, it } from 'vitest';
import type { PolicyAmendment, RuleDraft } from '../../../src';
import {
  applyAmendment,
  compareClauses,
  comparePolicySets,
  derivePolicySet,
  yuan,
} from '../../../src';
import { DRAFT } from '../fixtures';

const amendment = (changes: PolicyAmendment['changes']): PolicyAmendment => ({
  baseId: DRAFT.id,
  id: 'suzhou-future-2027-01',
  version: '2027.1',
  title: '修订',
  effectiveFrom: '2027-01-01',
  changes,
});

describe('comparePolicySets (修改对照表)', () => {
  it('raising 四.8’s cap to ¥800,000 gives exactly one row for the clause, then the date', () => {
    const proposed = applyAmendment(
      DRAFT,
      amendment({ 'rules.tech-transfer.formula.cap': '800000.00' }),
    );
    expect(comparePolicySets(DRAFT, proposed)).toEqual([
      {
        clause: '四.8',
        ruleId: 'tech-transfer',
        ruleTitle: '购买市外先进技术成果在宿转化补助',
        item: '单项成果补助上限',
        oldText: '单项成果累计最高 50万元',
        newText: '单项成果累计最高 80万元',
        oldFigure: '¥500,000.00',
        newFigure: '¥800,000.00',
        key: 'rules.tech-transfer.formula.cap',
      },
      {
        clause: '—',
        ruleId: null,
        ruleTitle: '政策版本',
        item: '施行日期',
        oldText: '自 2026-01-01 起施行',
        newText: '自 2027-01-01 起施行',
        oldFigure: '2026-01-01',
        newFigure: '2027-01-01',
        key: 'effectiveFrom',
      },
    ]);
  });

  it('shows nothing for a version compared with itself', () => {
    expect(comparePolicySets(DRAFT, DRAFT)).toEqual([]);
  });

  it('orders by clause (四.2 before 四.10), then item; settings, then the date, last', () => {
    const proposed = applyAmendment(
      DRAFT,
      amendment({
        'settings.applicationWindowDays': 180,
        'rules.innovation-contest.formula.tiers.third.amount': '20000',
        'rules.high-tech-enterprise.formula.tiers.re.amount': '150000',
        'rules.incubator.yearlyQuota': 20,
        'rules.incubator.formula.tiers.national.amount': '600000',
        'rules.key-project.formula.rate': 8000,
        'rules.scenario-case.formula.amount': '300000',
      }),
    );
    expect(
      comparePolicySets(DRAFT, proposed).map((r) => [
        r.clause,
        r.item,
        r.oldText,
        r.newText,
        r.oldFigure,
        r.newFigure,
      ]),
    ).toEqual([
      ['四.1', '每项金额', '每项 20万元', '每项 30万元', '¥200,000.00', '¥300,000.00'],
      [
        '四.2',
        '补助比例',
        '按任务书约定的本期拨付额的 100% 补助',
        '按任务书约定的本期拨付额的 80% 补助',
        '100%',
        '80%',
      ],
      ['四.9', '国家级金额', '国家级 50万元', '国家级 60万元', '¥500,000.00', '¥600,000.00'],
      ['四.9', '每年数量上限', '每年数量不限', '每年不超过 20 项', '不限', '20 项'],
      ['四.10', '再次认定金额', '再次认定 10万元', '再次认定 15万元', '¥100,000.00', '¥150,000.00'],
      ['四.12', '三等奖金额', '三等奖 1万元', '三等奖 2万元', '¥10,000.00', '¥20,000.00'],
      ['—', '申请期限', '事项发生后 365 天内', '事项发生后 180 天内', '365 天', '180 天'],
      ['—', '施行日期', '自 2026-01-01 起施行', '自 2027-01-01 起施行', '2026-01-01', '2027-01-01'],
    ]);
  });

  it('shows a rule added or deleted whole, and a new kind of standard', () => {
    const platform = DRAFT.rules.find((r) => r.id === 'rd-platform')!;
    const pilot: RuleDraft = {
      ...platform,
      id: 'pilot-platform',
      clause: '四.7',
      name: '中试平台奖励',
      formula: { kind: 'fixed', amount: yuan(1_000_000) },
    };
    const proposed = derivePolicySet(DRAFT, {
      id: 'x',
      version: 'x',
      effectiveFrom: DRAFT.effectiveFrom,
      addRules: [pilot],
      removeRules: ['innovation-contest'],
      reviseRules: {
        'scenario-case': (rule) => ({
          ...rule,
          formula: {
            kind: 'tier',
            by: 'applicationDomain',
            byLabel: '应用领域',
            tiers: {
              industry: { label: '产业发展', amount: yuan(300_000) },
              'city-management': { label: '城市建管', amount: yuan(200_000) },
              livelihood: { label: '社会民生', amount: yuan(200_000) },
              'new-infrastructure': { label: '新型基础设施', amount: yuan(200_000) },
            },
          },
        }),
      },
    });
    expect(comparePolicySets(DRAFT, proposed)).toEqual([
      {
        clause: '四.1',
        ruleId: 'scenario-case',
        ruleTitle: '市级重大应用场景典型案例奖励',
        item: '支持标准',
        oldText: '每项 20万元；每年不超过 10 项',
        newText:
          '产业发展 30万元；城市建管 20万元；社会民生 20万元；新型基础设施 20万元；每年不超过 10 项',
        oldFigure: '最高 ¥200,000.00',
        newFigure: '最高 ¥300,000.00',
      },
      {
        clause: '四.7',
        ruleId: 'pilot-platform',
        ruleTitle: '中试平台奖励',
        item: '奖补事项',
        oldText: '（无）',
        newText: '中试平台奖励：每项 100万元',
        oldFigure: '—',
        newFigure: '最高 ¥1,000,000.00',
      },
      {
        clause: '四.12',
        ruleId: 'innovation-contest',
        ruleTitle: '中国创新创业大赛宿州赛区获奖奖励',
        item: '奖补事项',
        oldText: '中国创新创业大赛宿州赛区获奖奖励：一等奖 5万元；二等奖 3万元；三等奖 1万元',
        newText: '（删除）',
        oldFigure: '最高 ¥50,000.00',
        newFigure: '—',
      },
    ]);
  });

  it('shows a changed contact setting in words', () => {
    const proposed = derivePolicySet(DRAFT, {
      id: 'x',
      version: 'x',
      effectiveFrom: DRAFT.effectiveFrom,
      settings: {
        consultationContacts: {
          default: { office: '宿州市科学技术局成果转化科', phone: '0557-3021681' },
          byRule: {},
        },
      },
    });
    expect(comparePolicySets(DRAFT, proposed)).toEqual([
      expect.objectContaining({
        clause: '—',
        item: '咨询电话',
        oldText: '宿州市科学技术局（待市科技局确认） 0557-3021680',
        newText: '宿州市科学技术局成果转化科 0557-3021681',
      }),
    ]);
  });
});

describe('compareClauses', () => {
  it('orders clauses as the plan numbers them', () => {
    const clauses = ['四.12', '四.2', '五', '四.10', '三.1', '四.1', '十二.1', '附则', '四.5'];
    expect([...clauses].sort(compareClauses)).toEqual([
      '三.1',
      '四.1',
      '四.2',
      '四.5',
      '四.10',
      '四.12',
      '五',
      '十二.1',
      '附则',
    ]);
  });
});
