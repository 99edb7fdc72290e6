import { describe, expect, it } from 'vitest';
import {
  VP_BUREAU_ROLES,
  VP_CALL_ACTIONS,
  VP_CALL_ACTION_CODES,
  VP_CALL_STATUS_CODES,
  VP_EVALUATOR_ROLES,
  planVpCallTransition,
  termEndDate,
  vpCallActionName,
  vpCallActionsFrom,
  vpCallStatusName,
} from '../../src/matching/call';
import type { VpCallAction, VpCallStatus } from '../../src/matching/call';

/** The call's life as the programme runs it: action → [from, to]. */
const LIFE: Record<VpCallAction, [VpCallStatus, VpCallStatus]> = {
  'open-applications': ['open', 'collecting'],
  'start-matching': ['collecting', 'matching'],
  'confirm-matches': ['matching', 'notice'],
  'return-to-matching': ['notice', 'matching'],
  'confirm-call': ['notice', 'confirmed'],
  close: ['confirmed', 'closed'],
};

describe('planVpCallTransition', () => {
  for (const [action, [from, to]] of Object.entries(LIFE) as [
    VpCallAction,
    [VpCallStatus, VpCallStatus],
  ][]) {
    it(`${action}: ${from} → ${to}, and refused from every other status`, () => {
      expect(planVpCallTransition(from, action)).toEqual({ ok: true, to });
      for (const status of VP_CALL_STATUS_CODES) {
        if (status === from) continue;
        expect(planVpCallTransition(status, action)).toEqual({
          ok: false,
          reason: 'wrong-status',
          allowedFrom: from,
        });
      }
    });
  }

  it('covers every action the programme defines', () => {
    expect([...VP_CALL_ACTION_CODES].sort()).toEqual(Object.keys(LIFE).sort());
  });

  it('walks a whole call, with one objection upheld during the notice', () => {
    const steps: VpCallAction[] = [
      'open-applications',
      'start-matching',
      'confirm-matches',
      'return-to-matching',
      'confirm-matches',
      'confirm-call',
      'close',
    ];
    let status: VpCallStatus = 'open';
    const seen: VpCallStatus[] = [status];
    for (const action of steps) {
      const plan = planVpCallTransition(status, action);
      if (!plan.ok) throw new Error(`${action} refused from ${status}`);
      status = plan.to;
      seen.push(status);
    }
    expect(seen).toEqual([
      'open',
      'collecting',
      'matching',
      'notice',
      'matching',
      'notice',
      'confirmed',
      'closed',
    ]);
  });

  it('throws on an action it does not know', () => {
    expect(() => planVpCallTransition('open', 'reopen' as VpCallAction)).toThrow(RangeError);
  });
});

describe('vpCallActionsFrom', () => {
  it('lists what can be done in each status', () => {
    expect(vpCallActionsFrom('open')).toEqual(['open-applications']);
    expect(vpCallActionsFrom('collecting')).toEqual(['start-matching']);
    expect(vpCallActionsFrom('matching')).toEqual(['confirm-matches']);
    expect(vpCallActionsFrom('notice')).toEqual(['return-to-matching', 'confirm-call']);
    expect(vpCallActionsFrom('confirmed')).toEqual(['close']);
    expect(vpCallActionsFrom('closed')).toEqual([]);
  });

  it('agrees with planVpCallTransition for every status and action', () => {
    for (const status of VP_CALL_STATUS_CODES) {
      for (const action of VP_CALL_ACTION_CODES) {
        expect(planVpCallTransition(status, action).ok).toBe(
          vpCallActionsFrom(status).includes(action),
        );
      }
    }
  });
});

describe('names and roles', () => {
  it('names statuses and actions in Chinese', () => {
    expect(vpCallStatusName('notice')).toBe('公示中');
    expect(vpCallStatusName('confirmed')).toBe('履职中');
    expect(vpCallActionName('return-to-matching')).toBe('撤回公示，重新匹配');
    for (const a of VP_CALL_ACTIONS) expect(a.name).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets the bureau run calls and area officers only evaluate', () => {
    expect(VP_BUREAU_ROLES).toEqual(['bureau-admin', 'bureau-reviewer']);
    expect(VP_EVALUATOR_ROLES).toEqual(['bureau-admin', 'bureau-reviewer', 'area-officer']);
  });
});

describe('termEndDate', () => {
  it('ends a two-year term the day before the second anniversary', () => {
    expect(termEndDate('2026-12-01', 2)).toBe('2028-11-30');
    expect(termEndDate('2026-01-01', 2)).toBe('2027-12-31');
  });

  it('ends on 29 February when the anniversary is 1 March of a leap year', () => {
    expect(termEndDate('2026-03-01', 2)).toBe('2028-02-29');
    expect(termEndDate('2027-03-01', 2)).toBe('2029-02-28');
  });

  it('ends a term starting on 29 February on 28 February', () => {
    expect(termEndDate('2028-02-29', 2)).toBe('2030-02-28');
    expect(termEndDate('2028-02-29', 1)).toBe('2029-02-28');
    // four years on is a leap year again: the anniversary exists, the day before is 28 February
    expect(termEndDate('2028-02-29', 4)).toBe('2032-02-28');
  });

  it('handles one-year and three-year terms and month ends', () => {
    expect(termEndDate('2026-07-01', 1)).toBe('2027-06-30');
    expect(termEndDate('2026-08-31', 3)).toBe('2029-08-30');
  });
});
