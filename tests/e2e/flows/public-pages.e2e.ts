import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callAtMatching } from '../support/admin-b-vp';
import type { SubmittedApplication } from '../support/admin-review';
import { submitWorkstationApplication, toApproved } from '../support/admin-review';
import { officerApi } from '../support/api';
import { passNotice } from '../support/award-path';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { resetClock } from '../support/clock';
import { registerFirm } from '../support/mp-data';

/**
 * The public pages under the API host (/public), opened by anyone: no sign-in, a fresh browser
 * context each time. The policy and a programme guide, the notices list, a running award notice
 * and its printed form, a closed notice's result, a 科技副总 notice, the need board (需求榜) and
 * a need, an unknown id. Each page is
 * checked with axe (WCAG 2.1 AA + best practice; serious or critical fails) and at 375 px wide.
 */
const stack = inject('stack');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);
const run = Date.now().toString(36);
const titles = {
  running: `公开页面公示 ${run}`,
  closed: `公开页面已结束公示 ${run}`,
  draft: `公开页面草稿 ${run}`,
  need: `公开需求榜储能系统攻关${run}`,
  unpublishedNeed: `公开需求榜未发布需求${run}`,
};

let browser: Browser;
let closeBrowser: () => Promise<void>;
let running: SubmittedApplication;
let closed: SubmittedApplication;
let runningId: string;
let closedId: string;
let vpCallId: string;
let vpTitle: string;
let vpFirmName: string;
let vpResearcherName: string;
let needId: string;
let needFirmName: string;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  const [a, b, c] = await Promise.all([
    submitWorkstationApplication(stack, { label: '公开甲' }),
    submitWorkstationApplication(stack, { label: '公开乙' }),
    submitWorkstationApplication(stack, { label: '公开丙' }),
  ]);
  if (!a || !b || !c) throw new Error('three applications expected');
  for (const app of [a, b, c]) await toApproved(stack.apiUrl, app);
  [running, closed] = [a, b];

  // A closed notice (the clock moves past its end and back), a running one and a draft.
  await passNotice(stack.apiUrl, [closed.id], titles.closed);
  const reviewer = await officerApi(stack.apiUrl, 'reviewer');
  const notices = await reviewer.notices.list.query({ status: 'closed' });
  closedId = notices.find((n) => n.title === titles.closed)?.id ?? '';
  const made = await reviewer.notices.create.mutate({
    title: titles.running,
    applicationIds: [running.id],
  });
  await reviewer.notices.publish.mutate({ batchId: made.id });
  runningId = made.id;
  await reviewer.notices.create.mutate({ title: titles.draft, applicationIds: [c.id] });

  // A 科技副总 list in notice: this run's own call, matched and confirmed by the bureau.
  const admin = await officerApi(stack.apiUrl, 'admin');
  const vp = await callAtMatching(admin, stack, 90 + (Date.now() % 9));
  const matched = await admin.vp.matching.run.mutate({ callId: vp.call.id });
  await admin.vp.calls.advance.mutate({
    callId: vp.call.id,
    action: 'confirm-matches',
    runId: matched?.id,
  });
  vpCallId = vp.call.id;
  vpTitle = vp.title;
  vpFirmName = vp.firms[0]?.name ?? '';
  vpResearcherName = vp.researchers[0]?.name ?? '';

  // 需求榜: a verified firm's technology need, published by the area officer; another left unpublished.
  needFirmName = `宿州公开需求榜储能科技有限公司${run}`;
  const firm = await registerFirm(stack, { name: needFirmName });
  const technology = {
    kind: 'technology' as const,
    fieldCode: 'low-carbon-energy' as const,
    subFieldCode: 'electrochemical-storage',
    problem: '储能电站电池簇一致性差、热失控预警滞后，需要研发在线监测与均衡管理技术。',
    indicators: '热失控预警提前量不少于10分钟，簇间一致性偏差不高于2%',
    coFundFen: 150_000_000n,
    deadline: '2028-06-30',
  };
  const posted = await firm.api.needs.post.mutate({ ...technology, title: titles.need });
  await firm.api.needs.post.mutate({ ...technology, title: titles.unpublishedNeed });
  const area = await officerApi(stack.apiUrl, 'yongqiao');
  await area.needs.curate.mutate({
    id: posted.id,
    expectedVersion: posted.version,
    action: 'publish',
  });
  needId = posted.id;
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

