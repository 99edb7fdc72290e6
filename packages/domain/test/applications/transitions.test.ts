import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  APPLICATION_STATUS_CODES,
  APPLICATION_STATUS_LABELS,
  AWARDED_STATUSES,
  CONFLICT_OF_INTEREST_MESSAGE,
  EDITABLE_STATUSES,
  FINAL_STATUSES,
  OFFICER_ROLE_CODES,
  TRANSITIONS,
  allowedActions,
  applicationStatusName,
  findTransition,
  isApplicationStatus,
  planTransition,
} from '../../src';
import type {
  ActorKind,
  ApplicationAction,
  ApplicationStatus,
  OfficerRole,
  TransitionActor,
  TransitionRequest,
} from '../../src';

const AREA = 'yongqiao';
const owner: TransitionActor = { kind: 'applicant', isOwner: true };
const officer = (role: OfficerRole, areaCode: string | null = null): TransitionActor => ({
  kind: 'officer',
  role,
  areaCode,
});
/** An actor of this kind who is entitled as far as ownership and area go. */
function entitled(kind: ActorKind): TransitionActor {
  return kind === 'applicant' ? owner : officer(kind, kind === 'area-officer' ? AREA : null);
}

function plan(
  status: ApplicationStatus,
  action: ApplicationAction,
  actor: TransitionActor,
  extra: Partial<TransitionRequest> = {},
) {
  return planTransition({
    status,
    action,
    actor,
    applicationAreaCode: AREA,
    comment: '材料不全，请补充',
    ...extra,
  });
}

const ALL_ACTORS: ActorKind[] = ['applicant', ...OFFICER_ROLE_CODES];

/** The flow of the brief, written out independently of the table. */
const EXPECTED: [ApplicationAction, ApplicationStatus, ApplicationStatus, ActorKind[]][] = [
  ['submit', 'draft', 'submitted', ['applicant']],
  ['submit', 'returned', 'submitted', ['applicant']],
  ['withdraw', 'draft', 'withdrawn', ['applicant']],
  ['withdraw', 'submitted', 'withdrawn', ['applicant']],
  ['withdraw', 'area-review', 'withdrawn', ['applicant']],
  ['withdraw', 'bureau-review', 'withdrawn', ['applicant']],
  ['withdraw', 'returned', 'withdrawn', ['applicant']],
  ['accept-area', 'submitted', 'area-review', ['area-officer', 'bureau-admin', 'bureau-reviewer']],
  ['forward', 'area-review', 'bureau-review', ['area-officer', 'bureau-admin', 'bureau-reviewer']],
  ['return', 'area-review', 'returned', ['area-officer', 'bureau-admin', 'bureau-reviewer']],
  ['return', 'bureau-review', 'returned', ['bureau-admin', 'bureau-reviewer']],
  ['approve', 'bureau-review', 'approved', ['bureau-admin', 'bureau-reviewer']],
  ['reject', 'bureau-review', 'rejected', ['bureau-admin', 'bureau-reviewer']],
  ['publish-notice', 'approved', 'in-notice', ['bureau-admin', 'bureau-reviewer']],
  ['close-notice', 'in-notice', 'notice-passed', ['bureau-admin', 'bureau-reviewer']],
  ['uphold-objection', 'in-notice', 'bureau-review', ['bureau-admin', 'bureau-reviewer']],
  ['add-to-disbursement', 'notice-passed', 'in-disbursement', ['finance-officer', 'bureau-admin']],
  [
    'remove-from-disbursement',
    'in-disbursement',
    'notice-passed',
    ['finance-officer', 'bureau-admin'],
  ],
  ['mark-paid', 'in-disbursement', 'paid', ['finance-officer']],
];

