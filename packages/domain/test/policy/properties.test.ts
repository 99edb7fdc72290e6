import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AwardHistory, Fen, PriorAward } from '../../src';
import { addDays } from '../../src/policy/dates';
import { evaluate, fen, maxAmountOf, yuan } from '../../src';
import { application, DRAFT, FIRM, priorFrom } from './fixtures';

const CAP = yuan(500_000);

const money = (max: bigint) => fc.bigInt({ min: 0n, max }).map((v) => fen(v));
const dayIn2026 = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n));

/** Inputs that vary every field the amount can depend on, valid or not. */
const inputFor: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'scenario-case': fc.record({ selectedOn: dayIn2026 }),
  'key-project': fc.record({
    trancheNo: fc.integer({ min: 0, max: 5 }),
    condition: fc.constantFrom('signing', 'mid-term', 'acceptance', 'award'),
    conditionMetOn: dayIn2026,
    trancheAmount: money(yuan(8_000_000)),
  }),
  'rd-platform': fc.record({
    level: fc.constantFrom('national', 'provincial', 'city'),
    platformName: fc.constantFrom('甲实验室', '乙中心', '甲 实验室'),
    recognisedOn: dayIn2026,
  }),
  'talent-team': fc.record({
    category: fc.constantFrom('A', 'B', 'C', 'D'),
    approvedOn: dayIn2026,
  }),
  'academician-workstation-provincial': fc.record({ approvedOn: dayIn2026 }),
  'academician-centre-city': fc.record({ approvedOn: dayIn2026 }),
  'academician-workstation-city': fc.record({ approvedOn: dayIn2026 }),
  'tech-transfer': fc.record({
    contractNo: fc.constantFrom('HT-1', 'HT-2'),
    payments: fc.array(
      fc.record(
        {
          paidOn: fc.integer({ min: 31, max: 240 }).map((n) => addDays('2026-01-01', n)),
          amount: money(yuan(20_000_000)),
          voucherNo: fc.string({ minLength: 1, maxLength: 8 }),
        },
        { requiredKeys: ['paidOn', 'amount'] },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    contractAmount: money(yuan(100_000_000)),
  }),
  incubator: fc.record({
    level: fc.constantFrom('national', 'provincial', 'city'),
    recognisedOn: dayIn2026,
  }),
  'high-tech-enterprise': fc.record({ recognitionType: fc.constantFrom('first', 're') }),
  'innovation-contest': fc.record({ prize: fc.constantFrom('first', 'second', 'third') }),
};

const priorArb: fc.Arbitrary<PriorAward> = fc.record({
  ruleId: fc.constantFrom(...DRAFT.rules.map((r) => r.id)),
  applicationId: fc.constantFrom('A-1', 'A-2', 'A-3'),
  onceKeys: fc.array(
    fc.constantFrom('high-tech-first:orgyunzhi', 'rd-platform:orgszxy:甲实验室:provincial'),
  ),
  itemKey: fc.constantFrom(
    'tech-transfer:orgyunzhi:ht1',
    'rd-platform:orgszxy:甲实验室',
    'incubator:orgyunzhi:x',
  ),
  amount: money(yuan(3_000_000)),
  year: fc.constant(2026),
});

const historyArb: fc.Arbitrary<AwardHistory> = fc.record({
  priorAwards: fc.array(priorArb, { maxLength: 4 }),
  approvedThisYear: fc.integer({ min: 0, max: 12 }),
});

const caseArb = fc.constantFrom(...DRAFT.rules.map((r) => r.id)).chain((ruleId) =>
  fc.record({
    ruleId: fc.constant(ruleId),
    patch: inputFor[ruleId]!,
    appliedOn: fc.integer({ min: 240, max: 420 }).map((n) => addDays('2026-01-01', n)),
    history: historyArb,
  }),
);

function evaluateCase(c: {
  ruleId: string;
  patch: Record<string, unknown>;
  appliedOn: string;
  history: AwardHistory;
}) {
  return evaluate(
    DRAFT,
    c.ruleId,
    application(c.ruleId, { appliedOn: c.appliedOn, inputPatch: c.patch }),
    c.history,
  );
}

describe('properties of every award', () => {
  it('never pays more than the rule’s cap, never a negative amount, and nothing when refused', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const e = evaluateCase(c);
        const rule = DRAFT.rules.find((r) => r.id === c.ruleId)!;
        expect(e.amount).toBeGreaterThanOrEqual(0n);
        expect(e.computedAmount).toBeGreaterThanOrEqual(0n);
        expect(e.amount).toBeLessThanOrEqual(maxAmountOf(rule.formula));
        expect(e.computedAmount).toBeLessThanOrEqual(maxAmountOf(rule.formula));
        if (!e.eligible) expect(e.amount).toBe(0n);
        if (e.eligible) expect(e.amount).toBe(e.computedAmount);
        expect(e.eligible).toBe(e.refusals.length === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same application and history give the same evaluation', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = evaluateCase(c);
        const b = evaluateCase(structuredClone(c));
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the form contains', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRAFT.rules.map((r) => r.id)),
        fc.anything({ withBigInt: true, withDate: true, withMap: true }),
        (ruleId, input) => {
          const e = evaluate(DRAFT, ruleId, { ...application(ruleId), input });
          expect(e.amount).toBeGreaterThanOrEqual(0n);
          if (!e.eligible) expect(e.amount).toBe(0n);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('properties of 四.8 across several payments on one contract', () => {
  it('never pays more than ¥500,000 in total on one contract, however the payments are split', () => {
    fc.assert(
      fc.property(fc.array(money(yuan(6_000_000)), { minLength: 1, maxLength: 12 }), (payments) => {
        const priors: PriorAward[] = [];
        let total = fen(0);
        let paidBefore = fen(0);
        payments.forEach((amount, i) => {
          const e = evaluate(
            DRAFT,
            'tech-transfer',
            application('tech-transfer', {
              applicant: FIRM,
              appliedOn: '2026-12-31',
              inputPatch: {
                contractAmount: yuan(100_000_000),
                payments: [{ paidOn: addDays('2026-03-01', i), amount, voucherNo: `HX${i}` }],
              },
            }),
            { priorAwards: priors, approvedThisYear: 0 },
          );
          const expected = (() => {
            const tenth = (amount / 10n) as Fen;
            const left = CAP - paidBefore;
            return tenth < left ? tenth : left;
          })();
          expect(e.computedAmount).toBe(expected);
          if (e.eligible) {
            priors.push(priorFrom(e, `A-${i}`));
            total = (total + e.amount) as Fen;
            paidBefore = (paidBefore + e.amount) as Fen;
          }
        });
        expect(total).toBeLessThanOrEqual(CAP);
        const sumTenths = payments.reduce((s, p) => s + p / 10n, 0n);
        expect(total).toBe(sumTenths < CAP ? sumTenths : CAP);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds every payment’s 10% down to the fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n, max: yuan(5_000_000) }), (amount) => {
        const e = evaluate(
          DRAFT,
          'tech-transfer',
          application('tech-transfer', {
            inputPatch: { payments: [{ paidOn: '2026-03-01', amount, voucherNo: 'HX1' }] },
          }),
        );
        expect(e.amount).toBe(amount / 10n);
        expect(e.amount * 10n).toBeLessThanOrEqual(amount);
      }),
    );
  });
});

describe('properties of 四.2 across the tranches of one project', () => {
  const PROJECT_CAP = yuan(5_000_000);

  it('pays each tranche as contracted until the project’s ¥5,000,000 is used up, and each tranche once', () => {
    fc.assert(
      fc.property(fc.array(money(yuan(3_000_000)), { minLength: 1, maxLength: 4 }), (tranches) => {
        const priors: PriorAward[] = [];
        let paid = fen(0);
        tranches.forEach((amount, i) => {
          const e = evaluate(
            DRAFT,
            'key-project',
            application('key-project', {
              applicant: FIRM,
              appliedOn: '2026-12-31',
              inputPatch: { trancheNo: i + 1, trancheAmount: amount, conditionMetOn: '2026-12-01' },
            }),
            { priorAwards: priors, approvedThisYear: 0 },
          );
          const left = PROJECT_CAP - paid;
          expect(e.computedAmount).toBe(amount < left ? amount : left);
          if (e.eligible) {
            priors.push(priorFrom(e, `T-${i}`));
            paid = (paid + e.amount) as Fen;
            // The same tranche raised again is refused on its once-key.
            const again = evaluate(
              DRAFT,
              'key-project',
              application('key-project', {
                applicant: FIRM,
                appliedOn: '2026-12-31',
                inputPatch: {
                  trancheNo: i + 1,
                  trancheAmount: amount,
                  conditionMetOn: '2026-12-01',
                },
              }),
              { priorAwards: priors, approvedThisYear: 0 },
            );
            expect(again.eligible).toBe(false);
          }
        });
        expect(paid).toBeLessThanOrEqual(PROJECT_CAP);
      }),
      { numRuns: 200 },
    );
  });
});