/** Opens `path` of the public site in a fresh context (no session) at desktop or phone width. */
async function open(
  path: string,
  width: 1440 | 375 = 1440,
): Promise<{ page: Page; context: BrowserContext; status: number; cache: string }> {
  const { page, context } = width === 375 ? await phonePage(browser) : await desktopPage(browser);
  const response = await page.goto(`${stack.apiUrl}${path}`);
  if (!response) throw new Error(`no response for ${path}`);
  return {
    page,
    context,
    status: response.status(),
    cache: response.headers()['cache-control'] ?? '',
  };
}

async function blockingViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * The checks every page gets: Chinese, one h1, no script, axe clean at desktop width; and on a
 * 375 px phone, nothing wider than the screen. Returns the desktop page for the caller's checks.
 */
async function checkPage(path: string, name: string, expectedStatus = 200): Promise<Page> {
  const phone = await open(path, 375);
  expect(phone.status).toBe(expectedStatus);
  const overflow = await phone.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${path} overflows a 375 px screen`).toBeLessThanOrEqual(0);
  expect(await blockingViolations(phone.page)).toEqual([]);
  await snap(phone.page, `public-${name}-375`);
  await phone.context.close();

  const desktop = await open(path);
  expect(desktop.status).toBe(expectedStatus);
  expect(desktop.cache).toMatch(/^public, max-age=\d+$/);
  expect(await desktop.page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await desktop.page.locator('h1').count()).toBe(1);
  expect(await desktop.page.locator('script').count()).toBe(0);
  // The inline stylesheet applies (its hash is the one the Content-Security-Policy allows).
  const headerColour = await desktop.page
    .locator('header.site')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(headerColour).toBe('rgb(11, 61, 145)');
  expect(await blockingViolations(desktop.page)).toEqual([]);
  await snap(desktop.page, `public-${name}`);
  return desktop.page;
}

const text = async (page: Page, selector = 'main') =>
  (await page.locator(selector).textContent()) ?? '';

describe('public pages (no login)', () => {
  it('the index lists the policy and its programmes; a guide gives conditions, amount, clause, materials and 咨询电话', async () => {
    const index = await checkPage('/public', 'index');
    expect(await text(index, 'h1')).toContain('科技创新奖补政策与申报指南');
    expect(await text(index)).toContain('征求意见稿');
    await index.getByRole('link', { name: /四\.8/ }).click();
    await index.waitForURL(/\/public\/programmes\/tech-transfer$/);
    await index.context().close();

    const guide = await checkPage('/public/programmes/tech-transfer', 'programme');
    const body = await text(guide);
    for (const heading of ['申报条件', '支持标准', '申报材料', '申报时限', '咨询电话'])
      expect(body).toContain(heading);
    expect(body).toContain('条款 四.8');
    expect(body).toContain('¥500,000.00');
    expect(body).toMatch(/0557-\d{7}/);
    await guide.context().close();
  });

  it('the notices list shows running and closed notices, never a draft', async () => {
    const page = await checkPage('/public/notices', 'notices');
    const body = await text(page);
    expect(body).toContain(titles.running);
    expect(body).toContain(titles.closed);
    expect(body).toContain(vpTitle);
    expect(body).not.toContain(titles.draft);
    await page.getByRole('link', { name: titles.running }).click();
    await page.waitForURL(new RegExp(`/public/notices/${runningId}$`));
    await page.context().close();
  });

  it('a running award notice names the firm, programme and amount, and prints with the objection contact and deadline', async () => {
    const page = await checkPage(`/public/notices/${runningId}`, 'notice');
    const body = await text(page);
    expect(body).toContain(running.firmName);
    expect(body).toContain('市级院士（专家）工作站');
    expect(body).toContain('¥200,000.00');
    expect(body).toContain('公示中');
    // No internal id as text: only in addresses.
    expect(body).not.toContain(running.id);

    await page.emulateMedia({ media: 'print' });
    const objection = page.getByTestId('public-objection');
    expect(await objection.isVisible()).toBe(true);
    const words = (await objection.textContent()) ?? '';
    expect(words).toMatch(/请于\d{4}年\d{1,2}月\d{1,2}日24时前/);
    expect(words).toMatch(/联系电话：0557-\d{7}/);
    expect(words).toContain('地址：');
    expect(await page.locator('table.list').isVisible()).toBe(true);
    expect(await page.locator('header.site').isVisible()).toBe(false);
    await snap(page, 'public-notice-print');
    await page.context().close();
  });

  it('a closed notice shows its result', async () => {
    expect(closedId).not.toBe('');
    const page = await checkPage(`/public/notices/${closedId}`, 'notice-closed');
    const body = await text(page);
    expect(body).toContain(titles.closed);
    expect(body).toContain(closed.firmName);
    expect(body).toContain('公示结果');
    expect(body).toContain('公示期满无异议');
    expect(body).toContain('异议受理已于');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('public-objection').isVisible()).toBe(true);
    await page.context().close();
  });

  it('a 科技副总 notice lists firm and researcher by name and institution', async () => {
    const page = await checkPage(`/public/vp-notices/${vpCallId}`, 'vp-notice');
    const body = await text(page);
    expect(body).toContain(vpTitle);
    expect(body).toContain(vpFirmName);
    expect(body).toContain(vpResearcherName);
    expect(body).toContain('宿州学院');
    expect(body).toContain('24时前');
    // callAtMatching's researchers' mobiles start 1385572; none is shown.
    expect(body).not.toMatch(/1385572\d{4}/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('public-objection').isVisible()).toBe(true);
    await page.context().close();
  });

  it('the need board lists published needs, filters by keyword with its form, and opens a need', async () => {
    const index = await open('/public');
    await index.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '需求榜' })
      .click();
    await index.page.waitForURL(/\/public\/needs$/);
    await index.context.close();

    // Other flows share the database: the keyword finds this run's need wherever it is paged.
    const board = await checkPage('/public/needs?kind=technology', 'needs');
    await board.getByLabel('关键词').fill(run);
    await board.getByRole('button', { name: '查询' }).click();
    await board.waitForURL(/[?&]q=/);
    const body = await text(board);
    expect(body).toContain(titles.need);
    expect(body).not.toContain(titles.unpublishedNeed);
    expect(body).toContain(needFirmName);
    expect(body).toContain('企业拟投入资金：¥1,500,000.00');
    expect(new URL(board.url()).searchParams.get('kind')).toBe('technology');
    await board.getByRole('link', { name: titles.need }).click();
    await board.waitForURL(new RegExp(`/public/needs/${needId}$`));
    await board.context().close();

    const need = await checkPage(`/public/needs/${needId}`, 'need');
    const detail = await text(need);
    expect(detail).toContain('技术攻关需求');
    expect(detail).toContain('电化学储能');
    expect(detail).toContain('2028年6月30日');
    expect(detail).toContain('在“宿州科创”微信小程序 政策—需求榜 中揭榜');
    // The firm is named; its contact person and phone are not.
    expect(detail).toContain(needFirmName);
    expect(detail).not.toContain('王经理');
    expect(detail).not.toContain('13800001111');
    expect(detail).not.toContain(needId);
    await need.context().close();
  });

  it('an unknown notice is a Chinese 404 page', async () => {
    const page = await checkPage(
      '/public/notices/00000000-0000-4000-8000-000000000000',
      'not-found',
      404,
    );
    expect(await text(page, 'h1')).toBe('页面不存在');
    await page.context().close();
    const unknownNeed = await open('/public/needs/00000000-0000-4000-8000-000000000000');
    expect(unknownNeed.status).toBe(404);
    expect(await text(unknownNeed.page, 'h1')).toBe('页面不存在');
    await unknownNeed.context.close();
    const other = await open('/public/no-such-page');
    expect(other.status).toBe(404);
    expect(await text(other.page, 'h1')).toBe('页面不存在');
    await other.context.close();
  });
});