describe('statuses', () => {
  it('has the twelve statuses with Chinese labels', () => {
    expect(APPLICATION_STATUS_CODES).toHaveLength(12);
    expect(APPLICATION_STATUS_LABELS).toEqual({
      draft: '草稿',
      submitted: '已提交',
      'area-review': '县区审核中',
      'bureau-review': '市局审核中',
      returned: '退回修改',
      approved: '已批准',
      rejected: '未通过',
      withdrawn: '已撤回',
      'in-notice': '公示中',
      'notice-passed': '公示期满',
      'in-disbursement': '拨付中',
      paid: '已拨付',
    });
    expect(applicationStatusName('paid')).toBe('已拨付');
    expect(isApplicationStatus('area-review')).toBe(true);
    expect(isApplicationStatus('pulled-back')).toBe(false);
  });

  it('final statuses have no way out; every other status has one', () => {
    for (const { code } of APPLICATION_STATUSES) {
      const out = TRANSITIONS.some((t) => t.from.includes(code));
      expect(out, code).toBe(!FINAL_STATUSES.includes(code));
    }
    expect([...EDITABLE_STATUSES]).toEqual(['draft', 'returned']);
    expect([...AWARDED_STATUSES]).toEqual([
      'approved',
      'in-notice',
      'notice-passed',
      'in-disbursement',
      'paid',
    ]);
  });

  it('every status is reachable from draft', () => {
    const seen = new Set<ApplicationStatus>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS)
        if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...APPLICATION_STATUS_CODES].sort());
  });

  it('at most one table row matches an (action, status)', () => {
    for (const { code: action } of APPLICATION_ACTIONS)
      for (const status of APPLICATION_STATUS_CODES)
        expect(
          TRANSITIONS.filter((t) => t.action === action && t.from.includes(status)).length,
          `${action} from ${status}`,
        ).toBeLessThanOrEqual(1);
  });
});

describe('planTransition: every allowed transition', () => {
  it('the table is exactly the expected flow', () => {
    const fromTable = TRANSITIONS.flatMap((t) =>
      t.from.map((f) => [t.action, f, t.to, [...t.actors].sort()]),
    );
    expect(fromTable.sort()).toEqual(
      EXPECTED.map(([a, f, to, actors]) => [a, f, to, [...actors].sort()]).sort(),
    );
  });

  for (const [action, from, to, actors] of EXPECTED) {
    it(`${action}: ${from} → ${to} by ${actors.join(', ')}; no one else`, () => {
      for (const kind of ALL_ACTORS) {
        const result = plan(from, action, entitled(kind));
        if (actors.includes(kind)) expect(result, kind).toMatchObject({ ok: true, to });
        else expect(result, kind).toMatchObject({ ok: false, code: 'WRONG_ROLE' });
      }
    });
  }

  it('bureau roles perform the area step for any area, and for city-wide applications', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer'] as const) {
      expect(
        plan('submitted', 'accept-area', officer(role), { applicationAreaCode: 'sixian' }),
      ).toMatchObject({ ok: true, to: 'area-review' });
      expect(
        plan('area-review', 'forward', officer(role), { applicationAreaCode: null }),
      ).toMatchObject({ ok: true, to: 'bureau-review' });
    }
  });

  it('the full happy path, step by step', () => {
    const steps: [ApplicationAction, TransitionActor][] = [
      ['submit', owner],
      ['accept-area', officer('area-officer', AREA)],
      ['forward', officer('area-officer', AREA)],
      ['approve', officer('bureau-reviewer')],
      ['publish-notice', officer('bureau-admin')],
      ['close-notice', officer('bureau-admin')],
      ['add-to-disbursement', officer('finance-officer')],
      ['mark-paid', officer('finance-officer')],
    ];
    let status: ApplicationStatus = 'draft';
    const path: ApplicationStatus[] = [status];
    for (const [action, actor] of steps) {
      const result = plan(status, action, actor, { comment: undefined });
      if (!result.ok) throw new Error(`${action}: ${result.message}`);
      status = result.to;
      path.push(status);
    }
    expect(path).toEqual([
      'draft',
      'submitted',
      'area-review',
      'bureau-review',
      'approved',
      'in-notice',
      'notice-passed',
      'in-disbursement',
      'paid',
    ]);
  });
});

