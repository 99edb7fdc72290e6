/**
 * Data and browser helpers for the admin part-A flows (workbench, review, notice, payment).
 * Data is made through the real API as the people who would make it: a firm applies through its
 * WeChat login, officers act with their own accounts. Every application names a unique firm and
 * workstation, so flows sharing one database never collide. The API client is support/api.ts;
 * the file helpers are the mini-program flows' (support/mp-data.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Api, RouterOutputs } from './api';
import { apiClient, applicantToken, officerApi } from './api';
import { passNotice } from './award-path';
import { registerFirm, tinyPdf, tinyPng, uploadAs } from './mp-data';
import type { StackUrls } from './mp-data';

/** The programme these flows apply for: a fixed 20万元 award with no yearly quota (四.5). */
export const WORKSTATION_RULE = 'academician-workstation-city';
export const WORKSTATION_AMOUNT_FEN = 20_000_000n;

const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** `YYYY-MM-DD` some days ago, in Asia/Shanghai (a recent approval date is always in time). */
function daysAgo(days: number): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000 - days * 86_400_000);
  return shanghai.toISOString().slice(0, 10);
}

export interface SubmittedApplication {
  id: string;
  number: string;
  firmName: string;
  workstationName: string;
  organisationId: string;
  year: number;
}

/**
 * A firm in `areaCode` registers and applies for the city workstation award with all four
 * evidence files (the approval document as an image, the rest as PDFs), then submits.
 */
export async function submitWorkstationApplication(
  stack: StackUrls,
  options: { label: string; areaCode?: 'yongqiao' | 'dangshan' },
): Promise<SubmittedApplication> {
  const firmName = `宿州${options.label}${tag()}科技有限公司`;
  const firm = await registerFirm(stack, {
    name: firmName,
    areaCode: options.areaCode ?? 'yongqiao',
    fieldCodes: ['advanced-materials'],
  });
  return applyForWorkstation(stack, firm.api, firm.token, firmName, options.label);
}

/** The application itself, as an applicant who already has an organisation profile. */
export async function applyForWorkstation(
  stack: StackUrls,
  api: Api,
  token: string,
  firmName: string,
  label: string,
): Promise<SubmittedApplication> {
  const id = tag();
  // Each PDF differs by a trailing comment: the server keeps one file per identical content.
  const pdf = (what: string) => Buffer.concat([tinyPdf(), Buffer.from(`% ${what} ${id}\n`)]);
  const files: [kind: string, name: string, bytes: Buffer][] = [
    ['approval-document', '工作站批复文件.png', tinyPng()],
    ['cooperation-agreement', '院士合作协议.pdf', pdf('agreement')],
    ['credit-commitment', '信用承诺书.pdf', pdf('commitment')],
    ['bank-account', '开户许可证.pdf', pdf('bank')],
  ];
  const evidence = [];
  for (const [kind, name, bytes] of files) {
    const uploaded = await uploadAs(stack.apiUrl, token, name, bytes);
    evidence.push({ fileId: uploaded.id, kind });
  }
  const workstationName = `宿州${label}院士工作站${id}`;
  const draft = await api.applications.saveDraft.mutate({
    ruleId: WORKSTATION_RULE,
    input: {
      workstationName,
      expertName: '张院士',
      approvedOn: daysAgo(20),
      approvalDocNo: `宿科〔2026〕${id}号`,
    },
    evidence,
  });
  const submitted = await api.applications.submit.mutate({
    applicationId: draft.id,
    expectedVersion: draft.version,
  });
  const profile = await api.profile.mine.query();
  if (profile.type !== 'organisation') throw new Error('the applicant has no organisation');
  return {
    id: submitted.id,
    number: submitted.number,
    firmName,
    workstationName,
    organisationId: profile.organisation.id,
    year: submitted.year,
  };
}

/** One review step through the API as `username` (for setting up, not for what is under test). */
export async function act(
  apiUrl: string,
  username: string,
  applicationId: string,
  action: 'accept-area' | 'forward' | 'approve' | 'return' | 'reject',
  comment?: string,
) {
  const api = await officerApi(apiUrl, username);
  const seen = await api.review.byId.query({ id: applicationId });
  return api.review.act.mutate({
    applicationId,
    action,
    expectedVersion: seen.version,
    ...(comment ? { comment } : {}),
  });
}

