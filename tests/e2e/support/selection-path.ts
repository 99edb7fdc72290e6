/**
 * The 揭榜挂帅 path (issue 14, 四.2) up to a project, through the HTTP API as the people who walk
 * it, for flows whose subject is the project after it: a firm posts a technology need and the area
 * officer publishes it; the bureau publishes a key-project call; another firm answers the need
 * with a submission and its evidence; the formal check (area, then bureau) after the deadline; a
 * panel drawn from the demo expert pool, whose experts accept and score through their own WeChat
 * logins; the decision, the 立项公示 run to its end and the result document that makes the project.
 *
 * The call's dates come from the server's today (support/clock.ts); the clock is moved past the
 * deadline and the notice and set back when the project exists. Callers reset it in `afterAll`
 * too, in case this fails half-way. The payment helpers at the end pay a raised tranche as any
 * award is paid (support/award-path.ts).
 *
 * Its steps serve every programme's call (scenario cases and talent teams too): `openCall`,
 * `submitEntry`, `formallyChecked`, `reviewedByPanel` (with the totals the experts give),
 * `decideAndPropose`, `noticeOver`; the flows that show a step in the browser skip its helper.
 */
import { randomBytes } from 'node:crypto';
import { addCalendarDays, todayInShanghai } from '@kc/domain';
import { act, ensureBudgetRoom } from './admin-review';
import type { Api, ApiUrls, RouterInputs } from './api';
import { applicantApi, officerApi } from './api';
import type { FinanceOfficer } from './award-path';
import { passNotice, payThroughApi } from './award-path';
import { moveClockPast, readClock, resetClock } from './clock';
import type { StackUrls } from './mp-data';
import { registerFirm, tinyPdf, uploadAs } from './mp-data';

/** The 四.2 project-funding rule every tranche is an application of. */
export const KEY_PROJECT_RULE = 'key-project';

const WAN = 1_000_000n; // 1万元 in fen
/** The city funds the submission asks for, and the decision grants: ¥2,000,000. */
export const CITY_FUNDS_FEN = 200n * WAN;
/** The 任务书 the bureau settles: ¥1,000,000 on signing, ¥500,000 at mid-term, ¥500,000 on acceptance. */
export const TRANCHES = [
  { condition: 'signing', amountFen: 100n * WAN },
  { condition: 'mid-term', amountFen: 50n * WAN },
  { condition: 'acceptance', amountFen: 50n * WAN },
] as const;

/** The bureau's officer who runs calls and projects, and the 埇桥区 officer (the firms' area). */
const BUREAU = 'reviewer';
const AREA = 'yongqiao';
const FIELD = 'low-carbon-energy';

/**
 * The demo pool's seven active 低碳能源 experts (packages/db/src/seed-experts.ts: the first field's
 * experts are `demo-openid-expert-1` … `-7`). A panel of five with two reserves is drawn from them.
 */
const FIELD_EXPERTS = Array.from({ length: 7 }, (_, i) => `demo-openid-expert-${i + 1}`);

const tag = () => randomBytes(3).toString('hex').toUpperCase();

export async function serverToday(apiUrl: string): Promise<string> {
  return todayInShanghai(new Date((await readClock(apiUrl)).now));
}

/** A need posted by a new firm of 埇桥区 (`posterName`) and published by the area officer. */
export async function publishedNeed(
  stack: StackUrls,
  posterName: string,
  need: RouterInputs['needs']['post'],
) {
  const poster = await registerFirm(stack, { name: `${posterName}${tag()}` });
  const posted = await poster.api.needs.post.mutate(need);
  const officer = await officerApi(stack.apiUrl, AREA);
  return officer.needs.curate.mutate({
    id: posted.id,
    expectedVersion: posted.version,
    action: 'publish',
  });
}