describe('planTransition: refusals', () => {
  it('wrong role', () => {
    const r = plan('bureau-review', 'approve', officer('area-officer', AREA));
    expect(r).toEqual({ ok: false, code: 'WRONG_ROLE', message: expect.stringContaining('批准') });
    expect(plan('bureau-review', 'approve', owner)).toMatchObject({
      ok: false,
      code: 'WRONG_ROLE',
      message: '申请人无权执行“批准”',
    });
    expect(plan('in-disbursement', 'mark-paid', officer('bureau-admin'))).toMatchObject({
      ok: false,
      code: 'WRONG_ROLE',
    });
    expect(plan('draft', 'submit', officer('bureau-admin'))).toMatchObject({
      ok: false,
      code: 'WRONG_ROLE',
    });
    // May return in general, but not once the application is with the bureau.
    expect(plan('bureau-review', 'return', officer('area-officer', AREA))).toMatchObject({
      ok: false,
      code: 'WRONG_ROLE',
      message: '该申请当前为“市局审核中”，县区园区管理员不能执行“退回修改”',
    });
  });

  it('another area, or an area officer without an area', () => {
    expect(plan('submitted', 'accept-area', officer('area-officer', 'dangshan'))).toEqual({
      ok: false,
      code: 'OTHER_AREA',
      message: '只能办理本县区或园区的申请',
    });
    expect(
      plan('area-review', 'forward', officer('area-officer', AREA), { applicationAreaCode: null }),
    ).toMatchObject({ ok: false, code: 'OTHER_AREA' });
    expect(plan('submitted', 'accept-area', officer('area-officer', null))).toMatchObject({
      ok: false,
      code: 'NO_AREA',
    });
  });

  it('skipped state (e.g. approve from submitted)', () => {
    expect(plan('submitted', 'approve', officer('bureau-reviewer'))).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
      message: '该申请当前为“已提交”，不能执行“批准”',
    });
    expect(plan('approved', 'mark-paid', officer('finance-officer'))).toMatchObject({
      code: 'WRONG_STATUS',
    });
    expect(plan('approved', 'add-to-disbursement', officer('finance-officer'))).toMatchObject({
      code: 'WRONG_STATUS',
    });
    expect(plan('submitted', 'forward', officer('area-officer', AREA))).toMatchObject({
      code: 'WRONG_STATUS',
    });
    expect(plan('approved', 'withdraw', owner)).toMatchObject({ code: 'WRONG_STATUS' });
    expect(plan('area-review', 'submit', owner)).toMatchObject({ code: 'WRONG_STATUS' });
  });

  it('every (status, action, entitled actor) not in the table is refused', () => {
    const allowed = new Set(
      EXPECTED.map(([a, f, , actors]) => actors.map((k) => `${a}|${f}|${k}`)).flat(),
    );
    for (const status of APPLICATION_STATUS_CODES)
      for (const { code: action } of APPLICATION_ACTIONS)
        for (const kind of ALL_ACTORS) {
          const result = plan(status, action, entitled(kind));
          expect(result.ok, `${action} from ${status} by ${kind}`).toBe(
            allowed.has(`${action}|${status}|${kind}`),
          );
        }
  });

  it('comment missing for return, reject and an upheld objection', () => {
    for (const [status, action] of [
      ['area-review', 'return'],
      ['bureau-review', 'return'],
      ['bureau-review', 'reject'],
      ['in-notice', 'uphold-objection'],
    ] as const) {
      for (const comment of [undefined, null, '', '   \n'])
        expect(plan(status, action, officer('bureau-admin'), { comment })).toMatchObject({
          ok: false,
          code: 'COMMENT_REQUIRED',
        });
      expect(plan(status, action, officer('bureau-admin'), { comment: '理由' }).ok).toBe(true);
    }
    expect(
      plan('bureau-review', 'approve', officer('bureau-admin'), { comment: undefined }).ok,
    ).toBe(true);
    expect(
      plan('bureau-review', 'approve', officer('bureau-admin'), { comment: '好'.repeat(1001) }),
    ).toMatchObject({ ok: false, code: 'COMMENT_TOO_LONG' });
  });

  it('acting on a paid (or rejected, withdrawn) application', () => {
    for (const kind of ALL_ACTORS)
      for (const { code: action } of APPLICATION_ACTIONS)
        expect(plan('paid', action, entitled(kind))).toMatchObject({
          ok: false,
          code: 'FINAL_STATUS',
        });
    expect(plan('paid', 'mark-paid', officer('finance-officer'))).toEqual({
      ok: false,
      code: 'FINAL_STATUS',
      message: '该申请已拨付，已办结，不能再确认已拨付',
    });
    expect(plan('rejected', 'submit', owner)).toMatchObject({ code: 'FINAL_STATUS' });
    expect(plan('withdrawn', 'submit', owner)).toMatchObject({ code: 'FINAL_STATUS' });
  });

  it("someone else's application", () => {
    expect(plan('draft', 'submit', { kind: 'applicant', isOwner: false })).toMatchObject({
      ok: false,
      code: 'NOT_OWNER',
    });
    expect(plan('submitted', 'withdraw', { kind: 'applicant', isOwner: false })).toMatchObject({
      code: 'NOT_OWNER',
    });
  });

  it('an unknown action (from untyped input)', () => {
    expect(plan('draft', 'pay-twice' as ApplicationAction, owner)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    });
  });

  it('has a conflict-of-interest message for the API', () => {
    expect(CONFLICT_OF_INTEREST_MESSAGE).toMatch(/回避/);
  });
});

