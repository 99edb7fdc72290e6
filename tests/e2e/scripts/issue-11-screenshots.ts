/**
 * Before/after screenshots of issue 11's items 1, 2, 5, 10 and 12, at 375×812 and 1440×900,
 * for the issue's closing note. Not a test: it asserts little and waits for what each screen is
 * about, then writes `NN-what-<suffix>-<width>.png` to artifacts/issue-11/ (gitignored).
 *
 * It makes its data through the public API only, with procedures that exist unchanged at
 * d456f30 ("before", the parent of the first issue-11 fix) and now, so one script runs against
 * both systems. Each run wants a fresh stack (fresh database with the demo data): item 5
 * publishes the demo 科技副总 call's matches.
 *
 * Against a running stack:
 *   pnpm --filter @kc/e2e exec tsx scripts/issue-11-screenshots.ts --suffix after \
 *     --api http://127.0.0.1:3800 --wechat http://127.0.0.1:3980 \
 *     --admin http://127.0.0.1:5880 --h5 http://127.0.0.1:10880
 * Or let it start (and stop) the stack of a checkout, with its built admin and H5 dist:
 *   pnpm --filter @kc/e2e exec tsx scripts/issue-11-screenshots.ts --suffix before \
 *     --stack /tmp/kc-before --ports 3700,3970,5770,10770
 * Options: --out <dir> (default <repo>/artifacts/issue-11), --only 1,2,5,10,12.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type * as StackModule_ from '@kc/stack';
import { submitWorkstationApplication, toApproved } from '../support/admin-review';
import { officerApi } from '../support/api';
import { launchBrowser } from '../support/browser';
import { openAs, registerFirm } from '../support/mp-data';
import { input, textOf, typeInto } from '../support/mp-ui';

const { values } = parseArgs({
  options: {
    suffix: { type: 'string' },
    api: { type: 'string' },
    wechat: { type: 'string' },
    admin: { type: 'string' },
    h5: { type: 'string' },
    stack: { type: 'string' },
    ports: { type: 'string', default: '3700,3970,5770,10770' },
    out: { type: 'string' },
    only: { type: 'string' },
  },
});

const suffix = values.suffix;
if (!suffix || !/^[\w-]+$/.test(suffix)) {
  throw new Error('--suffix before|after is required');
}
const OUT = path.resolve(
  values.out ?? path.resolve(import.meta.dirname, '../../../artifacts/issue-11'),
);
const only = new Set((values.only ?? '1,2,5,10,12').split(',').map((s) => s.trim()));

interface Urls {
  apiUrl: string;
  wechatUrl: string;
  adminUrl: string;
  h5Url: string;
}

/** The stack module of the checkout given with --stack (this repo's own, or another's). */
type StackModule = typeof StackModule_;

const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1440, height: 900 },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

const log = (...args: unknown[]) => console.log(`[issue-11 ${suffix}]`, ...args);

