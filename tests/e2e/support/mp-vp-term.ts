import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { addCalendarDays, findVpSettings, termEndDate, vpGradeName } from '@kc/domain';
import { officerApi } from './api';
import { phonePage, snap } from './browser';
import { moveClockPast, resetClock } from './clock';
import { openAs } from './mp-data';
import { textOf, typeInto } from './mp-ui';

/**
 * The 科技副总's term as the researcher sees it in the mini-program, after the bureau confirmed
 * a call whose notice has passed: the term dates, a work log (and a refused one for a month
 * that has not come yet), a result, and the evaluation an officer recorded. The notice lasts
 * real working days, so the API's test clock is moved past it for the rest of this journey
 * (the caller resets it); officer steps go through the API.
 */
export async function researcherDuringTerm(
  browser: Browser,
  stack: { apiUrl: string; wechatUrl: string; h5Url: string },
  matched: { callId: string; researcherOpenid: string },
) {
  const { callId } = matched;
  const before = await officerApi(stack.apiUrl, 'admin');
  const call = await before.vp.calls.get.query({ callId });
  if (!call.noticeEndsOn) throw new Error('the call is not in notice');
  const today = await moveClockPast(stack.apiUrl, call.noticeEndsOn);

  try {
    // Sessions from before the jump have expired: the bureau signs in again and confirms.
    const admin = await officerApi(stack.apiUrl, 'admin');
    await admin.vp.calls.advance.mutate({ callId, action: 'confirm-call' });
    const [secondment] = await admin.vp.secondments.list.query({ callId });
    if (!secondment) throw new Error('the call has no secondment');

    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, matched.researcherOpenid);
    await page.waitForURL(/pages\/programmes/);
    await page.locator('#nav-profile').click();
    await page.locator('#profile-menu-vp').click();
    await page.locator(`#vp-secondment-${secondment.id}`).click();
    await page.waitForURL(/packages\/vp\/secondment/);

    // The term started today (the agreement was signed) and runs for the call's term.
    const termYears = findVpSettings(call.settingsVersion)?.termYears ?? Number.NaN;
    const termEnd = termEndDate(today, termYears);
    await expect.poll(() => textOf(page, '#secondment-status')).toBe('履职中');
    // Confirmed: the researcher now sees the firm's contact person and phone (issue 11).
    expect(await textOf(page, '#secondment-counterpart')).toMatch(/联系电话：1\d{10}/);
    expect(await textOf(page, '#secondment-term')).toContain(`${today} 至 ${termEnd}`);

    // A month that has not come yet is refused; this month is recorded.
    const thisMonth = today.slice(0, 7);
    const nextMonth = addCalendarDays(`${thisMonth}-28`, 7).slice(0, 7);
    await typeInto(page, 'worklog-month', nextMonth);
    await typeInto(page, 'worklog-daysOnSite', '12');
    await typeInto(page, 'worklog-activities', '驻企开展膜电极涂布工艺联合攻关，培训技术人员3人。');
    await page.locator('#worklog-submit').click();
    await expect.poll(() => textOf(page, '#worklog-month-error')).toContain('月份须在任职期内');
    expect(await page.locator(`#worklog-${nextMonth}`).count()).toBe(0);
    await snap(page, 'mp-vp-worklog-refused');

    await typeInto(page, 'worklog-month', thisMonth);
    await page.locator('#worklog-submit').click();
    await expect.poll(() => textOf(page, `#worklog-${thisMonth}`)).toContain('到岗 12 天');
    expect(await textOf(page, '#secondment-days-total')).toBe('12');

    // A result, dated today.
    const resultTitle = '低铂膜电极涂布方法';
    await page.locator('#result-add').click();
    await page.locator('#result-kind-patent').click();
    await typeInto(page, 'result-title', resultTitle);
    await typeInto(page, 'result-occurredOn', today);
    await page.locator('#result-submit').click();
    await expect.poll(() => textOf(page, '#secondment-results')).toContain(resultTitle);
    expect(await textOf(page, '#secondment-results')).toContain('专利');
    expect(await textOf(page, '#secondment-evaluations')).toContain('尚未考核');

    // The bureau records this year's evaluation; the researcher reads it.
    const year = Number(today.slice(0, 4));
    await admin.vp.secondments.evaluate.mutate({
      secondmentId: secondment.id,
      evaluation: { year, grade: 'excellent', comment: '驻企时间充足，攻关成效明显' },
    });
    await page.reload();
    await expect
      .poll(() => textOf(page, '#secondment-evaluations'))
      .toContain(`${year} 年度${vpGradeName('excellent')}`);
    expect(await textOf(page, '#secondment-evaluations')).toContain('攻关成效明显');
    await snap(page, 'mp-vp-term');
    await context.close();
  } finally {
    await resetClock(stack.apiUrl);
  }
}