describe('allowedActions', () => {
  const actions = (status: ApplicationStatus, actor: TransitionActor, area: string | null = AREA) =>
    allowedActions({ status, actor, applicationAreaCode: area }).map((a) => a.action);

  it('lists what each actor may do now', () => {
    expect(actions('draft', owner)).toEqual(['submit', 'withdraw']);
    expect(actions('returned', owner)).toEqual(['submit', 'withdraw']);
    expect(actions('bureau-review', owner)).toEqual(['withdraw']);
    expect(actions('approved', owner)).toEqual([]);
    expect(actions('submitted', officer('area-officer', AREA))).toEqual(['accept-area']);
    expect(actions('submitted', officer('area-officer', 'dangshan'))).toEqual([]);
    expect(actions('area-review', officer('area-officer', AREA))).toEqual(['forward', 'return']);
    expect(actions('bureau-review', officer('area-officer', AREA))).toEqual([]);
    expect(actions('bureau-review', officer('bureau-reviewer'))).toEqual([
      'return',
      'approve',
      'reject',
    ]);
    expect(actions('in-notice', officer('bureau-admin'))).toEqual([
      'close-notice',
      'uphold-objection',
    ]);
    expect(actions('in-disbursement', officer('finance-officer'))).toEqual([
      'remove-from-disbursement',
      'mark-paid',
    ]);
    expect(actions('paid', officer('bureau-admin'))).toEqual([]);
  });

  it('flags the actions that need a comment and agrees with planTransition', () => {
    const list = allowedActions({
      status: 'bureau-review',
      actor: officer('bureau-admin'),
      applicationAreaCode: null,
    });
    expect(list.map((a) => [a.action, a.needsComment, a.to, a.label])).toEqual([
      ['return', true, 'returned', '退回修改'],
      ['approve', false, 'approved', '批准'],
      ['reject', true, 'rejected', '不予通过'],
    ]);
    for (const a of list) expect(findTransition('bureau-review', a.action)?.to).toBe(a.to);
  });
});