/** A context of the viewport's size: the phone one as WeChat on an iPhone X (the H5's own). */
async function openContext(browser: Browser, viewport: Viewport): Promise<BrowserContext> {
  const phone = viewport.width < 800;
  return browser.newContext({
    viewport,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/**
 * The screen as the viewport shows it. Both apps scroll inside their own containers (a full-page
 * shot would be the viewport anyway), so callers scroll what the item is about into view first.
 * `settle: false` shoots at once (to catch a toast).
 */
async function shot(page: Page, name: string, viewport: Viewport, settle = true) {
  if (settle) {
    // Let requests, charts and transitions finish.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(600);
  }
  const file = path.join(OUT, `${name}-${suffix}-${viewport.width}.png`);
  await page.screenshot({ path: file });
  log('wrote', path.relative(process.cwd(), file));
}

/**
 * Scrolls the first match into view (inside whatever container scrolls it); at the top, `gap`
 * pixels below it (room for item 2's address caption).
 */
async function scrollTo(
  page: Page,
  target: string | Locator,
  block: 'start' | 'center' = 'center',
  gap = 0,
) {
  await (typeof target === 'string' ? page.locator(target).first() : target).evaluate(
    (el, [b, g]) => {
      el.scrollIntoView({ block: b, inline: 'nearest' });
      if (!g) return;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const { overflowY } = getComputedStyle(p);
        if (p.scrollHeight > p.clientHeight && /auto|scroll/.test(overflowY)) {
          p.scrollBy(0, -g);
          return;
        }
      }
      window.scrollBy(0, -g);
    },
    [block, gap] as const,
  );
  await page.waitForTimeout(300);
}

/**
 * The address bar is not in a screenshot: a caption along the top shows it (item 2 is about
 * what the address holds). Marked as the screenshot's own, not the app's.
 */
async function captionAddress(page: Page) {
  await page.evaluate(() => {
    document.getElementById('kc-shot-address')?.remove();
    const box = document.createElement('div');
    box.id = 'kc-shot-address';
    box.textContent = `地址栏（截图注释）: ${decodeURIComponent(location.href)}`;
    Object.assign(box.style, {
      position: 'fixed',
      left: '0',
      right: '0',
      top: '0',
      zIndex: '2147483647',
      padding: '6px 8px',
      font: '12px/1.4 monospace',
      color: '#fff',
      background: 'rgba(180, 0, 0, 0.85)',
      wordBreak: 'break-all',
      pointerEvents: 'none',
    });
    document.body.appendChild(box);
  });
}

/** Signs in to the admin through the login page and lands on `target`. */
async function adminSignIn(page: Page, adminUrl: string, username: string, target: string) {
  await page.goto(`${adminUrl}${target}`);
  await page.waitForURL(/\/login\?redirect=/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The mini-program H5 as this WeChat user, landed on 政策 (the page a registered user starts on). */
async function h5As(context: BrowserContext, page: Page, h5Url: string, openid: string) {
  await openAs(context, page, h5Url, openid);
  await page.waitForURL(/pages\/programmes/);
  await page.locator('#programmes-page').waitFor({ state: 'visible' });
}

/* ---------- 1. Workbench tile → list (埇桥区) ---------- */

async function item1(browser: Browser, urls: Urls) {
  // A firm of 埇桥区 applies and is left 已提交, waiting for the area to accept it.
  const app = await submitWorkstationApplication(urls, { label: '截图待受理' });
  log('item 1: submitted', app.number);
  for (const viewport of VIEWPORTS) {
    const context = await openContext(browser, viewport);
    const page = await context.newPage();
    await adminSignIn(page, urls.adminUrl, 'yongqiao', '/workbench');
    const count = page.getByTestId('queue-count-area-review');
    await count.waitFor();
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="queue-count-area-review"]')?.textContent) > 0,
    );
    await scrollTo(page, '[data-testid="queue-area-review"]');
    await shot(page, '01-workbench-tile', viewport);
    await page.getByTestId('queue-area-review').click();
    await page.waitForURL((url) => url.pathname !== '/workbench');
    await page.getByTestId('application-table').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(
      () => !document.querySelector('.el-loading-mask:not([style*="none"])'),
    );
    await scrollTo(page, '[data-testid="application-table"]');
    await shot(page, '01-workbench-list', viewport);
    await context.close();
  }
}

/* ---------- 2. A draft survives a reload ---------- */

async function item2(browser: Browser, urls: Urls) {
  for (const viewport of VIEWPORTS) {
    // A new firm per size: a second visit to the form would offer the first one's draft.
    const firm = await registerFirm(urls, { name: `宿州恒储热能科技有限公司${viewport.width}` });
    const context = await openContext(browser, viewport);
    const page = await context.newPage();
    await h5As(context, page, urls.h5Url, firm.openid);
    await page.goto(`${urls.h5Url}/#/packages/apply/form/index?ruleId=tech-transfer`);
    // Taro's router has been seen to leave the page hidden on a loaded machine: reload once.
    await input(page, 'apply-contractNo')
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        log('item 2: the form did not show; reloading');
        await page.reload();
        await input(page, 'apply-contractNo').waitFor();
      });
    await typeInto(page, 'apply-contractNo', 'HT-2026-1203');
    await typeInto(page, 'apply-resultName', '高性能储热材料制备技术');
    await typeInto(page, 'apply-sellerName', '合肥储能材料研究院有限公司');
    await typeInto(page, 'apply-contractAmount', '1200000');
    await scrollTo(page, '#apply-contractNo', 'start', 120);
    await page.locator('#apply-save').click();
    // The toast says it is saved (the same words before and after): shot while it shows.
    // Taro's H5 toast fades in (opacity) inside a box Playwright calls hidden.
    await page
      .waitForFunction(
        () =>
          Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).some(
            (t) =>
              (t.textContent ?? '').includes('草稿已保存') &&
              t.style.opacity !== '0' &&
              getComputedStyle(t).display !== 'none',
          ),
        undefined,
        { timeout: 10_000, polling: 50 },
      )
      .catch(() => log('item 2: no 草稿已保存 toast seen'));
    await captionAddress(page);
    await shot(page, '02-draft-saved', viewport, false);
    const [draft] = await firm.api.applications.mine.query();
    if (!draft) throw new Error('item 2: 保存草稿 saved nothing');

    await page.reload();
    await input(page, 'apply-contractNo').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    await scrollTo(page, '#apply-contractNo', 'start', 120);
    log(
      `item 2 (${viewport.width}): after reload contractNo="${await input(page, 'apply-contractNo').inputValue()}", url ${page.url()}`,
    );
    await captionAddress(page);
    await shot(page, '02-draft-reloaded', viewport);
    await context.close();
  }
}