/** A technology need posted by a firm of 埇桥区 and published on the board by the area officer. */
export async function publishedTechnologyNeed(stack: StackUrls) {
  const today = await serverToday(stack.apiUrl);
  return publishedNeed(stack, '宿州氢源动力科技有限公司', {
    kind: 'technology',
    title: '燃料电池低铂催化剂批量制备',
    fieldCode: FIELD,
    subFieldCode: 'catalyst',
    problem: '燃料电池催化剂铂载量高、批次一致性差，需开发低铂催化剂并实现公斤级稳定制备。',
    indicators: '铂载量降低30%以上，批次间活性偏差不超过5%',
    coFundFen: 200n * WAN,
    deadline: addCalendarDays(today, 730),
  });
}

type CallTerms = Omit<RouterInputs['selection']['calls']['create'], 'applyFrom' | 'applyUntil'>;

/**
 * A call the bureau writes and publishes, open today only (the deadline day still takes
 * submissions); its title gets a tag, so flows sharing a database never meet.
 */
export async function openCall(bureau: Api, today: string, terms: CallTerms) {
  const draft = await bureau.selection.calls.create.mutate({
    ...terms,
    title: `${terms.title}${tag()}`,
    applyFrom: today,
    applyUntil: today,
  });
  return bureau.selection.calls.advance.mutate({
    id: draft.id,
    expectedVersion: draft.version,
    action: 'publish',
  });
}

/** A key-project call open today only (the deadline day still takes submissions). */
export async function openKeyProjectCall(bureau: Api, today: string) {
  return openCall(bureau, today, {
    programme: 'key-project',
    year: Number(today.slice(0, 4)),
    title: 'e2e 未来产业重点科技项目（揭榜挂帅）',
    guide: '面向需求榜已发布的技术攻关需求征集揭榜单位，经形式审查和专家评审后择优立项。',
    fieldCodes: [FIELD],
  });
}

const EVIDENCE: [kind: string, name: string][] = [
  ['project-proposal', '项目申报书.pdf'],
  ['cooperation-agreement', '产学研合作协议.pdf'],
  ['funding-commitment', '自筹资金承诺书.pdf'],
  ['credit-commitment', '信用承诺书.pdf'],
];

type SaveInput = RouterInputs['selection']['submissions']['save'];

/** A submission as a new firm makes it; attachments by kind and file name. */
export interface Entry {
  /** the firm's name, tagged to be unique */
  firmName: string;
  title: string;
  form: SaveInput['form'];
  evidence: readonly (readonly [kind: string, name: string])[];
  team?: SaveInput['team'];
  /** 揭榜挂帅: the need it answers */
  needId?: string;
  /** its 收款账户 entered too (an award is paid into it) */
  bankAccount?: boolean;
}

/** A new verified firm of 埇桥区 uploads the entry's attachments, saves it and submits it. */
export async function submitEntry(stack: StackUrls, callId: string, entry: Entry) {
  const firmName = `${entry.firmName}${tag()}`;
  const firm = await registerFirm(stack, {
    name: firmName,
    bankAccount: entry.bankAccount === true,
  });
  const evidence = [];
  for (const [kind, name] of entry.evidence) {
    const file = await uploadAs(stack.apiUrl, firm.token, name, tinyPdf(kind));
    evidence.push({ kind, fileId: file.id });
  }
  const saved = await firm.api.selection.submissions.save.mutate({
    callId,
    title: entry.title,
    form: entry.form,
    evidence,
    team: entry.team ?? [],
    ...(entry.needId ? { needId: entry.needId } : {}),
  });
  const submitted = await firm.api.selection.submissions.submit.mutate({
    id: saved.id,
    expectedVersion: saved.version,
  });
  return { submission: submitted, firm: { openid: firm.openid, name: firmName } };
}

/**
 * A verified firm of 埇桥区 answers the need (揭榜) with a submission teamed with a university,
 * the four required attachments uploaded, and submits it.
 */
export function submitAnswer(stack: StackUrls, callId: string, needId: string) {
  const title = `低铂催化剂公斤级中试${tag()}`;
  return submitEntry(stack, callId, {
    firmName: '宿州铂源新材料科技有限公司',
    title,
    form: {
      projectName: title,
      fieldCode: FIELD,
      goals: `${title}：攻克低铂催化剂制备工艺，建成公斤级中试线，申请发明专利五件以上。`,
      cityFundsFen: CITY_FUNDS_FEN,
      ownFundsFen: CITY_FUNDS_FEN,
      months: 24,
    },
    evidence: EVIDENCE,
    team: [{ unitName: '宿州学院', part: '催化剂表征与性能评价' }],
    needId,
  });
}

