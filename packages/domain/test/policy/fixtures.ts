import type {
  AwardApplicant,
  AwardApplication,
  AwardHistory,
  Evaluation,
  Fen,
  PolicySet,
  PriorAward,
} from '../../src';
import { EMPTY_HISTORY, evaluate, SUZHOU_FUTURE_2026_DRAFT, yuan } from '../../src';

export const DRAFT = SUZHOU_FUTURE_2026_DRAFT;

export const FIRM: AwardApplicant = {
  kind: 'organisation',
  id: 'org-yunzhi',
  name: '宿州云智科技有限公司',
  type: 'firm',
  areaCode: 'sz-hitech',
  insideCity: true,
  qualifications: [],
};

export const OTHER_FIRM: AwardApplicant = {
  kind: 'organisation',
  id: 'org-xiaoxian-agri',
  name: '萧县农业科技有限公司',
  type: 'firm',
  areaCode: 'xiaoxian',
  insideCity: true,
  qualifications: [],
};

export const UNIVERSITY: AwardApplicant = {
  kind: 'organisation',
  id: 'org-szxy',
  name: '宿州学院',
  type: 'university',
  areaCode: 'yongqiao',
  insideCity: true,
  qualifications: [],
};

export const FIRM_OUTSIDE: AwardApplicant = {
  kind: 'organisation',
  id: 'org-hefei',
  name: '合肥某科技有限公司',
  type: 'firm',
  areaCode: null,
  insideCity: false,
  qualifications: [],
};

export const TEAM_LEADER: AwardApplicant = {
  kind: 'researcher',
  id: 'res-li',
  name: '李明',
  insideCity: true,
};

/** A valid input for every rule, applied for on 2026-09-01. */
export const VALID_INPUTS: Record<string, Record<string, unknown>> = {
  'key-project': {
    projectNumber: 'SZKC-XM-2026-0001',
    projectTitle: '氢燃料电池膜电极关键材料攻关',
    contractSignedOn: '2026-07-01',
    trancheNo: 1,
    condition: 'signing',
    conditionMetOn: '2026-07-01',
    trancheAmount: yuan(1_200_000),
  },
  'scenario-case': {
    caseName: '智慧农业无人机植保应用场景',
    applicationDomain: 'industry',
    fieldCode: 'aerospace-information',
    selectedOn: '2026-06-18',
    selectionDocNo: '宿科〔2026〕35号',
  },
  'rd-platform': {
    platformName: '安徽省氢能装备技术创新中心',
    platformKind: 'tech-innovation-centre',
    level: 'provincial',
    recognisedOn: '2026-05-10',
    recognitionDocNo: '皖科创〔2026〕12号',
  },
  'talent-team': {
    teamName: '先进碳基材料创新团队',
    leaderName: '王强',
    category: 'A',
    approvedOn: '2026-04-20',
    approvalDocNo: '宿人才〔2026〕8号',
  },
  'academician-workstation-provincial': {
    workstationName: '宿州云智科技院士工作站',
    academicianName: '张院士',
    approvedOn: '2026-07-01',
    approvalDocNo: '皖科协〔2026〕21号',
  },
  'academician-centre-city': {
    centreName: '宿州云智院士（专家）创新中心',
    expertName: '赵院士',
    approvedOn: '2026-07-01',
    approvalDocNo: '宿科协〔2026〕5号',
  },
  'academician-workstation-city': {
    workstationName: '宿州云智科技院士工作站',
    expertName: '张院士',
    approvedOn: '2026-03-01',
    approvalDocNo: '宿科协〔2026〕2号',
  },
  'tech-transfer': {
    contractNo: 'HT-2026-001',
    contractRegisteredNo: '2026340000123',
    resultName: '燃料电池氢气循环泵控制技术',
    sellerName: '中国科学技术大学',
    sellerLocation: 'outside-city',
    sellerRegion: '安徽省合肥市',
    contractSignedOn: '2026-02-01',
    contractAmount: yuan(8_000_000),
    payments: [{ paidOn: '2026-03-01', amount: yuan(3_000_000), voucherNo: 'HX20260301001' }],
    conversionProject: '在宿州高新区建设氢气循环泵示范生产线',
  },
  incubator: {
    incubatorName: '宿州云智众创孵化器',
    level: 'city',
    recognisedOn: '2026-03-15',
    recognitionDocNo: '宿科〔2026〕10号',
  },
  'high-tech-enterprise': {
    recognitionType: 'first',
    certificateNo: 'GR202634001234',
    certifiedOn: '2026-01-20',
  },
  'innovation-contest': {
    projectName: '基于大模型的农业病虫害识别系统',
    contestYear: 2026,
    prize: 'first',
    awardedOn: '2026-08-10',
  },
};

export const APPLIED_ON = '2026-09-01';

/** Every evidence kind the rule asks for (required or not). */
export function allEvidence(ruleId: string, set: PolicySet = DRAFT): string[] {
  const rule = set.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.guide.evidence.map((e) => e.kind);
}

export function applicantFor(ruleId: string): AwardApplicant {
  return ruleId === 'rd-platform' || ruleId.startsWith('academician') || ruleId === 'talent-team'
    ? UNIVERSITY
    : FIRM;
}

export function application(
  ruleId: string,
  overrides: Partial<AwardApplication> & { inputPatch?: Record<string, unknown> } = {},
): AwardApplication {
  const { inputPatch, ...rest } = overrides;
  return {
    appliedOn: APPLIED_ON,
    applicant: applicantFor(ruleId),
    input: { ...VALID_INPUTS[ruleId], ...inputPatch },
    evidence: allEvidence(ruleId),
    ...rest,
  };
}

export function run(
  ruleId: string,
  overrides: Partial<AwardApplication> & { inputPatch?: Record<string, unknown> } = {},
  history: AwardHistory = EMPTY_HISTORY,
  set: PolicySet = DRAFT,
): Evaluation {
  return evaluate(set, ruleId, application(ruleId, overrides), history);
}

/** The prior award an approved evaluation becomes, as the API would store it. */
export function priorFrom(evaluation: Evaluation, applicationId: string, year = 2026): PriorAward {
  return {
    ruleId: evaluation.ruleId,
    applicationId,
    onceKeys: evaluation.onceKeys,
    ...(evaluation.itemKey !== undefined ? { itemKey: evaluation.itemKey } : {}),
    amount: evaluation.amount,
    year,
  };
}

export function historyOf(...priors: PriorAward[]): AwardHistory {
  return { priorAwards: priors, approvedThisYear: 0 };
}

export function codes(evaluation: Evaluation): string[] {
  return evaluation.refusals.map((r) => r.code);
}

export type { Fen };
