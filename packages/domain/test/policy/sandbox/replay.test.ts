import { describe, expect, it } from 'vitest';
import type {
  AwardHistory,
  Decision,
  HistoricalApplication,
  PolicySet,
  PriorAward,
  Replay,
} from '../../../src';
import { decide, derivePolicySet, explainRow, replay, replayOrder, yuan } from '../../../src';
import { DRAFT, OTHER_FIRM } from '../fixtures';
import { firm, handFixture, historical, inArea, PERIOD, PROPOSED, transfer } from './fixtures';

const amounts = (r: Replay) =>
  Object.fromEntries(r.rows.map((row) => [row.applicationId, row.decision.amount]));
const codesOf = (r: Replay, id: string) =>
  r.rows.find((row) => row.applicationId === id)?.decision.refusals.map((x) => x.code);

/**
 * The history the API would read for each application (owner's awards, or sharing a once key;
 * the programme's awards in the quota year), built the slow way from every earlier eligible row.
 */
function slowReplay(apps: readonly HistoricalApplication[], set: PolicySet): Decision[] {
  const asIf = { ...set, effectiveFrom: PERIOD.from, effectiveTo: PERIOD.to };
  const awarded: { owner: string; award: PriorAward }[] = [];
  return apps.map((a) => {
    const owner = `${a.application.applicant.kind}:${a.application.applicant.id}`;
    const first = decide(asIf, a.ruleId, a.application);
    const year = first.quotaYear ?? Number(a.application.appliedOn.slice(0, 4));
    const history: AwardHistory = {
      priorAwards: awarded
        .filter(
          (p) => p.owner === owner || p.award.onceKeys.some((k) => first.onceKeys.includes(k)),
        )
        .map((p) => p.award),
      approvedThisYear: awarded.filter((p) => p.award.ruleId === a.ruleId && p.award.year === year)
        .length,
    };
    const decision = decide(asIf, a.ruleId, a.application, history);
    if (decision.eligible) {
      awarded.push({
        owner,
        award: {
          ruleId: a.ruleId,
          applicationId: a.application.id,
          onceKeys: decision.onceKeys,
          ...(decision.itemKey !== undefined ? { itemKey: decision.itemKey } : {}),
          amount: decision.amount,
          year,
        },
      });
    }
    return decision;
  });
}