/** Submitted → bureau review: the 埇桥区 officer accepts and forwards. */
export async function toBureauReview(
  apiUrl: string,
  applicationId: string,
  areaOfficer = 'yongqiao',
) {
  await act(apiUrl, areaOfficer, applicationId, 'accept-area');
  await act(apiUrl, areaOfficer, applicationId, 'forward');
}

/**
 * Submitted → approved (the engine's amount), with room made in the budget first: the 埇桥区
 * officer accepts and forwards (`areaOfficer`; the reviewer where the area has none), the
 * reviewer approves. The programme is the workstation award unless `award` says otherwise.
 */
export async function toApproved(
  apiUrl: string,
  app: Pick<SubmittedApplication, 'id' | 'year'>,
  award = { ruleId: WORKSTATION_RULE, amountFen: WORKSTATION_AMOUNT_FEN, areaOfficer: 'yongqiao' },
) {
  await toBureauReview(apiUrl, app.id, award.areaOfficer);
  await ensureBudgetRoom(apiUrl, award.ruleId, app.year, award.amountFen);
  await act(apiUrl, 'reviewer', app.id, 'approve');
}

type BudgetRow = RouterOutputs['budgets']['list']['items'][number];

export async function budgetOf(admin: Api, ruleId: string, year: number): Promise<BudgetRow> {
  const list = await admin.budgets.list.query({ year });
  const row = list.items.find((i) => i.ruleId === ruleId);
  if (!row) throw new Error(`no budget row for ${ruleId}`);
  return row;
}

/** Raises a programme's budget (as the bureau admin) so at least `room` fen remain. */
export async function ensureBudgetRoom(apiUrl: string, ruleId: string, year: number, room: bigint) {
  const admin = await officerApi(apiUrl, 'admin');
  const row = await budgetOf(admin, ruleId, year);
  if ((row.remainingFen ?? 0n) >= room && row.isSet) return;
  await admin.budgets.set.mutate({
    ruleId,
    year,
    budgetFen: row.committedFen + row.paidFen + room,
    note: 'e2e：保证预算余额',
  });
}

/** Leaves a programme no money (budget = committed + paid); returns the budget to restore. */
export async function exhaustBudget(apiUrl: string, ruleId: string, year: number) {
  const admin = await officerApi(apiUrl, 'admin');
  const row = await budgetOf(admin, ruleId, year);
  await admin.budgets.set.mutate({
    ruleId,
    year,
    budgetFen: row.committedFen + row.paidFen,
    note: 'e2e：余额为零',
  });
  return row.budgetFen ?? 0n;
}

/**
 * Signs in through the login page the route guard sends a signed-out officer to, and lands on
 * `path` (the guard's ?redirect= brings them back).
 */
export async function signIn(page: Page, adminUrl: string, username: string, path = '/workbench') {
  await page.goto(`${adminUrl}${path}`);
  await page.waitForURL(/\/login\?redirect=/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Element Plus select: open it, then click the option by its text (the list is teleported). */
export async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

/** The text of the latest Element Plus toast. */
export function toast(page: Page) {
  return page.locator('.el-message').last();
}

/**
 * An award whose public notice has passed, ready for a disbursement batch. A notice lasts real
 * working days, so the API's test clock is moved past its last day to close it, then set back
 * (the award stays notice-passed). The applicant is a demo organisation, verified and with its
 * 收款账户 on record.
 */
export async function noticePassedAward(stack: StackUrls): Promise<SubmittedApplication> {
  const owner = 'demo-openid-firm-2';
  const token = await applicantToken(stack, owner);
  const api = apiClient(stack.apiUrl, token);
  const profile = await api.profile.mine.query();
  if (profile.type !== 'organisation') throw new Error(`${owner} has no organisation`);
  const app = await applyForWorkstation(stack, api, token, profile.organisation.name, '拨付');
  await toApproved(stack.apiUrl, app);
  await passNotice(stack.apiUrl, [app.id], `e2e 拨付前公示 ${app.number}`);
  return app;
}