/**
 * 合作确认: the administrator of the member unit (`openid`) confirms its part in each of the
 * submissions (by number) that named it, as its 合作申报确认 page does.
 */
export async function confirmTeamParts(stack: ApiUrls, openid: string, numbers: string[]) {
  const member = await applicantApi(stack, openid);
  const requests = await member.selection.team.requests.query();
  for (const number of numbers) {
    const request = requests.find((r) => r.submissionNumber === number && r.answerable);
    if (!request) throw new Error(`${openid} is not asked to confirm a part of ${number}`);
    await member.selection.team.answer.mutate({ memberId: request.memberId, confirm: true });
  }
}

/** One step of the formal check for each submission, on the versions the officer reads. */
async function passFormalChecks(officer: Api, callId: string, submissionIds: readonly string[]) {
  const rows = await officer.selection.calls.submissions.query({ id: callId });
  for (const id of submissionIds) {
    const seen = rows.find((s) => s.id === id);
    if (!seen) throw new Error(`submission ${id} not in the officer's list`);
    await officer.selection.submissions.formalCheck.mutate({
      id,
      expectedVersion: seen.version,
      action: 'pass',
    });
  }
}

/** The call as it is now, then moved on by `action`. */
export async function advanceCall(
  bureau: Api,
  callId: string,
  action: RouterInputs['selection']['calls']['advance']['action'],
  document?: RouterInputs['selection']['calls']['advance']['document'],
) {
  const call = await bureau.selection.calls.byId.query({ id: callId });
  return bureau.selection.calls.advance.mutate({
    id: callId,
    expectedVersion: call.version,
    action,
    ...(document ? { document } : {}),
  });
}

type Rubric = { criteria: readonly { code: string; maxPoints: number }[] } | null;

/**
 * A sheet of whole points adding up to `total` (by default 85% of the rubric's maximum), each
 * criterion in proportion to its maximum, with a comment (which any total may carry).
 */
function sheetFor(rubric: Rubric, total?: number) {
  if (!rubric) throw new Error('the call has no rubric');
  const max = rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const wanted = total ?? Math.round(max * 0.85);
  const points = rubric.criteria.map((c) => Math.floor((c.maxPoints * wanted) / max));
  // What the rounding down left (under a point a criterion) goes to the first with room.
  let rest = wanted - points.reduce((a, b) => a + b, 0);
  for (const [i, c] of rubric.criteria.entries())
    if (rest > 0 && (points[i] ?? 0) < c.maxPoints) {
      points[i] = (points[i] ?? 0) + 1;
      rest--;
    }
  return {
    conflict: 'none',
    scores: Object.fromEntries(rubric.criteria.map((c, i) => [c.code, points[i] ?? 0])),
    comment: '技术路线清晰，实施基础扎实，指标可考核。',
  };
}

/**
 * The experts drawn for `panelId` accept the invitation and score every submission of the panel,
 * each signed in through the fake WeChat as the phone would; `totalOf` gives the total every
 * expert gives a submission (by default 85% of the rubric). Returns how many scored.
 */
export async function expertsAcceptAndScore(
  stack: ApiUrls,
  panelId: string,
  totalOf?: (submissionId: string) => number,
): Promise<number> {
  const scored = await Promise.all(
    FIELD_EXPERTS.map(async (openid) => {
      const expert = await applicantApi(stack, openid);
      const tasks = await expert.selection.reviews.mine.query();
      const task = tasks.find((t) => t.panelId === panelId && t.status === 'invited');
      if (!task) return 0;
      const { assignmentId } = task;
      await expert.selection.reviews.respond.mutate({ assignmentId, accept: true });
      const view = await expert.selection.reviews.panel.query({ assignmentId });
      for (const s of view.submissions)
        await expert.selection.reviews.score.mutate({
          assignmentId,
          submissionId: s.id,
          sheet: sheetFor(view.rubric, totalOf?.(s.id)),
        });
      return 1;
    }),
  );
  return scored.reduce<number>((a, b) => a + b, 0);
}