describe('replay', () => {
  it('pays the hand-computed amounts under the version in force (cap ¥500,000, quota 10, 365 days)', () => {
    const r = replay(handFixture(), DRAFT, PERIOD);
    const paid = amounts(r);
    // 10% of ¥3,000,000; 10% of ¥7,000,000 capped at ¥500,000; 10% of ¥6,000,000 capped.
    expect(paid.T1).toBe(yuan(300_000));
    expect(paid.T2).toBe(yuan(500_000));
    expect(paid.T3a).toBe(yuan(500_000));
    // The contract's cap is used up by T3a.
    expect(paid.T3b).toBe(0n);
    expect(codesOf(r, 'T3b')).toEqual(['ITEM_CAP_REACHED']);
    // Ten cases of 2026 at ¥200,000; the 11th and 12th over the quota of 10.
    for (let n = 1; n <= 10; n++)
      expect(paid[`S${String(n).padStart(2, '0')}`]).toBe(yuan(200_000));
    expect(codesOf(r, 'S11')).toEqual(['YEARLY_QUOTA_REACHED']);
    expect(codesOf(r, 'S12')).toEqual(['YEARLY_QUOTA_REACHED']);
    // 234 days after recognition is inside 365.
    expect(paid.I1).toBe(yuan(150_000));
  });

  it('pays the hand-computed amounts under the proposed version (cap ¥800,000, quota 12, 180 days)', () => {
    const r = replay(handFixture(), PROPOSED, PERIOD);
    const paid = amounts(r);
    expect(paid.T1).toBe(yuan(300_000));
    expect(paid.T2).toBe(yuan(700_000));
    expect(paid.T3a).toBe(yuan(600_000));
    // ¥800,000 − ¥600,000 already paid on HT-3 leaves ¥200,000 of the ¥400,000 computed.
    expect(paid.T3b).toBe(yuan(200_000));
    expect(paid.S11).toBe(yuan(200_000));
    expect(paid.S12).toBe(yuan(200_000));
    expect(paid.I1).toBe(0n);
    expect(codesOf(r, 'I1')).toEqual(['APPLICATION_WINDOW_PASSED']);
  });

  it('keeps each row’s history as it stood: evaluate on it gives the same decision, explained', () => {
    for (const set of [DRAFT, PROPOSED]) {
      const r = replay(handFixture(), set, PERIOD);
      for (const row of r.rows) {
        const { explanation, ...decision } = explainRow(r, row);
        expect(decision, row.applicationId).toEqual(row.decision);
        expect(explanation.summary.length).toBeGreaterThan(0);
      }
      const t3b = r.rows.find((row) => row.applicationId === 'T3b')!;
      expect(t3b.history.priorAwards.map((p) => p.applicationId)).toEqual(['T1', 'T2', 'T3a']);
    }
    const r = replay(handFixture(), DRAFT, PERIOD);
    const s11 = r.rows.find((row) => row.applicationId === 'S11')!;
    expect(s11.history.approvedThisYear).toBe(10);
    expect(explainRow(r, s11).explanation.quota).toBe(
      '本年度已评选 10 项，上限 10 项（评选年度：2026 年）',
    );
  });

  it('decides exactly as the API’s history would (owner’s awards, shared once keys, quota year)', () => {
    const apps = [
      ...handFixture(),
      // The same case applied for by another firm: paid once, whoever applies.
      historical('S01-again', 'scenario-case', {
        appliedOn: '2026-08-01',
        applicant: OTHER_FIRM,
        input: { caseName: '应用场景案例01', selectedOn: '2026-06-18' },
      }),
      // A "2025年度" case: counts in 2025's quota, which is empty.
      historical('S-2025', 'scenario-case', {
        appliedOn: '2026-08-02',
        applicant: firm(40),
        input: { caseName: '上年度案例', selectedOn: '2026-01-20', selectionYear: 2025 },
      }),
      // A city incubator later recognised provincially: 就高补差 on the owner's own award.
      historical('I1-up', 'incubator', {
        appliedOn: '2026-10-01',
        applicant: inArea(OTHER_FIRM, 'dangshan'),
        input: { level: 'provincial', recognisedOn: '2026-09-20' },
      }),
      transfer('T1b', 'HT-1', yuan(2_500_000), '2026-06-01', '2026-06-05'),
    ];
    for (const set of [DRAFT, PROPOSED]) {
      const r = replay(apps, set, PERIOD);
      const byId = new Map(r.rows.map((row) => [row.applicationId, row.decision]));
      const slow = slowReplay(apps, set);
      apps.forEach((a, i) => expect(byId.get(a.application.id), a.application.id).toEqual(slow[i]));
    }
    const r = replay(apps, DRAFT, PERIOD);
    // Paid to firm 1 already (a once key of another owner); 2026's ten are taken too.
    expect(codesOf(r, 'S01-again')).toEqual(['ALREADY_AWARDED', 'YEARLY_QUOTA_REACHED']);
    expect(r.rows.find((row) => row.applicationId === 'S-2025')?.decision).toMatchObject({
      eligible: true,
      quotaYear: 2025,
    });
    // Provincial ¥250,000 − city ¥150,000 already paid.
    expect(amounts(r)['I1-up']).toBe(yuan(100_000));
  });

  it('takes applications in the order they were decided, else submitted', () => {
    const apps = handFixture().map((a) =>
      // S12 was decided first of all the cases: it takes a place in the ten, S10 does not.
      a.application.id === 'S12' ? { ...a, decidedOn: '2026-07-01' } : a,
    );
    const r = replay(apps, DRAFT, PERIOD);
    expect(amounts(r).S12).toBe(yuan(200_000));
    expect(codesOf(r, 'S10')).toEqual(['YEARLY_QUOTA_REACHED']);
    // After T1–T3b and S01, submitted (and so decided) on 2026-07-01 too but given first.
    expect(r.rows.map((row) => row.applicationId).indexOf('S12')).toBe(5);
  });

  it('leaves out applications submitted outside the period, and counts them', () => {
    const apps = [
      ...handFixture(),
      transfer('T-2027', 'HT-9', yuan(1_000_000), '2026-12-20', '2027-01-05'),
    ];
    const r = replay(apps, DRAFT, PERIOD);
    expect(r.rows).toHaveLength(17);
    expect(r.outsidePeriod).toBe(1);
  });

  it('replays a version dated after the applications as if it had been in force', () => {
    expect(PROPOSED.effectiveFrom).toBe('2027-01-01');
    const r = replay(handFixture(), PROPOSED, PERIOD);
    expect(r.rows.flatMap((row) => row.decision.refusals.map((x) => x.code))).not.toContain(
      'POLICY_NOT_IN_FORCE',
    );
    expect(r.policySet.id).toBe(PROPOSED.id);
    expect(r.policySet.rules).toBe(PROPOSED.rules);
  });

  it('refuses applications to a rule the version does not have', () => {
    const without = derivePolicySet(DRAFT, {
      id: 'no-incubators',
      version: 'x',
      effectiveFrom: '2027-01-01',
      removeRules: ['incubator'],
    });
    const r = replay(handFixture(), without, PERIOD);
    expect(codesOf(r, 'I1')).toEqual(['UNKNOWN_RULE']);
  });

  it('is pure: the same inputs replay the same, and the input is not changed', () => {
    const apps = handFixture();
    const before = JSON.stringify(apps, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));
    const a = replay(apps, DRAFT, PERIOD);
    const b = replay(apps, DRAFT, PERIOD);
    expect(a.rows.map((row) => row.decision)).toEqual(b.rows.map((row) => row.decision));
    expect(JSON.stringify(apps, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))).toBe(
      before,
    );
  });
});

describe('replayOrder', () => {
  const ids = (apps: ReturnType<typeof replayOrder>) => apps.map((a) => a.application.id);

  it('keeps applications already in order, and sorts others by day, then as given', () => {
    const a = transfer('a', 'HT-1', yuan(1), '2026-02-01', '2026-03-01');
    const b = transfer('b', 'HT-2', yuan(1), '2026-02-01', '2026-02-10');
    const c = transfer('c', 'HT-3', yuan(1), '2026-02-01', '2026-03-01');
    const inOrder = [b, a, c];
    expect(replayOrder(inOrder, PERIOD)).toEqual(inOrder);
    expect(ids(replayOrder([a, c, b], PERIOD))).toEqual(['b', 'a', 'c']);
    expect(ids(replayOrder([c, a, { ...b, decidedOn: '2026-03-02' }], PERIOD))).toEqual([
      'c',
      'a',
      'b',
    ]);
    // Not a date: ordered as text, and the engine refuses it.
    const odd = { ...a, decidedOn: '2026-02-30' };
    expect(ids(replayOrder([c, odd, b], PERIOD))).toEqual(['b', 'a', 'c']);
  });
});
