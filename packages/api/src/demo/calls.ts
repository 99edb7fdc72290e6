import type { ResultDocument, SelectionCallAction } from '@kc/domain';
import type { Api, Applicant, DemoActors } from './actors';
import type { DemoClock, Script } from './clock';

/**
 * A selection call's steps as the demo takes them (issue 14), each through the procedure the
 * admin's buttons call: the bureau writes and publishes the call, firms prepare and submit, the
 * area officer then the bureau run the formal check, panels are drawn from the expert pool and
 * the experts themselves accept and score, the bureau decides, publishes the list and concludes.
 */

export interface Demo {
  actors: DemoActors;
  clock: DemoClock;
  /** the 年度 of every demo call: one year, so no call's panel meets last year's reviewers */
  year: number;
}

type CallInput = Parameters<Api['selection']['calls']['create']>[0];
type SaveInput = Parameters<Api['selection']['submissions']['save']>[0];

/** A firm's submission as the demo writes it; attachments by kind and (Chinese) file name. */
export interface Entry {
  org: Applicant;
  title: string;
  form: SaveInput['form'];
  team?: SaveInput['team'];
  needId?: string;
  evidence: readonly (readonly [kind: string, fileName: string])[];
}

/** The bureau admin writes the call and publishes it the same day. */
export async function publishCall(demo: Demo, call: CallInput) {
  const admin = await demo.actors.officer('admin');
  const draft = await admin.api.selection.calls.create(call);
  demo.clock.later(25);
  return admin.api.selection.calls.advance({
    id: draft.id,
    expectedVersion: draft.version,
    action: 'publish',
  });
}

/** Uploads the attachments and saves the submission (a draft). */
export async function saveEntry(demo: Demo, callId: string, entry: Entry) {
  const evidence: { kind: string; fileId: string }[] = [];
  for (const [kind, fileName] of entry.evidence) {
    evidence.push({
      kind,
      fileId: await demo.actors.upload(
        entry.org,
        fileName,
        `Attachment "${kind}" of a submission to call ${callId} by ${entry.org.caller.openid}`,
      ),
    });
    demo.clock.later(2);
  }
  return entry.org.api.selection.submissions.save({
    callId,
    title: entry.title,
    form: entry.form,
    evidence,
    team: entry.team ?? [],
    ...(entry.needId ? { needId: entry.needId } : {}),
  });
}

/** Saves and submits; returns the submission's id. */
export async function submitEntry(demo: Demo, callId: string, entry: Entry): Promise<string> {
  const saved = await saveEntry(demo, callId, entry);
  demo.clock.later(10);
  const submitted = await entry.org.api.selection.submissions.submit({
    id: saved.id,
    expectedVersion: saved.version,
  });
  return submitted.id;
}

/** The call's submissions in one status, as the bureau lists them. */
async function submissionsIn(demo: Demo, callId: string, status: string) {
  const admin = await demo.actors.officer('admin');
  const all = await admin.api.selection.calls.submissions({ id: callId });
  return all.filter((s) => s.status === status);
}

/** The formal check's first step: each area officer passes their area's submissions. */
export async function areaCheck(demo: Demo, callId: string) {
  for (const s of await submissionsIn(demo, callId, 'submitted')) {
    // An area without an officer (萧县 in the demo): the bureau's reviewer takes its step.
    const officer =
      (await demo.actors.areaOfficerIfAny(s.areaCode)) ?? (await demo.actors.officer('reviewer'));
    await officer.api.selection.submissions.formalCheck({
      id: s.id,
      expectedVersion: s.version,
      action: 'pass',
    });
    demo.clock.later(7);
  }
}

/** The formal check's second step, by the bureau's reviewer (局审核员). */
export async function bureauCheck(demo: Demo, callId: string) {
  const reviewer = await demo.actors.officer('reviewer');
  for (const s of await submissionsIn(demo, callId, 'area-passed')) {
    await reviewer.api.selection.submissions.formalCheck({
      id: s.id,
      expectedVersion: s.version,
      action: 'pass',
    });
    demo.clock.later(5);
  }
}

/** One step of the call's lifecycle, by the bureau admin. */
export async function advance(
  demo: Demo,
  callId: string,
  action: SelectionCallAction,
  document?: ResultDocument,
) {
  const admin = await demo.actors.officer('admin');
  const call = await admin.api.selection.calls.byId({ id: callId });
  return admin.api.selection.calls.advance({
    id: callId,
    expectedVersion: call.version,
    action,
    ...(document ? { document } : {}),
  });
}

