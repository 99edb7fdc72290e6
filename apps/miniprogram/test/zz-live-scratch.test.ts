import { creditCodeCheckChar } from '@kc/domain';
import { describe, expect, it } from 'vitest';
import { api } from '../src/api/client';
import { describeError } from '../src/api/errors';
import { login, withSession } from '../src/services/session';
import { taroStub } from './stubs/taro';

const FIRST17 = '91341302MA2N0B1C3';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17);

async function realRequest(o: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
  const res = await fetch(o.url, { method: o.method, headers: o.header, body: o.data as string | undefined });
  return { statusCode: res.status, data: await res.text(), header: Object.fromEntries(res.headers) };
}

let openidN = 0;
async function loginAs(openid: string) {
  taroStub.storage.clear();
  taroStub.login = async () => {
    const r = await fetch('http://127.0.0.1:3910/fake/login-code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    return { code: ((await r.json()) as { code: string }).code, errMsg: 'ok' };
  };
  return login();
}

describe.skipIf(!process.env.TARO_APP_API_URL)('live', () => {
  it('works end to end', async () => {
    taroStub.request = realRequest;
    const who = `live-${Date.now()}-${openidN++}`;
    expect(await loginAs(who + 'a')).toEqual({ profileType: null });
    expect(await withSession(() => api.profile.mine.query())).toEqual({ type: null });
    const saved = await withSession(() =>
      api.profile.saveOrganisation.mutate({ type: 'firm', name: '宿州示范科技有限公司', creditCode: CODE, areaCode: 'yongqiao', fieldCodes: ['life-health'], contactName: '张三', contactPhone: '13912345678' }),
    );
    console.log(saved);
    const mine = await withSession(() => api.profile.mine.query());
    console.log(mine);
    await loginAs(who + 'b');
    const err = await withSession(() =>
      api.profile.saveOrganisation.mutate({ type: 'firm', name: '另一家公司', creditCode: CODE, areaCode: 'yongqiao', fieldCodes: ['life-health'], contactName: '李四', contactPhone: '13912345679' }),
    ).catch((e: unknown) => e);
    console.log(describeError(err));
    const bad = await withSession(() => api.profile.saveOrganisation.mutate({ type: 'firm', name: 'x', creditCode: '123', areaCode: 'yongqiao', fieldCodes: [], contactName: '李四', contactPhone: '1' })).catch((e: unknown) => e);
    console.log(describeError(bad));
    // expired/garbage token → re-login once
    taroStub.storage.set('kc.session', { token: 'garbage', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    console.log(await withSession(() => api.profile.mine.query()));
  });
});