/**
 * The formal check of a call open today only: the 埇桥区 officer passes each submission; the
 * clock moves to the day after the deadline (sessions expire with the jump), and the bureau
 * closes applications, passes each and starts the expert review. Returns the bureau's client,
 * signed in on the moved day.
 */
export async function formallyChecked(
  apiUrl: string,
  callId: string,
  submissionIds: readonly string[],
  deadline: string,
): Promise<Api> {
  await passFormalChecks(await officerApi(apiUrl, AREA), callId, submissionIds);
  await moveClockPast(apiUrl, deadline);
  const bureau = await officerApi(apiUrl, BUREAU);
  await advanceCall(bureau, callId, 'close-applications');
  await passFormalChecks(bureau, callId, submissionIds);
  await advanceCall(bureau, callId, 'start-expert-review');
  return bureau;
}

/**
 * A 低碳能源 panel drawn for the submissions, whose experts accept and score them (`totalOf`, as
 * in expertsAcceptAndScore); the bureau closes it and ends the review (拟定结果中).
 */
export async function reviewedByPanel(
  stack: ApiUrls,
  bureau: Api,
  callId: string,
  submissionIds: string[],
  totalOf?: (submissionId: string) => number,
) {
  const panel = await bureau.selection.panels.draw.mutate({
    callId,
    name: '低碳能源组',
    fieldCode: FIELD,
    submissionIds,
  });
  const members = panel.experts.filter((e) => e.status === 'invited').length;
  const scored = await expertsAcceptAndScore(stack, panel.id, totalOf);
  if (scored !== members) throw new Error(`${scored} of the ${members} drawn experts scored`);
  await bureau.selection.panels.close.mutate({ id: panel.id });
  await advanceCall(bureau, callId, 'close-review');
  return panel;
}

/** 拟定结果 as the ranking proposes, then 拟定名单并公示: returns the notice's id and last day. */
export async function decideAndPropose(bureau: Api, callId: string) {
  const proposal = await bureau.selection.decision.get.query({ callId });
  await bureau.selection.decision.save.mutate({
    callId,
    expectedVersion: proposal.version,
    choices: proposal.rows.map((r) => ({
      id: r.submissionId,
      selected: r.selected,
      ...(r.category ? { category: r.category } : {}),
    })),
  });
  const call = await advanceCall(bureau, callId, 'propose');
  if (!call.notice?.endsOn) throw new Error('a proposed call has a running notice');
  return { noticeId: call.notice.id, endsOn: call.notice.endsOn };
}

/**
 * The call's 公示 runs its course: the clock moves to the day after its last day (sessions
 * expire) and the bureau closes it. Returns that day, the first the result may be issued on.
 */
export async function noticeOver(apiUrl: string, callId: string): Promise<string> {
  const call = await (await officerApi(apiUrl, BUREAU)).selection.calls.byId.query({ id: callId });
  if (!call.notice?.endsOn) throw new Error(`call ${call.number} has no notice`);
  const today = await moveClockPast(apiUrl, call.notice.endsOn);
  const bureau = await officerApi(apiUrl, BUREAU);
  await bureau.notices.close.mutate({ batchId: call.notice.id });
  return today;
}

/** A result document's number in the year of `issuedOn`, e.g. 宿科〔2026〕417号. */
export function resultDocumentNo(issuedOn: string): string {
  return `宿科〔${issuedOn.slice(0, 4)}〕${100 + (Number.parseInt(tag(), 16) % 900)}号`;
}

export interface ConcludedKeyProject {
  projectId: string;
  projectNumber: string;
  title: string;
  callTitle: string;
  needNumber: string;
  /** 立项文件 */
  documentNo: string;
  firm: { openid: string; name: string };
}

/**
 * The whole path from a posted need to a project drafted from the selected submission (its
 * 任务书 not yet signed). Moves the API's clock past the deadline and the notice, and back.
 */
