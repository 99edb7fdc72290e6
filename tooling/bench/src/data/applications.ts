/**
 * Applications with everything the app writes beside them: the timeline, audit rows, messages to
 * the applicant's people, once-keys, notice items, disbursements and ledger entries. Amounts and
 * once-keys come from the policy engine (`evaluate`), quotas and once-only keys are enforced the
 * way approval enforces them (a refused approval becomes a rejection with the engine's reason).
 */
import superjson from 'superjson';
import { formatNumber } from '@kc/db';
import type { ApplicationStatus, AwardApplicant, PolicySet, Rule } from '@kc/domain';
import { AWARDED_STATUSES, applicantMessage, evaluate, todayInShanghai } from '@kc/domain';
import { INPUT_GENERATORS } from './inputs';
import type { OrgRow, ResearcherRow } from './people';
import type { Rng } from './random';
import type { DisbursementBatchPlan, NoticeBatchPlan } from './schedule';
import { DAY, HOUR, dayOf } from './schedule';
import type { Cell } from './sink';

export interface Officer {
  id: string;
  role: string;
  areaCode: string | null;
}

export interface Staff {
  admin: Officer;
  reviewers: Officer[];
  finance: Officer;
  areaOfficers: Map<string, Officer>;
}

/** How often each status is the one an application is in now (a province-scale mix). */
const STATUS_MIX: readonly (readonly [ApplicationStatus, number])[] = [
  ['draft', 5],
  ['submitted', 7],
  ['area-review', 7],
  ['bureau-review', 7],
  ['returned', 4],
  ['rejected', 9],
  ['withdrawn', 3],
  ['approved', 4],
  ['in-notice', 5],
  ['notice-passed', 6],
  ['in-disbursement', 6],
  ['paid', 37],
];

const RULE_MIX: Record<string, number> = {
  'high-tech-enterprise': 12,
  'tech-transfer': 30,
  'innovation-contest': 15,
  'rd-platform': 10,
  'talent-team': 8,
  incubator: 6,
  'scenario-case': 5,
  'academician-workstation-provincial': 3,
  'academician-centre-city': 3,
  'academician-workstation-city': 3,
};

const RETURN_REASONS = [
  '请补充银行转账凭证的清晰扫描件。',
  '认定文件与申报主体名称不一致，请核对。',
  '信用承诺书未加盖公章，请重新上传。',
];
const REJECT_REASONS = [
  '经审核，申报事项不符合政策支持条件。',
  '认定文件不在本年度政策支持范围内。',
];

export interface AppTables {
  application: Cell[][];
  application_event: Cell[][];
  audit_log: Cell[][];
  notification: Cell[][];
  award_once_key: Cell[][];
  notice_item: Cell[][];
  disbursement: Cell[][];
  ledger_entry: Cell[][];
}

export const emptyTables = (): AppTables => ({
  application: [],
  application_event: [],
  audit_log: [],
  notification: [],
  award_once_key: [],
  notice_item: [],
  disbursement: [],
  ledger_entry: [],
});

interface Step {
  action: string;
  to: ApplicationStatus;
  at: number;
  actor: Officer | 'applicant';
  comment?: string;
}

/** The review path that leads to each status (before notice and payment). */
const PATH: Record<string, readonly { action: string; to: ApplicationStatus }[]> = {
  draft: [],
  submitted: [{ action: 'submit', to: 'submitted' }],
  'area-review': [
    { action: 'submit', to: 'submitted' },
    { action: 'accept-area', to: 'area-review' },
  ],
  'bureau-review': [
    { action: 'submit', to: 'submitted' },
    { action: 'accept-area', to: 'area-review' },
    { action: 'forward', to: 'bureau-review' },
  ],
  returned: [
    { action: 'submit', to: 'submitted' },
    { action: 'accept-area', to: 'area-review' },
    { action: 'return', to: 'returned' },
  ],
  withdrawn: [
    { action: 'submit', to: 'submitted' },
    { action: 'withdraw', to: 'withdrawn' },
  ],
  decided: [
    { action: 'submit', to: 'submitted' },
    { action: 'accept-area', to: 'area-review' },
    { action: 'forward', to: 'bureau-review' },
  ],
};

export interface Budgets {
  /** `${ruleId}:${year}` → sums */
  get(key: string): { committed: bigint; paid: bigint; count: number } | undefined;
  set(key: string, value: { committed: bigint; paid: bigint; count: number }): void;
}

