import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServer } from './support/live-server';
import { startLiveServer } from './support/live-server';

/**
 * Issue 12, finding 4: a NUL or a lone surrogate in any text reached PostgreSQL (22021 / 22P05)
 * and came back as a 500; absurdly nested JSON and `__proto__` keys did too. All are bad input:
 * 400, INVALID_INPUT, a Chinese message, and nothing written.
 */
const UNREADABLE = '含有不能识别的字符，请删除后重新输入';
const NUL = 'a\u0000b';
const LONE = 'a\ud800b';

let server: LiveServer;
let officerToken: string;
let applicantToken: string;

beforeAll(async () => {
  server = await startLiveServer();
  officerToken = await server.tokenOf({ username: 'admin' });
  applicantToken = await server.tokenOf({ openid: 'demo-openid-firm-1' });
});
afterAll(async () => {
  await server?.close();
});

async function counts() {
  const p = server.db.prisma;
  return {
    audit: await p.auditLog.count(),
    applications: await p.application.count(),
    organisations: await p.organisation.count(),
    budgets: await p.programmeBudget.count(),
    sessions: await p.session.count(),
  };
}

interface ErrorData {
  httpStatus: number;
  appCode: string;
  fieldErrors?: Record<string, string[]>;
}

async function refusal(call: () => Promise<unknown>): Promise<ErrorData & { message: string }> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const e = error as TRPCClientError<never>;
  return { ...(e.data as unknown as ErrorData), message: e.message };
}

describe('unreadable characters in text', () => {
  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE],
  ])('are refused with a field error when the text holds %s', async (_name, bad) => {
    const before = await counts();
    const anonymous = server.client(undefined, { batch: false });
    const officer = server.client(officerToken, { batch: false });
    const applicant = server.client(applicantToken, { batch: false });

    const calls: [string, () => Promise<unknown>][] = [
      ['username', () => anonymous.auth.officerLogin.mutate({ username: bad, password: 'x' })],
      ['password', () => anonymous.auth.officerLogin.mutate({ username: 'admin', password: bad })],
      ['q', () => officer.organisations.list.query({ q: bad })],
      ['q', () => officer.review.queue.query({ q: bad })],
      [
        'note',
        () =>
          officer.budgets.set.mutate({
            ruleId: 'scenario-case',
            year: 2026,
            budgetFen: 100n,
            note: bad,
          }),
      ],
      [
        'name',
        () =>
          applicant.profile.saveOrganisation.mutate({
            type: 'firm',
            name: `宿州${bad}科技有限公司`,
            creditCode: '91341302MA0000001X',
            areaCode: 'sz-hitech',
            fieldCodes: ['aerospace-information'],
            contactName: '孙立',
            contactPhone: '13955712345',
          }),
      ],
      // Free-form content (the application's own answers) is checked too, keys and values.
      [
        'input.caseName',
        () =>
          applicant.applications.saveDraft.mutate({
            ruleId: 'scenario-case',
            input: { caseName: bad },
            evidence: [],
          }),
      ],
      [
        'input',
        () =>
          applicant.applications.saveDraft.mutate({
            ruleId: 'scenario-case',
            input: { [bad]: '案例' },
            evidence: [],
          }),
      ],
      [
        'input.caseName',
        () =>
          applicant.applications.preview.mutate({
            ruleId: 'scenario-case',
            input: { caseName: bad },
          }),
      ],
    ];
    for (const [field, call] of calls) {
      const r = await refusal(call);
      expect({ field, status: r.httpStatus, code: r.appCode }).toEqual({
        field,
        status: 400,
        code: 'INVALID_INPUT',
      });
      expect(r.fieldErrors?.[field]).toEqual([UNREADABLE]);
      expect(r.message).toBe(UNREADABLE);
    }
    expect(await counts()).toEqual(before);
    expect(server.logs()).not.toContain('procedure failed');
  });
});

async function post(path: string, body: string, token?: string) {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text };
}

describe('malformed JSON bodies', () => {
  it('answers 400 INVALID_INPUT to JSON nested 10,000 levels deep', async () => {
    const depth = 10_000;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    for (const body of [
      `{"json":{"username":"admin","password":${nested}}}`,
      `{"json":{"username":"admin","password":"x"},"meta":{"values":${nested}}}`,
      `{"json":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    ]) {
      const r = await post('auth.officerLogin', body);
      expect(r.status).toBe(400);
      expect(r.text).toContain('INVALID_INPUT');
    }
    // Free-form answers were stored, then overflowed the stack on their way back: a 500.
    const before = await server.db.prisma.application.count();
    const draft = await post(
      'applications.saveDraft',
      `{"json":{"ruleId":"scenario-case","input":{"x":${nested}},"evidence":[]}}`,
      applicantToken,
    );
    expect(draft.status).toBe(400);
    expect(draft.text).toContain('INVALID_INPUT');
    expect(await server.db.prisma.application.count()).toBe(before);
  });

  it('answers 400 INVALID_INPUT to a __proto__ key', async () => {
    for (const body of [
      '{"json":{"username":"admin","password":"x","__proto__":{"isAdmin":true}}}',
      '{"__proto__":{"json":1}}',
      '{"json":{"username":"admin","password":"x"},"meta":{"values":{"__proto__":["bigint"]}}}',
    ]) {
      const r = await post('auth.officerLogin', body);
      expect(r.status).toBe(400);
      expect(r.text).toContain('INVALID_INPUT');
    }
    const draft = await post(
      'applications.saveDraft',
      '{"json":{"ruleId":"scenario-case","input":{"\\u005f_proto__":{"x":1}},"evidence":[]}}',
      applicantToken,
    );
    expect(draft.status).toBe(400);
    expect(draft.text).toContain('INVALID_INPUT');
  });
});