export async function concludedKeyProject(stack: StackUrls): Promise<ConcludedKeyProject> {
  const { apiUrl } = stack;
  try {
    const need = await publishedTechnologyNeed(stack);
    const today = await serverToday(apiUrl);
    const call = await openKeyProjectCall(await officerApi(apiUrl, BUREAU), today);
    const { submission, firm } = await submitAnswer(stack, call.id, need.id);
    const checked = await formallyChecked(apiUrl, call.id, [submission.id], today);
    await reviewedByPanel(stack, checked, call.id, [submission.id]);
    await decideAndPropose(checked, call.id);

    // The notice runs its course; the result document is issued the day after its last day.
    const issuedOn = await noticeOver(apiUrl, call.id);
    const documentNo = resultDocumentNo(issuedOn);
    const bureau = await officerApi(apiUrl, BUREAU);
    await advanceCall(bureau, call.id, 'conclude', { documentNo, issuedOn });

    const made = await bureau.selection.projects.list.query({ callId: call.id });
    const project = made.items.find((p) => p.submissionNumber === submission.number);
    if (!project) throw new Error(`no project made of ${submission.number}`);
    return {
      projectId: project.id,
      projectNumber: project.number,
      title: project.title,
      callTitle: call.title,
      needNumber: need.number,
      documentNo,
      firm,
    };
  } finally {
    await resetClock(apiUrl);
  }
}

/**
 * The bureau settles the drafted 任务书 in three tranches (TRANCHES) with milestones to report
 * on, keeping the drafted period and funds.
 */
export async function settleContract(apiUrl: string, projectId: string) {
  const bureau = await officerApi(apiUrl, BUREAU);
  const project = await bureau.selection.projects.byId.query({ id: projectId });
  const { startOn, endOn, cityFundsFen, ownFundsFen, milestones } = project.contract;
  return bureau.selection.projects.saveContract.mutate({
    id: projectId,
    expectedVersion: project.version,
    contract: {
      startOn,
      endOn,
      cityFundsFen,
      ownFundsFen,
      milestones: [
        {
          title: '中试线建成',
          dueOn: milestones[0]?.dueOn ?? endOn,
          indicators: '建成公斤级催化剂中试线，完成三轮工艺验证',
        },
        {
          title: '项目完成',
          dueOn: endOn,
          indicators: '铂载量降低30%以上，批次间活性偏差不超过5%，申请发明专利5件',
        },
      ],
      tranches: TRANCHES.map((t) => ({ ...t })),
    },
  });
}

/** The tranche application of `trancheNo` (from 1), as the bureau reads the project. */
export async function trancheApplication(apiUrl: string, projectId: string, trancheNo: number) {
  const bureau = await officerApi(apiUrl, BUREAU);
  const project = await bureau.selection.projects.byId.query({ id: projectId });
  const application = project.tranches.find((t) => t.trancheNo === trancheNo)?.application;
  if (!application) throw new Error(`tranche ${trancheNo} of ${project.number} is not raised`);
  const detail = await bureau.review.byId.query({ id: application.id });
  return { id: application.id, number: application.number, year: detail.year };
}

/** Room in the year's key-project budget for `amountFen` (the demo seeds one year only). */
export function ensureTrancheBudget(apiUrl: string, year: number, amountFen: bigint) {
  return ensureBudgetRoom(apiUrl, KEY_PROJECT_RULE, year, amountFen);
}

/**
 * A tranche approved by the bureau (with budget room made), through its notice (the clock moved
 * past it and back) and paid by two finance officers. Returns the batch.
 */
export async function approveAndPayTranche(
  apiUrl: string,
  application: { id: string; number: string; year: number },
  amountFen: bigint,
  second: FinanceOfficer,
) {
  await ensureTrancheBudget(apiUrl, application.year, amountFen);
  await act(apiUrl, BUREAU, application.id, 'approve');
  return payNoticedTranche(apiUrl, application, second);
}

/** An approved tranche through its notice (资金公示) and a four-eyes disbursement batch. */
export async function payNoticedTranche(
  apiUrl: string,
  application: { id: string; number: string },
  second: FinanceOfficer,
) {
  await passNotice(apiUrl, [application.id], `e2e 项目资金公示 ${application.number}`);
  return payThroughApi(apiUrl, [application.id], second, `E2E-KP-${application.number}`);
}