export interface AppContext {
  rng: Rng;
  set: PolicySet;
  staff: Staff;
  orgs: readonly OrgRow[];
  researchers: readonly ResearcherRow[];
  notices: readonly NoticeBatchPlan[];
  disbursements: readonly DisbursementBatchPlan[];
  start: number;
  now: number;
  /** once-keys taken by awards so far (the unique table) */
  onceKeys: Set<string>;
  budgets: Map<string, { committed: bigint; paid: bigint; count: number }>;
  /** awards that already count against each `${ruleId}:${year}` quota (--append) */
  quotaBase: Map<string, number>;
  /** the next application number of a year (number_counter) */
  number: (year: number) => number;
  /** items per batch id (to drop batches nobody was placed in) */
  batchUse: Map<string, bigint>;
  stats: {
    ineligible: number;
    quota: number;
    duplicate: number;
    /** `${ruleId}:${refusal code}` → drafts the engine refused */
    refusals: Record<string, number>;
  };
}

const gap = (rng: Rng) => rng.int(1, 5) * DAY + rng.int(0, 7) * HOUR;
const ipOf = (rng: Rng) => `223.${rng.int(240, 247)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;

export function generateApplication(c: AppContext, serial: number, out: AppTables): void {
  const { rng } = c;
  let status = rng.weighted(STATUS_MIX);
  const rule = pickRule(c);
  const researcherApplies = rule.applicants.researchers === true && rng.chance(0.3);
  const firstOrg = researcherApplies ? null : pickOrg(c, rule, status === 'draft');
  const researcher = firstOrg ? null : rng.pick(c.researchers);
  if (!firstOrg && !researcher) return;
  const researcherId = researcher?.id ?? '';
  const researcherName = researcher?.name ?? '';
  const researcherUserId = researcher?.userId ?? '';
  let areaCode = firstOrg?.areaCode ?? null;

  // Batches first: an application past approval sits in a batch whose state matches its own.
  let notice: NoticeBatchPlan | undefined;
  let disb: DisbursementBatchPlan | undefined;
  if (status === 'paid' || status === 'in-disbursement') {
    // Paid batches span the whole history; an unpaid one is one of the latest.
    disb = (status === 'paid' ? pickAny : pickLate)(
      rng,
      c.disbursements.filter((d) => (status === 'paid' ? d.paidAt !== null : d.paidAt === null)),
    );
    notice =
      disb &&
      pickLate(
        rng,
        c.notices.filter((n) => n.closedAt !== null && n.closedAt < (disb?.createdAt ?? 0)),
      );
    if (!disb || !notice) status = 'notice-passed';
  }
  if (status === 'notice-passed' || status === 'in-notice') {
    notice ??= pickLate(
      rng,
      c.notices.filter((n) => (status === 'in-notice' ? n.closedAt === null : n.closedAt !== null)),
    );
    if (!notice) status = 'approved';
  }

  // The review path, walked back from its last step.
  const awarded = (AWARDED_STATUSES as readonly string[]).includes(status);
  const decided = awarded || status === 'rejected';
  const path = [...(PATH[decided ? 'decided' : status] ?? [])];
  let last: number;
  if (notice) last = notice.createdAt - rng.int(6, 96) * HOUR;
  else if (status === 'approved') last = c.now - rng.int(2, 13 * 24) * HOUR;
  else last = c.start + 30 * DAY + rng() * (c.now - c.start - 31 * DAY);
  const steps: Step[] = [];
  let t = last;
  const decision = decided ? (awarded ? 'approve' : 'reject') : null;
  if (decision)
    steps.unshift({
      action: decision,
      to: awarded ? 'approved' : 'rejected',
      at: t,
      actor: rng.pick(c.staff.reviewers),
    });
  for (let i = path.length - 1; i >= 0; i--) {
    if (steps.length > 0) t -= gap(rng);
    const p = path[i];
    if (!p) continue;
    const areaStep = p.action === 'accept-area' || p.action === 'forward' || p.action === 'return';
    const actor =
      p.action === 'submit' || p.action === 'withdraw'
        ? 'applicant'
        : areaStep
          ? (c.staff.areaOfficers.get(areaCode ?? '') ?? rng.pick(c.staff.reviewers))
          : rng.pick(c.staff.reviewers);
    steps.unshift({
      action: p.action,
      to: p.to,
      at: t,
      actor,
      ...(p.action === 'return' ? { comment: rng.pick(RETURN_REASONS) } : {}),
    });
  }
  const createdAt = (steps[0]?.at ?? last) - rng.int(1, 72) * HOUR;
  const submittedAt = steps.find((s) => s.action === 'submit')?.at ?? null;
  const appliedOn = todayInShanghai(new Date(submittedAt ?? createdAt));
  const id = rng.uuid();

  // The form, and what the engine makes of it on the day it was submitted.
  const eventFrom = Math.max(
    Date.parse(`${c.set.settings.coveredEventsFrom}T12:00:00+08:00`),
    Date.parse(`${appliedOn}T12:00:00+08:00`) - 300 * DAY,
  );
  const eventTo = Date.parse(`${appliedOn}T12:00:00+08:00`);
  // An award whose once-only key is taken is, most of the time, another organisation's
  // application: the same firm rarely applies twice for the same recognition.
  let evaluation!: ReturnType<typeof evaluate>;
  let input!: Record<string, unknown>;
  let org = firstOrg;
  for (let attempt = 0; attempt < 6; attempt++) {
    if (attempt > 0 && org) org = pickOrg(c, rule, status === 'draft') ?? org;
    input = (INPUT_GENERATORS[rule.id] ?? (() => ({})))(rng, {
      serial,
      eventDay: () => dayOf(eventFrom + rng() * Math.max(0, eventTo - eventFrom)),
      year: Number(appliedOn.slice(0, 4)),
    });
    const applicant: AwardApplicant = org
      ? {
          kind: 'organisation',
          id: org.id,
          name: org.name,
          type: org.type.toLowerCase() as never,
          areaCode: org.areaCode,
          insideCity: true,
          qualifications: [],
        }
      : { kind: 'researcher', id: researcherId, name: researcherName, insideCity: false };
    evaluation = evaluate(
      c.set,
      rule.id,
      { id, appliedOn, applicant, input, evidence: rule.guide.evidence.map((e) => e.kind) },
      { priorAwards: [], approvedThisYear: 0 },
    );
    if (!evaluation.onceKeys.some((k) => c.onceKeys.has(k))) break;
  }
  if (org !== firstOrg) {
    areaCode = org?.areaCode ?? null;
    for (const s of steps)
      if (s.action === 'accept-area' || s.action === 'forward' || s.action === 'return')
        s.actor = c.staff.areaOfficers.get(areaCode ?? '') ?? rng.pick(c.staff.reviewers);
  }
  const applicantUserId = org ? rng.pick(org.memberUserIds) : researcherUserId;
  const recipients = org ? org.memberUserIds : [researcherUserId];
  const year = evaluation.quotaYear ?? Number(appliedOn.slice(0, 4));
  const budgetKey = `${rule.id}:${year}`;

  if (status !== 'draft' && !evaluation.eligible) {
    // The API would not have let it be submitted: it stays a draft.
    c.stats.ineligible++;
    const code = evaluation.refusals[0]?.code ?? 'MISSING_EVIDENCE';
    c.stats.refusals[`${rule.id}:${code}`] = (c.stats.refusals[`${rule.id}:${code}`] ?? 0) + 1;
    status = 'draft';
    steps.length = 0;
    notice = undefined;
    disb = undefined;
  }
  if ((AWARDED_STATUSES as readonly string[]).includes(status)) {
    // Approval re-checks the yearly quota and the once-only keys under the budget lock.
    const refusal =
      rule.yearlyQuota !== undefined &&
      (c.quotaBase.get(budgetKey) ?? 0) + (c.budgets.get(budgetKey)?.count ?? 0) >= rule.yearlyQuota
        ? `${rule.name}${year}年度名额（${rule.yearlyQuota}项）已满`
        : evaluation.onceKeys.some((k) => c.onceKeys.has(k))
          ? '该事项已获奖励，不再重复支持'
          : null;
    if (refusal) {
      if (refusal.includes('名额')) c.stats.quota++;
      else c.stats.duplicate++;
      status = 'rejected';
      notice = undefined;
      disb = undefined;
      const decisionStep = steps[steps.length - 1] as Step;
      decisionStep.action = 'reject';
      decisionStep.to = 'rejected';
      decisionStep.comment = refusal;
    }
  }
  if (status === 'rejected') {
    const d = steps[steps.length - 1] as Step;
    d.comment ??= rng.pick(REJECT_REASONS);
  }
  const isAwarded = (AWARDED_STATUSES as readonly string[]).includes(status);
  const computed = status === 'draft' ? null : evaluation.computedAmount;
  let approved: bigint | null = null;
  let overrideReason: string | null = null;
  if (isAwarded) {
    approved = evaluation.computedAmount;
    if (rng.chance(0.03) && approved > 100n) {
      approved = (approved * 8n) / 10n;
      overrideReason = '部分支付凭证金额无法核实，按核实金额核定';
    }
    for (const k of evaluation.onceKeys) c.onceKeys.add(k);
  }

  // After approval: the notice and the payment, at their batches' times.
  const decider = steps.find((s) => s.action === 'approve')?.actor;
  if (isAwarded && notice) {
    steps.push({
      action: 'publish-notice',
      to: 'in-notice',
      at: notice.publishedAt,
      actor: c.staff.admin,
    });
    if (notice.closedAt !== null && status !== 'in-notice')
      steps.push({
        action: 'close-notice',
        to: 'notice-passed',
        at: notice.closedAt,
        actor: c.staff.admin,
      });
    if (disb) {
      steps.push({
        action: 'add-to-disbursement',
        to: 'in-disbursement',
        at: disb.createdAt,
        actor: c.staff.finance,
      });
      if (disb.paidAt !== null)
        steps.push({ action: 'mark-paid', to: 'paid', at: disb.paidAt, actor: c.staff.finance });
    }
  }

  const createdYear = Number(dayOf(createdAt).slice(0, 4));
  const number = formatNumber('application', createdYear, c.number(createdYear));
  const decidedAt = steps.find((s) => s.action === 'approve' || s.action === 'reject')?.at ?? null;
  const lastAt = steps.at(-1)?.at ?? createdAt;
  out.application.push([
    id,
    number,
    applicantUserId,
    org?.id ?? null,
    researcher?.id ?? null,
    rule.id,
    c.set.id,
    c.set.version,
    status,
    superjson.serialize(input),
    areaCode,
    year,
    computed,
    approved,
    overrideReason,
    status === 'draft' ? null : superjson.serialize(evaluation.explanation),
    status === 'draft' ? [] : [...evaluation.onceKeys],
    evaluation.itemKey ?? null,
    submittedAt === null || status === 'draft' ? null : new Date(submittedAt),
    decidedAt === null ? null : new Date(decidedAt),
    new Date(createdAt),
    new Date(lastAt),
    1 + steps.length,
  ]);

  // The timeline, its audit rows and the applicant's messages (as changeStatus writes them).
  const event = (
    at: number,
    actor: Officer | 'applicant',
    action: string,
    from: string | null,
    to: string,
    comment: string | null,
    details: object,
  ) => {
    const actorId = actor === 'applicant' ? applicantUserId : actor.id;
    const role = actor === 'applicant' ? 'applicant' : actor.role;
    out.application_event.push([
      id,
      new Date(at),
      actorId,
      role,
      action,
      from,
      to,
      comment,
      details,
    ]);
  };
  event(createdAt, 'applicant', 'create', null, 'draft', null, {});
  audit(out, rng, createdAt, applicantUserId, 'applicant', 'application.create', id, areaCode, {
    number,
    ruleId: rule.id,
    to: 'draft',
  });
  let from: string = 'draft';
  for (const s of steps) {
    const amountDetails =
      s.action === 'approve' && approved !== null
        ? { amountFen: approved.toString(), computedAmountFen: String(computed) }
        : s.action === 'submit'
          ? { amountFen: String(computed) }
          : {};
    event(s.at, s.actor, s.action, from, s.to, s.comment ?? null, amountDetails);
    const actorId = s.actor === 'applicant' ? applicantUserId : s.actor.id;
    const role = s.actor === 'applicant' ? 'applicant' : s.actor.role;
    // Batch steps are audited once per batch (notice.publish, disbursement.pay …), not per item.
    if (!['publish-notice', 'close-notice', 'add-to-disbursement', 'mark-paid'].includes(s.action))
      audit(out, rng, s.at, actorId, role, `application.${s.action}`, id, areaCode, {
        number,
        from,
        to: s.to,
        ...amountDetails,
        ...(s.comment ? { comment: s.comment } : {}),
      });
    if (s.actor !== 'applicant' || s.action === 'submit') {
      const message = applicantMessage(s.action, {
        number,
        ruleId: rule.id,
        comment: s.comment ?? null,
        amountFen: approved,
      });
      if (message) {
        for (const userId of recipients) {
          const read =
            s.at < c.now - 3 * DAY && rng.chance(0.7)
              ? new Date(s.at + rng.int(1, 48) * HOUR)
              : null;
          out.notification.push([
            rng.uuid(),
            userId,
            message.kind,
            message.title,
            message.body,
            'application',
            id,
            read,
            null,
            new Date(s.at),
          ]);
        }
      }
    }
    from = s.to;
  }

  if (!isAwarded || approved === null) return;
  // The award's money and keys.
  for (const key of evaluation.onceKeys)
    out.award_once_key.push([rng.uuid(), key, id, rule.id, new Date(decidedAt ?? lastAt)]);
  out.ledger_entry.push([
    new Date(decidedAt ?? lastAt),
    rule.id,
    year,
    id,
    1,
    null,
    'commit',
    approved,
    (decider as Officer).id,
    null,
  ]);
  const sums = c.budgets.get(budgetKey) ?? { committed: 0n, paid: 0n, count: 0 };
  sums.count++;
  if (notice) {
    out.notice_item.push([
      rng.uuid(),
      notice.id,
      id,
      'listed',
      new Date(notice.publishedAt),
      new Date(notice.closedAt ?? notice.publishedAt),
    ]);
    c.batchUse.set(notice.id, (c.batchUse.get(notice.id) ?? 0n) + 1n);
  }
  if (disb) {
    const disbursementId = rng.uuid();
    const paid = disb.paidAt !== null;
    out.disbursement.push([
      disbursementId,
      disb.id,
      id,
      approved,
      paid ? 'paid' : 'pending',
      org?.name ?? researcherName,
      org?.bank?.bankName ?? null,
      org?.bank?.accountNo ?? null,
      disb.paidAt !== null ? new Date(disb.paidAt) : null,
      paid ? `YH${disb.year}${String(serial).padStart(9, '0')}` : null,
      new Date(disb.createdAt),
      new Date(disb.paidAt ?? disb.createdAt),
    ]);
    c.batchUse.set(disb.id, (c.batchUse.get(disb.id) ?? 0n) + approved);
    if (paid) {
      out.ledger_entry.push([
        new Date(disb.paidAt ?? disb.createdAt),
        rule.id,
        year,
        id,
        1,
        disbursementId,
        'payment',
        approved,
        c.staff.finance.id,
        null,
      ]);
      sums.paid += approved;
    } else sums.committed += approved;
  } else sums.committed += approved;
  c.budgets.set(budgetKey, sums);
}

function audit(
  out: AppTables,
  rng: Rng,
  at: number,
  actorId: string,
  role: string,
  action: string,
  objectId: string,
  areaCode: string | null,
  details: object,
) {
  out.audit_log.push([
    new Date(at),
    actorId,
    role,
    action,
    'application',
    objectId,
    areaCode,
    details,
    ipOf(rng),
  ]);
}

function pickRule(c: AppContext): Rule {
  // Only what applicants apply for: a project's tranches are raised by the platform.
  return c.rng.weighted(
    c.set.rules.filter((r) => !r.raisedBy).map((r) => [r, RULE_MIX[r.id] ?? 1] as const),
  );
}

function pickOrg(c: AppContext, rule: Rule, draft: boolean): OrgRow | null {
  for (let tries = 0; tries < 40; tries++) {
    const org = c.rng.pick(c.orgs);
    if (
      (draft || org.verified) &&
      rule.applicants.organisationTypes.includes(org.type.toLowerCase() as never)
    )
      return org;
  }
  return null;
}

/** Any candidate, uniformly. */
function pickAny<T>(rng: Rng, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : rng.pick(items);
}

/** One of the last few candidates (recent batches take most items). */
function pickLate<T>(rng: Rng, items: readonly T[]): T | undefined {
  if (items.length === 0) return undefined;
  return items[
    Math.max(0, items.length - 1 - Math.floor(rng() * rng() * Math.min(items.length, 8)))
  ];
}
