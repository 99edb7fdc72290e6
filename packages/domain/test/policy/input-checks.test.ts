import { describe, expect, it } from 'vitest';
import type { AwardApplication, PolicySet } from '../../src';
import { decide, derivePolicySet, EMPTY_HISTORY, inForceThroughout, yuan } from '../../src';
import { decideReusingCheck } from '../../src/policy/engine';
import { LastInputCheck } from '../../src/policy/input-checks';
import { application, DRAFT, OTHER_FIRM } from './fixtures';
import { PERIOD, PROPOSED } from './sandbox/fixtures';

/**
 * The 政策沙盘 decides each application under two versions straight after each other and reuses
 * the first decision's parse for the second. A reused parse must never be another input's, another
 * schema's or another date's: each decision here must be the one `decide` makes alone.
 */

/** 四.8 with a stricter form: a contract numbered HT-VOID is refused. */
const STRICT: PolicySet = derivePolicySet(DRAFT, {
  id: 'suzhou-future-strict-form',
  version: 'strict',
  effectiveFrom: DRAFT.effectiveFrom,
  reviseRules: {
    'tech-transfer': (rule) => ({
      ...rule,
      inputSchema: rule.inputSchema.refine(
        (input) => (input as { contractNo?: unknown }).contractNo !== 'HT-VOID',
        { error: '该合同已作废', path: ['contractNo'] },
      ),
    }),
  },
});

const voidContract = application('tech-transfer', { inputPatch: { contractNo: 'HT-VOID' } });

/** Decides each in turn reusing one check; each decision must be the one `decide` makes alone. */
function decidedInTurn(turns: readonly [PolicySet, AwardApplication][]) {
  const last = new LastInputCheck();
  return turns.map(([set, app]) => {
    const reused = decideReusingCheck(set, 'tech-transfer', app, EMPTY_HISTORY, last);
    expect(reused).toEqual(decide(set, 'tech-transfer', app));
    return reused;
  });
}

describe('a decision reusing the last input check', () => {
  it('decides as `decide` does when the same input is decided again under a version sharing the schema', () => {
    // A contract paid ¥9,000,000: 10 % is above the draft's cap, not the proposal's.
    const app = application('tech-transfer', {
      inputPatch: {
        contractAmount: yuan(10_000_000),
        payments: [{ paidOn: '2026-08-01', amount: yuan(9_000_000), voucherNo: 'V1' }],
      },
    });
    // The proposal as the sandbox replays it: in force on the day of application.
    const proposed = inForceThroughout(PROPOSED, PERIOD);
    const turns = decidedInTurn([
      [DRAFT, app],
      [proposed, app],
      [DRAFT, app],
    ]);
    expect(turns.map((t) => t.amount)).toEqual([yuan(500_000), yuan(800_000), yuan(500_000)]);
  });

  it('parses again under a version that gives the rule a new schema, in either order', () => {
    for (const order of [
      [DRAFT, STRICT],
      [STRICT, DRAFT],
    ] as const) {
      const turns = decidedInTurn(order.map((set) => [set, voidContract] as const));
      const strict = turns[order.indexOf(STRICT)]!;
      expect(strict.eligible).toBe(false);
      expect(strict.refusals).toContainEqual({
        code: 'INVALID_INPUT',
        message: '该合同已作废',
        field: 'contractNo',
      });
      expect(turns[order.indexOf(DRAFT)]!.eligible).toBe(true);
    }
  });

  it('checks again the same input applied for on another day: its dates are judged against that day', () => {
    const early = { ...voidContract, appliedOn: '2026-01-15' };
    const turns = decidedInTurn([
      [DRAFT, voidContract],
      [DRAFT, early],
    ]);
    expect(turns[1]!.refusals.map((r) => r.code)).toContain('EVENT_AFTER_APPLICATION');
  });

  it('checks again an equal input that is another object: an input is known by itself, not its text', () => {
    const changed = {
      ...voidContract,
      input: { ...(voidContract.input as Record<string, unknown>), contractAmount: -1n },
    };
    const turns = decidedInTurn([
      [DRAFT, voidContract],
      [DRAFT, changed],
    ]);
    expect(turns[1]!.refusals.map((r) => r.code)).toContain('INVALID_INPUT');
  });

  it('works out the award’s keys again for another applicant or a rule that names them otherwise', () => {
    const byYear: PolicySet = derivePolicySet(DRAFT, {
      id: 'suzhou-future-voucher-by-year',
      version: 'by-year',
      effectiveFrom: DRAFT.effectiveFrom,
      reviseRules: {
        'tech-transfer': (rule) => ({
          ...rule,
          onceOnly: (input, applicant) =>
            (rule.onceOnly?.(input, applicant) ?? []).map((once) => ({
              ...once,
              key: `${once.key}:2026`,
            })),
        }),
      },
    });
    const app = application('tech-transfer');
    const other = { ...app, applicant: OTHER_FIRM };
    const turns = decidedInTurn([
      [DRAFT, app],
      [byYear, app],
      [DRAFT, app],
      [DRAFT, other],
    ]);
    const [draft, yearly, again, otherFirm] = turns.map((t) => t.onceKeys[0]);
    expect(yearly).toBe(`${draft}:2026`);
    expect(again).toBe(draft);
    expect(otherFirm).not.toBe(draft);
    expect(turns[3]!.itemKey).not.toBe(turns[0]!.itemKey);
  });
});