/* ---------- 5. 科技副总: the need and the sign-up after matches are published ---------- */

async function item5(browser: Browser, urls: Urls) {
  const admin = await officerApi(urls.apiUrl, 'admin');
  const calls = await admin.vp.calls.list.query({});
  const demo = calls.find((c) => c.title.includes('演示批次'));
  if (!demo) throw new Error('item 5: the demo seed has no 科技副总 call');
  if (demo.status === 'matching') {
    // The bureau matches the demo call and confirms the list: it goes to public notice (公示).
    const run = await admin.vp.matching.run.mutate({ callId: demo.id });
    await admin.vp.calls.advance.mutate({
      callId: demo.id,
      action: 'confirm-matches',
      runId: run?.id,
    });
    log('item 5: demo call matched and published');
  } else {
    log(`item 5: the demo call is already "${demo.status}" (a reused stack)`);
  }
  const people = [
    ['demo-openid-firm-1', '#vp-needs', '05-vp-firm-need'],
    ['demo-openid-researcher-4', '#vp-candidacies', '05-vp-researcher-matched'],
    ['demo-openid-researcher-3', '#vp-candidacies', '05-vp-researcher-unmatched'],
  ] as const;
  for (const viewport of VIEWPORTS) {
    for (const [openid, list, name] of people) {
      const context = await openContext(browser, viewport);
      const page = await context.newPage();
      await h5As(context, page, urls.h5Url, openid);
      await page.locator('#nav-profile').click();
      await page.locator('#profile-menu-vp').click();
      await page.waitForURL(/packages\/vp\/home/);
      await page.locator(list).waitFor();
      for (let i = 0; i < 100 && (await textOf(page, list)).trim().length < 8; i++) {
        await page.waitForTimeout(100);
      }
      log(`item 5 (${viewport.width}) ${openid}: ${(await textOf(page, list)).slice(0, 120)}`);
      await shot(page, name, viewport);
      await context.close();
    }
  }
}

/* ---------- 10. Audit log ---------- */

/** Rows of the kinds the issue names: an application's, a 科技副总 call's and a notice batch's. */
async function auditData(urls: Urls) {
  const app = await submitWorkstationApplication(urls, { label: '截图公示' });
  await toApproved(urls.apiUrl, app);
  const reviewer = await officerApi(urls.apiUrl, 'reviewer');
  const notice = await reviewer.notices.create.mutate({
    title: `截图用公示批次 ${app.number}`,
    workingDays: 5,
    applicationIds: [app.id],
  });
  log('item 10: notice batch', notice.id, 'for', app.number);
}