/** The bureau admin draws a panel at random from the pool for these submissions. */
export async function drawPanel(
  demo: Demo,
  callId: string,
  name: string,
  fieldCode: Parameters<Api['selection']['panels']['draw']>[0]['fieldCode'],
  submissionIds: string[],
): Promise<string> {
  const admin = await demo.actors.officer('admin');
  const panel = await admin.api.selection.panels.draw({ callId, name, fieldCode, submissionIds });
  return panel.id;
}

/** A place on a panel and the expert who holds it, signed in as that expert. */
export interface Seat {
  assignmentId: string;
  name: string;
  status: string;
  expert: Applicant;
}

/** The panel's places in the order drawn (members first, then the reserves). */
export async function seats(demo: Demo, panelId: string): Promise<Seat[]> {
  const rows = await demo.actors.db.prisma.reviewAssignment.findMany({
    where: { panelId },
    include: { expert: { include: { user: { select: { openid: true } } } } },
    orderBy: { position: 'asc' },
  });
  const out: Seat[] = [];
  for (const r of rows)
    out.push({
      assignmentId: r.id,
      name: r.expert.name,
      status: r.status,
      expert: await demo.actors.applicant(r.expert.user.openid ?? ''),
    });
  return out;
}

/** The invited members (after any declines, the reserves who took their places). */
export async function invited(demo: Demo, panelId: string) {
  return (await seats(demo, panelId)).filter((s) => s.status === 'invited');
}

export async function accept(seat: Seat) {
  await seat.expert.api.selection.reviews.respond({
    assignmentId: seat.assignmentId,
    accept: true,
  });
}

export async function decline(seat: Seat, reason: string) {
  await seat.expert.api.selection.reviews.respond({
    assignmentId: seat.assignmentId,
    accept: false,
    reason,
  });
}

/** The default rubric's criteria (创新性 30, 可行性 25, 团队实力 20, 预期效益 25). */
const CRITERIA = [
  ['innovation', 30],
  ['feasibility', 25],
  ['team', 20],
  ['benefit', 25],
] as const;

/** Whole points per criterion, in proportion to their maxima, adding up to `total`. */
export function sheetScores(total: number): Record<string, number> {
  const scores = CRITERIA.map(([code, max]) => ({
    code,
    max,
    points: Math.floor((max * total) / 100),
  }));
  let rest = total - scores.reduce((sum, s) => sum + s.points, 0);
  // The remainder (at most one point each) goes to the first criteria with room for it.
  for (const s of scores)
    if (rest > 0 && s.points < s.max) {
      s.points++;
      rest--;
    }
  return Object.fromEntries(scores.map((s) => [s.code, s.points]));
}

/** An expert's sheet for one submission: the total, and a comment where the rules want one. */
export async function score(seat: Seat, submissionId: string, total: number, comment?: string) {
  await seat.expert.api.selection.reviews.score({
    assignmentId: seat.assignmentId,
    submissionId,
    sheet: { conflict: 'none', scores: sheetScores(total), ...(comment ? { comment } : {}) },
  });
}

/** Every invited member accepts the invitation (a day's step). */
export async function acceptAll(demo: Demo, panelId: string) {
  for (const seat of await invited(demo, panelId)) {
    await accept(seat);
    demo.clock.later(23);
  }
}

const PRAISE = [
  '技术路线清晰，关键指标先进，示范带动作用突出，建议优先支持。',
  '创新性强，前期基础扎实，团队结构合理，预期效益显著。',
  '方案成熟度高，应用成效可量化，对我市未来产业培育有较强支撑作用。',
];

/**
 * The panel's accepted members score each submission: `totals[submission][member]` (a member
 * without a total for a submission has not scored it yet). Totals of 90 and above carry the
 * comment the scoring rules require.
 */
export async function scoreAll(
  demo: Demo,
  panelId: string,
  submissionIds: readonly string[],
  totals: readonly (readonly (number | undefined)[])[],
) {
  const members = (await seats(demo, panelId)).filter((s) => s.status === 'accepted');
  for (const [m, seat] of members.entries()) {
    for (const [s, submissionId] of submissionIds.entries()) {
      const total = totals[s]?.[m];
      if (total === undefined) continue;
      await score(
        seat,
        submissionId,
        total,
        total >= 90 ? PRAISE[(m + s) % PRAISE.length] : undefined,
      );
      demo.clock.later(4);
    }
    demo.clock.later(15);
  }
}

