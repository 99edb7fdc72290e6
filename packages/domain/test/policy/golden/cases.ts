/**
 * 1,000 deterministic evaluations for the golden file: a seeded generator walks every rule with
 * valid and broken inputs, every kind of applicant, and a history built from the awards it has
 * approved so far — so upgrades, repeats, per-item caps, quotas and budgets all occur.
 */
import type { AwardApplicant, AwardHistory, Evaluation, PolicySet, PriorAward } from '../../../src';
import { derivePolicySet, evaluate, fen, yuan } from '../../../src';
import { addDays } from '../../../src/policy/dates';
import {
  allEvidence,
  DRAFT,
  FIRM,
  FIRM_OUTSIDE,
  OTHER_FIRM,
  priorFrom,
  TEAM_LEADER,
  UNIVERSITY,
  VALID_INPUTS,
} from '../fixtures';
import { mulberry32 } from '../../../../../tooling/bench/src/random';

/** A firm whose id and names need NFKC to meet the others' keys (full-width letters, spaces). */
const WIDE_FIRM: AwardApplicant = {
  kind: 'organisation',
  id: 'ＯＲＧ－ｙｕｎｚｈｉ',
  name: '宿州云智科技有限公司（全角）',
  type: 'firm',
  areaCode: 'sz-hitech',
  insideCity: true,
  qualifications: [],
};
const INCUBATOR_ORG: AwardApplicant = {
  kind: 'organisation',
  id: 'org-fuhua',
  name: '宿州众创空间管理有限公司',
  type: 'incubator',
  areaCode: 'dangshan',
  insideCity: true,
  qualifications: [],
};
const APPLICANTS = [
  FIRM,
  OTHER_FIRM,
  UNIVERSITY,
  FIRM_OUTSIDE,
  TEAM_LEADER,
  WIDE_FIRM,
  INCUBATOR_ORG,
];

/** Later settings: upgrades paid in full, teams must register first. */
const FULL_UPGRADES = derivePolicySet(DRAFT, {
  id: 'golden-full-upgrades',
  version: 'golden-2',
  effectiveFrom: '2026-10-01',
  settings: { upgradeAward: 'full', contestTeamsMayApply: false, applicationWindowDays: 120 },
});
const SETS: readonly PolicySet[] = [DRAFT, DRAFT, DRAFT, FULL_UPGRADES];

const NAMES = [
  '甲实验室',
  '甲 实验室',
  '甲（重点）实验室',
  'ＡＢＣ研发中心',
  'abc研发中心',
  '乙中心',
];
const DOC_NOS = ['宿科〔2026〕35号', 'x', '', '皖科创〔2026〕12号'];
const CONTRACTS = ['HT-1', 'ht 1', 'HT-2', 'ＨＴ－３'];
const VOUCHERS = ['HX1', 'HX2', 'hx 1', 'ＨＸ３', ''];

export interface GoldenCase {
  readonly set: PolicySet;
  readonly ruleId: string;
  readonly application: Parameters<typeof evaluate>[2];
  readonly history: AwardHistory;
}