async function item10(browser: Browser, urls: Urls) {
  for (const viewport of VIEWPORTS) {
    const context = await openContext(browser, viewport);
    const page = await context.newPage();
    await adminSignIn(page, urls.adminUrl, 'admin', '/system/audit');
    const rows = page.getByTestId('audit-table').locator('.el-table__row');
    await rows.first().waitFor();
    await scrollTo(page, '[data-testid="audit-table"]', 'start');
    await shot(page, '10-audit', viewport);
    // A narrow table scrolls sideways: the same rows with 操作 and 对象 in view.
    await page.evaluate(() => {
      const table = document.querySelector('[data-testid="audit-table"]');
      const wrap = table?.querySelector<HTMLElement>('.el-table__body-wrapper .el-scrollbar__wrap');
      const th = Array.from(
        table?.querySelectorAll<HTMLElement>('.el-table__header th') ?? [],
      ).find((cell) => cell.textContent?.trim() === '操作');
      if (wrap && th) wrap.scrollLeft = Math.max(0, th.offsetLeft - 8);
    });
    await shot(page, '10-audit-actions', viewport);
    await context.close();
  }
}

/* ---------- 12. 2030 targets dashboard ---------- */

async function item12(browser: Browser, urls: Urls) {
  for (const viewport of VIEWPORTS) {
    const context = await openContext(browser, viewport);
    const page = await context.newPage();
    await adminSignIn(page, urls.adminUrl, 'admin', '/targets');
    await page.getByTestId('target-high-tech-enterprises').waitFor();
    const charts = page.locator('[data-testid="target-chart"]');
    await charts.first().waitFor();
    // Four canvases where every chart draws (a chart with an empty state may draw none).
    await page
      .waitForFunction(
        () => document.querySelectorAll('[data-testid="target-chart"] canvas').length >= 4,
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => log('item 12: fewer than four chart canvases'));
    await page.waitForTimeout(1500); // ECharts animates in
    await shot(page, '12-targets-top', viewport);
    // The charts of the item, each scrolled to the middle: 完成进度 (its 100% target line and
    // label), 分年度新增 and 奖补资金拨付 (empty in the demo data). At 1440 the first two share a row.
    for (const [index, name] of [
      [0, '12-targets-progress'],
      [1, '12-targets-by-year'],
      [3, '12-targets-money'],
    ] as const) {
      // Centred (the panel's title above it stays below the fixed header).
      await scrollTo(page, charts.nth(index), 'center');
      await page.waitForTimeout(300);
      await shot(page, name, viewport);
    }
    await context.close();
  }
}

/* ---------- main ---------- */

async function withStack<T>(run: (urls: Urls) => Promise<T>): Promise<T> {
  if (!values.stack) {
    const { api, wechat, admin, h5 } = values;
    if (!api || !wechat || !admin || !h5) {
      throw new Error('give --api --wechat --admin --h5, or --stack <checkout> [--ports]');
    }
    const strip = (u: string) => u.replace(/\/+$/, '');
    return run({
      apiUrl: strip(api),
      wechatUrl: strip(wechat),
      adminUrl: strip(admin),
      h5Url: strip(h5),
    });
  }
  const [apiPort, wechatPort, adminPort, h5Port] = values.ports.split(',').map(Number);
  if (!apiPort || !wechatPort || !adminPort || !h5Port)
    throw new Error('--ports api,wechat,admin,h5');
  const root = path.resolve(values.stack);
  const { startStack } = (await import(
    pathToFileURL(path.join(root, 'tooling/stack/src/index.ts')).href
  )) as StackModule;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kc-issue11-'));
  log(`starting the stack of ${root} (PGlite in ${dataDir})`);
  const stack = await startStack({
    apiPort,
    wechatPort,
    adminPort,
    h5Port,
    pgliteDir: path.join(dataDir, 'pglite'),
    seedDemo: true,
    testClock: true,
  });
  try {
    return await run(stack);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await mkdir(OUT, { recursive: true });
await withStack(async (urls) => {
  log('stack', urls);
  const { browser, close } = await launchBrowser();
  try {
    // Order matters for item 10: its rows (login, 科技副总 call, notice batch) are the newest.
    if (only.has('2')) await item2(browser, urls);
    if (only.has('1')) await item1(browser, urls);
    if (only.has('10')) await auditData(urls);
    // Item 10's screenshot wants item 5's 科技副总 rows too.
    if (only.has('5') || only.has('10')) await item5(browser, urls);
    if (only.has('10')) await item10(browser, urls);
    if (only.has('12')) await item12(browser, urls);
  } finally {
    await close();
  }
});
log('done:', OUT);