export async function closePanel(demo: Demo, panelId: string) {
  const admin = await demo.actors.officer('admin');
  await admin.api.selection.panels.close({ id: panelId });
}

/** 拟定结果 as the ranking proposes (within the call's quota), saved by the bureau admin. */
export async function decideAsProposed(demo: Demo, callId: string) {
  const admin = await demo.actors.officer('admin');
  const proposal = await admin.api.selection.decision.get({ callId });
  return admin.api.selection.decision.save({
    callId,
    expectedVersion: proposal.version,
    choices: proposal.rows.map((r) => ({
      id: r.submissionId,
      selected: r.selected,
      ...(r.category ? { category: r.category } : {}),
    })),
  });
}

/** 结束公示 once the period is over (no objections): the call may then conclude. */
export async function closeNotice(demo: Demo, callId: string) {
  const admin = await demo.actors.officer('admin');
  const call = await admin.api.selection.calls.byId({ id: callId });
  if (!call.notice) throw new Error('the call has no notice');
  await admin.api.notices.close({ batchId: call.notice.id });
  return call.notice.endsOn;
}

/** 合作确认: the member unit's administrator confirms every part it is still asked for. */
export async function confirmTeamParts(demo: Demo, openid: string) {
  const member = await demo.actors.applicant(openid);
  const requests = await member.api.selection.team.requests();
  for (const r of requests.filter((x) => x.answer === 'pending' && x.answerable)) {
    await member.api.selection.team.answer({ memberId: r.memberId, confirm: true });
    demo.clock.later(3);
  }
}

/** The days (relative to today) and times of a single-panel call's review, from the area's check. */
export interface ReviewDays {
  areaCheck: number;
  /** 截止申报, the bureau's check and the panel's draw, one morning */
  closeAndDraw: number;
  accept: number;
  score: number;
  closeReview: number;
  decide: number;
  propose: number;
  /** 公示期满 and 印发结果: left out for a call still in its notice */
  closeNotice?: number;
  conclude?: { day: number; documentNo: string };
}

/**
 * A call's review with one panel, scheduled on the demo's script: formal checks, the draw,
 * acceptance, scoring (`totals`, as scoreAll takes them), the decision, the notice and, where
 * the days are given, the notice's end and the result (which makes the 免申即享 invitations).
 * `callId` and `ids` are read when each step runs: the call is published by an earlier step.
 */
export function reviewSteps(
  demo: Demo,
  script: Script,
  what: {
    callId: () => string;
    ids: () => string[];
    panel: { name: string; fieldCode: Parameters<typeof drawPanel>[3]; totals: number[][] };
    /** the names of the last steps, as the script's log shows them */
    decideName: string;
    proposeName: string;
  },
  days: ReviewDays,
) {
  let panelId = '';
  script.at(days.areaCheck, '09:15', '县区形式审查', () => areaCheck(demo, what.callId()));
  script.at(days.closeAndDraw, '09:00', '截止申报、市局形式审查、抽取专家', async () => {
    const callId = what.callId();
    await advance(demo, callId, 'close-applications');
    await bureauCheck(demo, callId);
    await advance(demo, callId, 'start-expert-review');
    panelId = await drawPanel(demo, callId, what.panel.name, what.panel.fieldCode, what.ids());
  });
  script.at(days.accept, '09:20', '专家确认参加评审', () => acceptAll(demo, panelId));
  script.at(days.score, '09:00', '专家评分', () =>
    scoreAll(demo, panelId, what.ids(), what.panel.totals),
  );
  script.at(days.closeReview, '16:00', '评分结束', async () => {
    await closePanel(demo, panelId);
    await advance(demo, what.callId(), 'close-review');
  });
  script.at(days.decide, '10:00', what.decideName, async () => {
    await decideAsProposed(demo, what.callId());
  });
  script.at(days.propose, '09:30', what.proposeName, async () => {
    await advance(demo, what.callId(), 'propose');
  });
  if (days.closeNotice !== undefined)
    script.at(days.closeNotice, '09:30', '公示期满，结束公示', async () => {
      await closeNotice(demo, what.callId());
    });
  const conclude = days.conclude;
  if (conclude)
    script.at(conclude.day, '10:00', '印发结果，发出免申即享邀请', async () => {
      await advance(demo, what.callId(), 'conclude', {
        documentNo: conclude.documentNo,
        issuedOn: demo.clock.day(conclude.day),
      });
    });
}