export function goldenCases(count = 1000): { cases: GoldenCase[]; results: Evaluation[] } {
  const rnd = mulberry32(20261204);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const chance = (p: number) => rnd() < p;
  const day = (offset: number) => addDays('2026-01-01', offset);
  // The ten rules the golden file was recorded over: a rule added later (四.2's project funds) is
  // covered by its own tests, so the file keeps showing whether any of the ten changed.
  const ruleIds = DRAFT.rules.map((r) => r.id).filter((id) => id !== 'key-project');

  function patchFor(ruleId: string, appliedAt: number): Record<string, unknown> {
    const p: Record<string, unknown> = {};
    const dateIn = () =>
      chance(0.03)
        ? pick(['2026-02-30', '2026/03/01', '2025-12-31'])
        : chance(0.1)
          ? day(int(-20, 420))
          : day(appliedAt - int(1, 115));
    switch (ruleId) {
      case 'scenario-case':
        p.selectedOn = dateIn();
        if (chance(0.2)) p.caseName = pick(NAMES);
        break;
      case 'rd-platform':
      case 'incubator':
        p.level = chance(0.05) ? 'county' : pick(['national', 'provincial', 'city']);
        p[ruleId === 'rd-platform' ? 'platformName' : 'incubatorName'] = pick(NAMES);
        p.recognisedOn = dateIn();
        if (chance(0.3)) p.formerName = pick(NAMES);
        break;
      case 'talent-team':
        p.category = chance(0.05) ? 'D' : pick(['A', 'B', 'C']);
        p.approvedOn = dateIn();
        break;
      case 'academician-workstation-provincial':
      case 'academician-workstation-city':
      case 'academician-centre-city':
        p.approvedOn = dateIn();
        if (chance(0.5))
          p[ruleId === 'academician-centre-city' ? 'centreName' : 'workstationName'] = pick(NAMES);
        if (chance(0.2) && ruleId === 'academician-workstation-provincial')
          p.formerName = pick(NAMES);
        break;
      case 'tech-transfer':
        p.contractNo = pick(CONTRACTS);
        p.sellerLocation = chance(0.9) ? 'outside-city' : 'inside-city';
        p.contractSignedOn = day(Math.max(0, appliedAt - int(120, 200)));
        p.contractAmount = chance(0.05) ? 5 : yuan(int(1_000_000, 20_000_000));
        p.payments = Array.from({ length: int(chance(0.05) ? 0 : 1, 4) }, () => ({
          paidOn: dateIn(),
          amount: chance(0.03) ? fen(0) : chance(0.05) ? fen(int(1, 9)) : fen(int(1, 400_000_000)),
          ...(chance(0.8) ? { voucherNo: chance(0.3) ? pick(VOUCHERS) : `HX-${int(1, 400)}` } : {}),
        }));
        break;
      case 'high-tech-enterprise': {
        const re = chance(0.5);
        p.recognitionType = re ? 're' : 'first';
        const on = dateIn();
        p.certifiedOn = on;
        p.certificateNo = `${chance(0.1) ? 'GR2025' : pick(['GR2026', 'gr2026', 'ＧＲ2026'])}34${String(int(0, 999_999)).padStart(6, '0')}`;
        if (re && chance(0.8)) p.previousCertificateNo = 'GR202334000001';
        break;
      }
      case 'innovation-contest':
        p.prize = chance(0.05) ? 'fourth' : pick(['first', 'second', 'third']);
        p.awardedOn = dateIn();
        p.contestYear = chance(0.1) ? pick([2024, 1999]) : pick([2025, 2026, 2026]);
        p.projectName = pick([...NAMES, '基于大模型的农业病虫害识别系统']);
        break;
    }
    if (chance(0.04)) {
      const keys = Object.keys(VALID_INPUTS[ruleId] ?? {});
      const key = pick(keys);
      p[key] = pick([undefined, null, 42, '', '   ', '<b>x</b>', '\u0000']);
    }
    if (chance(0.03)) p.docNo = pick(DOC_NOS);
    return p;
  }

  /** An applicant the rule admits, so most cases reach the amount. */
  function fitting(ruleId: string): AwardApplicant {
    if (ruleId === 'incubator') return chance(0.7) ? INCUBATOR_ORG : UNIVERSITY;
    if (ruleId === 'innovation-contest') return pick([FIRM, WIDE_FIRM, TEAM_LEADER]);
    if (['tech-transfer', 'high-tech-enterprise'].includes(ruleId))
      return pick([FIRM, WIDE_FIRM, OTHER_FIRM]);
    return pick([FIRM, WIDE_FIRM, UNIVERSITY, OTHER_FIRM]);
  }

  const approved: PriorAward[] = [];
  const cases: GoldenCase[] = [];
  const results: Evaluation[] = [];
  for (let i = 0; i < count; i++) {
    const ruleId = chance(0.01) ? 'no-such-rule' : (ruleIds[i % ruleIds.length] as string);
    const set = pick(SETS);
    const applicant = chance(0.3) ? pick(APPLICANTS) : fitting(ruleId);
    const appliedAt = set === FULL_UPGRADES ? int(273, 420) : int(150, 272);
    const appliedOn = chance(0.03) ? pick(['2025-12-31', '2026-13-01', 'soon']) : day(appliedAt);
    const evidenceKinds = set.rules.find((r) => r.id === ruleId)
      ? allEvidence(ruleId, set).filter(() => chance(0.96))
      : [];
    const mine = approved.filter((p) => chance(0.4) && (p.ruleId === ruleId || chance(0.15)));
    const history: AwardHistory = {
      priorAwards: mine.slice(-6),
      approvedThisYear: chance(0.7) ? int(0, 9) : int(10, 12),
      ...(chance(0.25) ? { budgetRemaining: yuan(int(0, 3_000_000)) } : {}),
    };
    const own = mine.length > 0 && chance(0.1) ? mine[0]?.applicationId : undefined;
    const application = {
      ...(own !== undefined ? { id: own } : chance(0.5) ? { id: `G-${i}` } : {}),
      appliedOn,
      applicant,
      input: chance(0.02)
        ? pick([null, 'text', [], {}])
        : { ...VALID_INPUTS[ruleId], ...patchFor(ruleId, appliedAt) },
      evidence: evidenceKinds,
    };
    const result = evaluate(set, ruleId, application, history);
    cases.push({ set, ruleId, application, history });
    results.push(result);
    if (result.eligible || chance(0.1)) approved.push(priorFrom(result, `G-${i}`));
  }
  return { cases, results };
}
