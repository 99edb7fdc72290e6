import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnmaskedPII } from '@kc/domain';
import type { LiveServer } from './support/live-server';
import { startLiveServer } from './support/live-server';

/**
 * Issue 12, finding 3: searches travel in GET query strings, percent-encoded, where the log's
 * masking could not see them. The request log names the procedures and never the query string.
 */
const MOBILE = '13912345678';
const RESIDENT_ID = '11010519491231002X';

let server: LiveServer;

beforeAll(async () => {
  server = await startLiveServer({ level: 'debug' });
});
afterAll(async () => {
  await server?.close();
});

interface LogLine {
  reqId?: string;
  msg?: string;
  req?: { url?: string; method?: string };
}

function lines(): LogLine[] {
  return server
    .logs()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
}

describe('the request log', () => {
  it('holds no mobile or ID number after searches, a preview and a stray URL', async () => {
    const officer = server.client(await server.tokenOf({ username: 'admin' }));
    for (const q of [MOBILE, RESIDENT_ID, `电话${MOBILE}`, `%${MOBILE}`]) {
      await officer.organisations.list.query({ q });
      await officer.researchers.list.query({ q });
      await officer.review.queue.query({ q });
    }
    // One batch of several searches: one GET whose URL held them all.
    await Promise.all([
      officer.organisations.list.query({ q: MOBILE }),
      officer.researchers.list.query({ q: RESIDENT_ID }),
    ]);

    const applicant = server.client(await server.tokenOf({ openid: 'demo-openid-firm-1' }));
    const preview = await applicant.applications.preview.mutate({
      ruleId: 'scenario-case',
      input: { caseName: `联系人${MOBILE}`, contactId: RESIDENT_ID },
      evidenceKinds: [],
    });
    expect(typeof preview.eligible).toBe('boolean');
    // Old clients (or anyone) sending the form in a GET: refused, and still not logged.
    const input = encodeURIComponent(
      JSON.stringify({ 0: { json: { ruleId: 'scenario-case', input: { m: MOBILE } } } }),
    );
    const get = await fetch(`${server.url}/trpc/applications.preview?batch=1&input=${input}`);
    expect(get.status).toBe(405);
    await fetch(`${server.url}/no-such-page?mobile=${MOBILE}&id=${RESIDENT_ID}`);

    const log = server.logs();
    expect(log).not.toBe('');
    expect(findUnmaskedPII(log)).toEqual([]);
    // What a reader needs is still there: the procedures called.
    const urls = lines()
      .map((l) => l.req?.url)
      .filter(Boolean);
    expect(urls).toContain('/trpc/organisations.list');
    expect(urls).toContain('/trpc/organisations.list,researchers.list');
    expect(urls.some((u) => u?.includes('?'))).toBe(false);
  });

  it('tags a procedure’s own log lines with the request id', async () => {
    await server
      .client()
      .auth.wechatLogin.mutate({ code: 'f'.repeat(32) })
      .catch(() => undefined);
    const all = lines();
    const failed = all.find((l) => l.msg === 'wechat login failed');
    expect(failed?.reqId).toBeTruthy();
    const incoming = all.find((l) => l.reqId === failed?.reqId && l.req?.url);
    expect(incoming?.req?.url).toBe('/trpc/auth.wechatLogin');
  });
});
