import type {
  AreaCode,
  AwardApplicant,
  Fen,
  HistoricalApplication,
  PolicyAmendment,
} from '../../../src';
import { applyAmendment, yuan } from '../../../src';
import { application, DRAFT, FIRM, OTHER_FIRM } from '../fixtures';

export const PERIOD = { from: '2026-01-01', to: '2026-12-31' } as const;

/**
 * The amendment the sandbox tests replay: 四.8's cap ¥500,000 → ¥800,000, 四.1's quota 10 → 12,
 * and the application window 365 → 180 days.
 */
export const AMENDMENT: PolicyAmendment = {
  baseId: DRAFT.id,
  id: 'suzhou-future-2027-sandbox',
  version: '2027.1-sandbox',
  title: '提高技术成果转化补助上限等',
  effectiveFrom: '2027-01-01',
  changes: {
    'rules.tech-transfer.formula.cap': '800000.00',
    'rules.scenario-case.yearlyQuota': 12,
    'settings.applicationWindowDays': 180,
  },
};
export const PROPOSED = applyAmendment(DRAFT, AMENDMENT);

/** An organisation of the fixtures moved to another area. */
export function inArea(applicant: AwardApplicant, areaCode: AreaCode): AwardApplicant {
  if (applicant.kind !== 'organisation') throw new Error('only an organisation has an area');
  return { ...applicant, areaCode };
}

export function firm(n: number, areaCode: AreaCode = 'sz-hitech'): AwardApplicant {
  return inArea({ ...FIRM, id: `org-${n}`, name: `宿州第${n}科技有限公司` }, areaCode);
}

export function historical(
  id: string,
  ruleId: string,
  opts: {
    appliedOn: string;
    applicant?: AwardApplicant;
    input?: Record<string, unknown>;
    decidedOn?: string;
    recordedAmount?: Fen;
  },
): HistoricalApplication {
  const applicant = opts.applicant ?? FIRM;
  return {
    ruleId,
    areaCode: applicant.kind === 'organisation' ? applicant.areaCode : null,
    application: {
      ...application(ruleId, { appliedOn: opts.appliedOn, applicant, inputPatch: opts.input }),
      id,
    },
    ...(opts.decidedOn ? { decidedOn: opts.decidedOn } : {}),
    ...(opts.recordedAmount !== undefined ? { recordedAmount: opts.recordedAmount } : {}),
  };
}

/** A tech-transfer application for one payment on a contract. */
export function transfer(
  id: string,
  contractNo: string,
  paid: Fen,
  paidOn: string,
  appliedOn: string,
  applicant: AwardApplicant = FIRM,
): HistoricalApplication {
  return historical(id, 'tech-transfer', {
    appliedOn,
    applicant,
    input: {
      contractNo,
      contractSignedOn: '2026-01-05',
      contractAmount: yuan(10_000_000),
      payments: [{ paidOn, amount: paid, voucherNo: `HX-${id}` }],
    },
  });
}

/**
 * The hand-computed fixture (every figure below is worked out in the comments of the tests):
 *
 * 四.8, 10% of each payment, per-contract cap ¥500,000 (current) / ¥800,000 (proposed):
 *   T1  HT-1 paid ¥3,000,000 → 10% ¥300,000            current ¥300,000   proposed ¥300,000
 *   T2  HT-2 paid ¥7,000,000 → 10% ¥700,000            current ¥500,000   proposed ¥700,000
 *   T3a HT-3 paid ¥6,000,000 → 10% ¥600,000            current ¥500,000   proposed ¥600,000
 *   T3b HT-3 paid ¥4,000,000 → 10% ¥400,000, same contract:
 *       current: cap used up (¥500,000) → refused ITEM_CAP_REACHED, ¥0
 *       proposed: ¥800,000 − ¥600,000 = ¥200,000 left → ¥200,000
 *   total current ¥1,300,000, proposed ¥1,800,000, +¥500,000
 *
 * 四.1, ¥200,000 each, quota 10 (current) / 12 (proposed): S01–S12, twelve cases selected in 2026,
 *   decided in order: current pays S01–S10 (¥2,000,000) and refuses S11, S12 (YEARLY_QUOTA_REACHED);
 *   proposed pays all twelve (¥2,400,000): 2 more eligible, +¥400,000.
 *
 * 四.9, city incubator ¥150,000, application window 365 (current) / 180 (proposed) days:
 *   I1 recognised 2026-01-10, applied 2026-09-01: 234 days. Current pays ¥150,000; proposed refuses
 *   it (APPLICATION_WINDOW_PASSED): 1 less eligible, −¥150,000.
 *
 * Overall: current ¥3,450,000; proposed ¥4,200,000; +¥750,000; 3 became eligible, 1 ineligible.
 */
export function handFixture(): HistoricalApplication[] {
  const apps: HistoricalApplication[] = [
    transfer('T1', 'HT-1', yuan(3_000_000), '2026-02-01', '2026-02-10'),
    transfer('T2', 'HT-2', yuan(7_000_000), '2026-02-02', '2026-02-11'),
    transfer('T3a', 'HT-3', yuan(6_000_000), '2026-02-03', '2026-02-12'),
    transfer('T3b', 'HT-3', yuan(4_000_000), '2026-05-03', '2026-05-12'),
  ];
  for (let n = 1; n <= 12; n++) {
    const no = String(n).padStart(2, '0');
    apps.push(
      historical(`S${no}`, 'scenario-case', {
        appliedOn: `2026-07-${no}`,
        applicant: firm(n, n % 2 === 0 ? 'yongqiao' : 'xiaoxian'),
        input: { caseName: `应用场景案例${no}`, selectedOn: '2026-06-18' },
      }),
    );
  }
  apps.push(
    historical('I1', 'incubator', {
      appliedOn: '2026-09-01',
      applicant: inArea(OTHER_FIRM, 'dangshan'),
      input: { recognisedOn: '2026-01-10' },
    }),
  );
  return apps;
}
