import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../../artifacts/e2e');

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The flags keep it
 * from calling home on this closed network. A missing browser is a failure, not a skip.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
  // playwright gives every launch a fresh temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The deployment pass (E2E_DEPLOY): accept nginx's run-time certificate by its key only.
      ...(process.env.E2E_TLS_SPKI
        ? [`--ignore-certificate-errors-spki-list=${process.env.E2E_TLS_SPKI}`]
        : []),
    ],
  });
  // The static hosts send the production CSP (deploy/nginx/render.mjs): a page that breaks it
  // fails its file, whichever flow opened it.
  const violations: string[] = [];
  const newContext = browser.newContext.bind(browser);
  // Every page is opened as by a person whose system asks for less motion (the admin then shows
  // dialogs, drawers and messages at once, styles/motion.css), so no step waits out a 300 ms fade;
  // a flow that wants the animations passes `reducedMotion: 'no-preference'`.
  browser.newContext = async (options) => {
    const context = await newContext({ reducedMotion: 'reduce', ...options });
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        violations.push(`${message.location().url}: ${message.text()}`);
      }
    });
    return context;
  };
  return {
    browser,
    close: async () => {
      await browser.close();
      if (violations.length > 0) {
        throw new Error(`Content Security Policy violations:\n${violations.join('\n')}`);
      }
    },
  };
}

/** A phone-sized page (the mini-program H5 build), as WeChat on an iPhone X shows it. */
export async function phonePage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { context, page: await context.newPage() };
}

/**
 * A desktop page (the admin). With `motion: 'full'`, as for a person who has not asked for less
 * motion: every dialog and drawer fades and slides.
 */
export async function desktopPage(
  browser: Browser,
  { motion = 'reduced' }: { motion?: 'reduced' | 'full' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Less motion unless asked otherwise: launchBrowser's contexts default to it.
    ...(motion === 'full' ? { reducedMotion: 'no-preference' as const } : {}),
  });
  return { context, page: await context.newPage() };
}

/**
 * Screenshots for people to look at (artifacts/ is not committed). CI keeps none, so it sets
 * E2E_SNAPSHOTS=0: a hundred full-page PNGs a pass cost it a minute of CPU for nobody.
 */
export async function snap(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SNAPSHOTS === '0') return;
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
