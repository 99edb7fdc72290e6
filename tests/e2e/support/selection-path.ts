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

async function serverToday(apiUrl: string): Promise<string> {
  return todayInShanghai(new Date((await readClock(apiUrl)).now));
}

/** A technology need posted by a firm of 埇桥区 and published on the board by the area officer. */
export async function publishedTechnologyNeed(stack: StackUrls) {
  const poster = await registerFirm(stack, { name: `宿州氢源动力科技有限公司${tag()}` });
  const today = await serverToday(stack.apiUrl);
  const posted = await poster.api.needs.post.mutate({
    kind: 'technology',
    title: '燃料电池低铂催化剂批量制备',
    fieldCode: FIELD,
    subFieldCode: 'catalyst',
    problem: '燃料电池催化剂铂载量高、批次一致性差，需开发低铂催化剂并实现公斤级稳定制备。',
    indicators: '铂载量降低30%以上，批次间活性偏差不超过5%',
    coFundFen: 200n * WAN,
    deadline: addCalendarDays(today, 730),
  });
  const officer = await officerApi(stack.apiUrl, AREA);
  return officer.needs.curate.mutate({
    id: posted.id,
    expectedVersion: posted.version,
    action: 'publish',
  });
}

/** A key-project call open today only (the deadline day still takes submissions). */
export async function openKeyProjectCall(bureau: Api, today: string) {
  const draft = await bureau.selection.calls.create.mutate({
    programme: 'key-project',
    year: Number(today.slice(0, 4)),
    title: `e2e 未来产业重点科技项目（揭榜挂帅）${tag()}`,
    guide: '面向需求榜已发布的技术攻关需求征集揭榜单位，经形式审查和专家评审后择优立项。',
    fieldCodes: [FIELD],
    applyFrom: today,
    applyUntil: today,
  });
  return bureau.selection.calls.advance.mutate({
    id: draft.id,
    expectedVersion: draft.version,
    action: 'publish',
  });
}

const EVIDENCE: [kind: string, name: string][] = [
  ['project-proposal', '项目申报书.pdf'],
  ['cooperation-agreement', '产学研合作协议.pdf'],
  ['funding-commitment', '自筹资金承诺书.pdf'],
  ['credit-commitment', '信用承诺书.pdf'],
];

/**
 * A verified firm of 埇桥区 answers the need (揭榜) with a submission teamed with a university,
 * the four required attachments uploaded, and submits it.
 */
export async function submitAnswer(stack: StackUrls, callId: string, needId: string) {
  const firmName = `宿州铂源新材料科技有限公司${tag()}`;
  const firm = await registerFirm(stack, { name: firmName });
  const evidence = [];
  for (const [kind, name] of EVIDENCE) {
    const file = await uploadAs(stack.apiUrl, firm.token, name, tinyPdf(kind));
    evidence.push({ kind, fileId: file.id });
  }
  const title = `低铂催化剂公斤级中试${tag()}`;
  const form: RouterInputs['selection']['submissions']['save']['form'] = {
    projectName: title,
    fieldCode: FIELD,
    goals: `${title}：攻克低铂催化剂制备工艺，建成公斤级中试线，申请发明专利五件以上。`,
    cityFundsFen: CITY_FUNDS_FEN,
    ownFundsFen: CITY_FUNDS_FEN,
    months: 24,
  };
  const saved = await firm.api.selection.submissions.save.mutate({
    callId,
    title,
    form,
    evidence,
    team: [{ unitName: '宿州学院', part: '催化剂表征与性能评价' }],
    needId,
  });
  const submitted = await firm.api.selection.submissions.submit.mutate({
    id: saved.id,
    expectedVersion: saved.version,
  });
  return { submission: submitted, firm: { openid: firm.openid, name: firmName } };
}

/** One step of the formal check, on the version the officer reads. */
async function passFormalCheck(officer: Api, callId: string, submissionId: string) {
  const rows = await officer.selection.calls.submissions.query({ id: callId });
  const seen = rows.find((s) => s.id === submissionId);
  if (!seen) throw new Error(`submission ${submissionId} not in the officer's list`);
  return officer.selection.submissions.formalCheck.mutate({
    id: submissionId,
    expectedVersion: seen.version,
    action: 'pass',
  });
}

/** The call as it is now, then moved on by `action`. */
async function advanceCall(
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

/** A sheet of whole points, 85% of each criterion of the call's rubric, with a comment. */
function sheetFor(rubric: { criteria: readonly { code: string; maxPoints: number }[] } | null) {
  if (!rubric) throw new Error('the call has no rubric');
  return {
    conflict: 'none',
    scores: Object.fromEntries(
      rubric.criteria.map((c) => [c.code, Math.floor(c.maxPoints * 0.85)]),
    ),
    comment: '技术路线清晰，产学研合作基础扎实，指标可考核。',
  };
}

/**
 * The experts drawn for `panelId` accept the invitation and score every submission of the panel,
 * each signed in through the fake WeChat as the phone would. Returns how many scored.
 */
export async function expertsAcceptAndScore(stack: ApiUrls, panelId: string): Promise<number> {
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
          sheet: sheetFor(view.rubric),
        });
      return 1;
    }),
  );
  return scored.reduce<number>((a, b) => a + b, 0);
}

/** 拟定结果 as the ranking proposes, then 拟定名单并公示: returns the notice's id and last day. */
async function decideAndPropose(bureau: Api, callId: string) {
  const proposal = await bureau.selection.decision.get.query({ callId });
  await bureau.selection.decision.save.mutate({
    callId,
    expectedVersion: proposal.version,
    choices: proposal.rows.map((r) => ({ id: r.submissionId, selected: r.selected })),
  });
  const call = await advanceCall(bureau, callId, 'propose');
  if (!call.notice?.endsOn) throw new Error('a proposed call has a running notice');
  return { noticeId: call.notice.id, endsOn: call.notice.endsOn };
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
    await passFormalCheck(await officerApi(apiUrl, AREA), call.id, submission.id);

    // The day after the deadline: sessions expired with the jump, the officers sign in again.
    await moveClockPast(apiUrl, today);
    let bureau = await officerApi(apiUrl, BUREAU);
    await advanceCall(bureau, call.id, 'close-applications');
    await passFormalCheck(bureau, call.id, submission.id);
    await advanceCall(bureau, call.id, 'start-expert-review');
    const panel = await bureau.selection.panels.draw.mutate({
      callId: call.id,
      name: '低碳能源组',
      fieldCode: FIELD,
      submissionIds: [submission.id],
    });
    const members = panel.experts.filter((e) => e.status === 'invited').length;
    const scored = await expertsAcceptAndScore(stack, panel.id);
    if (scored !== members) throw new Error(`${scored} of the ${members} drawn experts scored`);
    await bureau.selection.panels.close.mutate({ id: panel.id });
    await advanceCall(bureau, call.id, 'close-review');
    const notice = await decideAndPropose(bureau, call.id);

    // The notice runs its course; the result document is issued the day after its last day.
    const issuedOn = await moveClockPast(apiUrl, notice.endsOn);
    bureau = await officerApi(apiUrl, BUREAU);
    await bureau.notices.close.mutate({ batchId: notice.noticeId });
    const documentNo = `宿科〔${issuedOn.slice(0, 4)}〕${100 + (Number.parseInt(tag(), 16) % 900)}号`;
    await advanceCall(bureau, call.id, 'conclude', { documentNo, issuedOn });

    const project = (await bureau.selection.projects.list.query({})).find(
      (p) => p.submissionNumber === submission.number,
    );
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
