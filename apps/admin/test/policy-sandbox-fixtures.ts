import { formatYuan } from '@kc/domain';
import type {
  ChangedApplication,
  SandboxReport,
  SandboxRun,
  SandboxRunHead,
  TargetProjection,
} from '../src/views/policy-versions/sandbox/queries';
import { BASE, NEW_ID } from './policy-versions-fixtures';

/**
 * 政策沙盘 as the API answers it (packages/api/test/policy-sandbox.test.ts): three 四.8 applications
 * paid ¥3,000,000, ¥6,500,000 and ¥9,000,000, replayed with the cap raised from ¥500,000 to
 * ¥800,000. By hand, 10% of each payment, capped:
 *   现行 300,000 + 500,000 + 500,000 = 1,300,000; 修订后 300,000 + 650,000 + 800,000 = 1,750,000.
 * Plus one 四.9 incubator award the revision does not touch, over its small budget either way.
 */
const YUAN = 100n;
export const RUN_ID = '0b5d2c1e-7a44-4e3b-9a51-3f0c2d9e8a11';
export const FAILED_ID = '1c6e3d2f-8b55-4f4c-8b62-4a1d3eaf9b22';
export const ADOPTION_ID = '2d7f4e3a-9c66-4a5d-9c73-5b2e4fba0c33';
const APP_9M = 'a9000000-0000-4000-8000-000000000001';
const APP_65 = 'a6500000-0000-4000-8000-000000000002';

export function runHead(over: Partial<SandboxRunHead> = {}): SandboxRunHead {
  return {
    id: RUN_ID,
    versionId: NEW_ID,
    from: '2026-01-01',
    to: '2026-12-01',
    status: 'done',
    statusName: '已完成',
    purpose: 'officer',
    purposeName: '人工发起',
    notifiedCount: null,
    progress: 100,
    stage: null,
    checksum: 'd'.repeat(64),
    error: null,
    // 10:00 and 10:01 in Suzhou.
    createdAt: new Date('2026-12-01T02:00:00Z'),
    finishedAt: new Date('2026-12-01T02:01:00Z'),
    ...over,
  } as SandboxRunHead;
}

export const queued = (over: Partial<SandboxRunHead> = {}) =>
  runHead({
    status: 'queued',
    statusName: '排队中',
    progress: 0,
    stage: '等待后台处理',
    checksum: null,
    finishedAt: null,
    ...over,
  });

const techTransfer = {
  ruleId: 'tech-transfer',
  clause: '四.8',
  ruleName: '购买市外先进技术成果在宿转化补助',
};

/** 四.8 under one version: 10% of the payment, capped at `capYuan`. */
function evaluation(paidYuan: bigint, capYuan: bigint, version: '2026.1-draft' | '2026.12') {
  const computed = paidYuan / 10n;
  const amount = computed < capYuan ? computed : capYuan;
  const policySetId = version === '2026.1-draft' ? BASE.id : NEW_ID;
  return {
    ruleId: 'tech-transfer',
    policySetId,
    version,
    eligible: true,
    amount: amount * YUAN,
    computedAmount: amount * YUAN,
    refusals: [],
    missingEvidence: [],
    onceKeys: [],
    explanation: {
      policySetId,
      version,
      policyTitle: BASE.title,
      ...techTransfer,
      summary: `符合条件，补助 ${formatYuan(amount * YUAN)}`,
      inputs: [],
      formula: `实际支付额 ${formatYuan(paidYuan * YUAN)} × 10% = ${formatYuan(computed * YUAN)}`,
      steps: [],
      capsApplied: computed > capYuan ? [`单项成果补助上限 ${formatYuan(capYuan * YUAN)}`] : [],
      settings: [],
    },
  };
}

const change = (over: Partial<ChangedApplication>): ChangedApplication =>
  ({ ruleId: 'tech-transfer', areaCode: 'yongqiao', ...over }) as ChangedApplication;

export const largestChanges = [
  change({
    applicationId: APP_9M,
    baseAmount: 500_000n * YUAN,
    proposedAmount: 800_000n * YUAN,
    deltaFen: 300_000n * YUAN,
    base: evaluation(9_000_000n, 500_000n, '2026.1-draft'),
    proposed: evaluation(9_000_000n, 800_000n, '2026.12'),
  } as never),
  change({
    applicationId: APP_65,
    baseAmount: 500_000n * YUAN,
    proposedAmount: 650_000n * YUAN,
    deltaFen: 150_000n * YUAN,
    base: evaluation(6_500_000n, 500_000n, '2026.1-draft'),
    proposed: evaluation(6_500_000n, 800_000n, '2026.12'),
  } as never),
];

const totals = (
  applications: number,
  amountChanged: number,
  baseYuan: bigint,
  proposedYuan: bigint,
) => ({
  applications,
  eligibleBase: applications,
  eligibleProposed: applications,
  becameEligible: 0,
  becameIneligible: 0,
  amountChanged,
  baseFen: baseYuan * YUAN,
  proposedFen: proposedYuan * YUAN,
  deltaFen: (proposedYuan - baseYuan) * YUAN,
});

export function projectionTarget(over: Partial<TargetProjection> = {}): TargetProjection {
  return {
    targetId: 'scenario-cases',
    name: '未来产业标杆示范场景案例',
    unit: '个',
    figure: 5,
    ruleId: 'scenario-case',
    currentValue: 1,
    eligibleBase: 0,
    eligibleProposed: 0,
    changed: false,
    series: [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, base: 1, proposed: 1 })),
    baseReached: false,
    proposedReached: false,
    ...over,
  } as TargetProjection;
}

export function report(over: Partial<SandboxReport> = {}): SandboxReport {
  return {
    baseSetId: BASE.id,
    proposedSetId: NEW_ID,
    period: { from: '2026-01-01', to: '2026-12-01' },
    totals: totals(4, 2, 1_450_000n, 1_900_000n),
    byProgramme: [
      {
        ...techTransfer,
        ...totals(3, 2, 1_300_000n, 1_750_000n),
        budgetFen: 3_000_000n * YUAN,
        baseOverBudgetFen: -1_700_000n * YUAN,
        proposedOverBudgetFen: -1_250_000n * YUAN,
      },
      {
        ruleId: 'incubator',
        clause: '四.9',
        ruleName: '新认定科技企业孵化器奖励',
        ...totals(1, 0, 150_000n, 150_000n),
        budgetFen: 100_000n * YUAN,
        baseOverBudgetFen: 50_000n * YUAN,
        proposedOverBudgetFen: 50_000n * YUAN,
      },
    ],
    byArea: [
      { areaCode: 'yongqiao', areaName: '埇桥区', ...totals(3, 2, 1_300_000n, 1_750_000n) },
      { areaCode: null, areaName: '未注明县区', ...totals(1, 0, 150_000n, 150_000n) },
    ],
    largestChanges,
    recorded: { compared: 1, differing: 0 },
    checksum: 'd'.repeat(64),
    applications: {
      [APP_9M]: { number: 'KC-2026-000103', applicantName: '宿州测试科技有限公司三' },
      [APP_65]: { number: 'KC-2026-000102', applicantName: '宿州测试科技有限公司二' },
    },
    projection: {
      asOf: '2026-12-01',
      label: '估算（按推演期间的年均认定数线性外推，仅供参考）',
      targets: [projectionTarget()],
    },
    ...over,
  } as SandboxReport;
}

export const doneRun = (over: Partial<SandboxReport> = {}): SandboxRun =>
  ({ ...runHead(), result: report(over) }) as SandboxRun;
