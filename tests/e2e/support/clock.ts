/**
 * The API's test clock (TEST_CLOCK=1 on the e2e stack): the server's "now" is real time plus a
 * whole number of days, set with `POST /test/clock { offsetDays }`. A public-notice period lasts
 * real working days, so a flow that needs it over moves the clock past its last day.
 *
 * Every flow shares one stack: a flow that moves the clock resets it when done (in `afterAll`,
 * so a failure resets it too), and starts from real time. Sessions expire when time jumps
 * (officers after 8 hours, applicants after 7 days): sign in again after moving the clock.
 */
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import { addCalendarDays, todayInShanghai } from '@kc/domain';

/**
 * The clock is one offset per API process and /test/clock is not behind nginx: the stack's
 * API address stands for every instance, each reached directly.
 */
function clockUrls(apiUrl: string): string[] {
  const stack = inject('stack');
  return apiUrl === stack.apiUrl ? stack.instanceUrls : [apiUrl];
}

export interface ClockState {
  offsetDays: number;
  /** The server's now (ISO). */
  now: string;
}

async function answer(res: Response): Promise<ClockState> {
  if (!res.ok) throw new Error(`test clock: ${res.status} ${await res.text()}`);
  return (await res.json()) as ClockState;
}

export async function readClock(apiUrl: string): Promise<ClockState> {
  return answer(await fetch(`${clockUrls(apiUrl)[0]}/test/clock`));
}

/** Sets the offset from real time (absolute: 0 is real time again), on every instance. */
export async function setClockOffset(apiUrl: string, offsetDays: number): Promise<ClockState> {
  const states = await Promise.all(
    clockUrls(apiUrl).map(async (url) =>
      answer(
        await fetch(`${url}/test/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ offsetDays }),
        }),
      ),
    ),
  );
  const [first] = states;
  if (!first) throw new Error('test clock: no API instance to move');
  return first;
}

export function resetClock(apiUrl: string): Promise<ClockState> {
  return setClockOffset(apiUrl, 0);
}

const DAY_MS = 86_400_000;

/**
 * Moves the server to the day after `endsOn` (a notice's last day, `YYYY-MM-DD`): the first day
 * the period is over. Returns the server's new today (Asia/Shanghai).
 */
export async function moveClockPast(apiUrl: string, endsOn: string): Promise<string> {
  const realToday = todayInShanghai(new Date());
  const target = addCalendarDays(endsOn, 1);
  const offsetDays = Math.max(0, Math.round((Date.parse(target) - Date.parse(realToday)) / DAY_MS));
  const state = await setClockOffset(apiUrl, offsetDays);
  return todayInShanghai(new Date(state.now));
}

/**
 * Sets a browser's clock to the server's (time keeps running), so what a page works out from
 * its own clock (the admin's default evaluation year, say) agrees with the moved server.
 * Call it before the context opens a page.
 */
export async function alignBrowserClock(context: BrowserContext, apiUrl: string): Promise<void> {
  const { now } = await readClock(apiUrl);
  await context.clock.setSystemTime(new Date(now));
}
