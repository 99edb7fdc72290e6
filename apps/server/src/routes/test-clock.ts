import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

/**
 * A movable clock for development and browser tests (TEST_CLOCK=1, refused in production).
 * Some states can only be reached once real working days have passed (a public notice period
 * before a disbursement or a 科技副总 term); tests move the server's "now" forward instead.
 * `now()` is always real time plus a whole number of days, so time still runs.
 */
export interface TestClock {
  now: () => Date;
  offsetDays: () => number;
  setOffsetDays: (days: number) => void;
}

const DAY_MS = 86_400_000;

export function createTestClock(realNow: () => Date = () => new Date()): TestClock {
  let offset = 0;
  return {
    now: () => new Date(realNow().getTime() + offset * DAY_MS),
    offsetDays: () => offset,
    setOffsetDays: (days) => {
      offset = days;
    },
  };
}

/** About ten years either way: enough for any term or notice, small enough to stay a date. */
const setClockSchema = z.object({
  offsetDays: z
    .number({ error: 'offsetDays must be a number of days' })
    .int('offsetDays must be a whole number of days')
    .min(-3650)
    .max(3650),
});

/**
 * `GET /test/clock` → `{ offsetDays, now }`; `POST /test/clock { offsetDays }` sets the offset
 * from real time (absolute, not added to the last one) and answers the same. Registered only
 * when the test clock is on, so a normal server answers 404 here.
 */
export const testClockRoutes: FastifyPluginAsync<{ clock: TestClock }> = async (app, opts) => {
  const { clock } = opts;
  const state = () => ({ offsetDays: clock.offsetDays(), now: clock.now().toISOString() });

  app.get('/test/clock', async () => state());

  app.post('/test/clock', async (req, reply) => {
    const parsed = setClockSchema.safeParse(req.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: parsed.error.issues.map((i) => i.message).join('; ') });
    }
    clock.setOffsetDays(parsed.data.offsetDays);
    app.log.warn({ offsetDays: parsed.data.offsetDays }, 'test clock moved');
    return state();
  });
};
