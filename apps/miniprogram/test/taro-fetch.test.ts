import { describe, expect, it, vi } from 'vitest';
import { type RequestFn, createTaroFetch } from '../src/api/taro-fetch';

function scripted(result: Awaited<ReturnType<RequestFn>>) {
  const request = vi.fn<RequestFn>(async () => result);
  return { request, fetch: createTaroFetch(request) };
}

describe('fetch over Taro.request', () => {
  it('passes method, headers and a string body through, asking for raw text', async () => {
    const { request, fetch } = scripted({ statusCode: 200, data: '{"ok":true}' });
    await fetch('http://api.test/trpc/a', {
      method: 'post',
      headers: { 'content-type': 'application/json', Authorization: 'Bearer t' },
      body: '{"0":{"json":1}}',
    });
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'http://api.test/trpc/a',
        method: 'POST',
        header: { 'content-type': 'application/json', Authorization: 'Bearer t' },
        data: '{"0":{"json":1}}',
        dataType: 'text',
        responseType: 'text',
      }),
    );
  });

  it('accepts Headers objects and header pairs', async () => {
    const { request, fetch } = scripted({ statusCode: 200, data: '' });
    await fetch('http://api.test/x', { headers: new Headers({ 'X-A': '1' }) });
    await fetch('http://api.test/x', { headers: [['X-B', '2']] });
    expect(request.mock.calls[0]?.[0].header).toEqual({ 'x-a': '1' });
    expect(request.mock.calls[1]?.[0].header).toEqual({ 'X-B': '2' });
    expect(request.mock.calls[0]?.[0]).not.toHaveProperty('data');
  });

  it('answers like fetch: ok only for 2xx, the body as text and as JSON, headers case-insensitive', async () => {
    const { fetch } = scripted({
      statusCode: 409,
      data: '[{"error":1}]',
      header: { 'Content-Type': 'application/json' },
    });
    const res = await fetch('http://api.test/x');
    expect(res.ok).toBe(false);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.has('CONTENT-TYPE')).toBe(true);
    expect(await res.text()).toBe('[{"error":1}]');
    expect(await res.json()).toEqual([{ error: 1 }]);
  });

  it('copes with a platform that already parsed the JSON', async () => {
    const { fetch } = scripted({ statusCode: 200, data: { a: 1 } });
    const res = await fetch('http://api.test/x');
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({ a: 1 });
    expect(await res.text()).toBe('{"a":1}');
  });

  it('rejects a body that is not JSON when asked for JSON, as fetch does', async () => {
    const { fetch } = scripted({ statusCode: 502, data: '<html>Bad gateway</html>' });
    const res = await fetch('http://api.test/x');
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('turns a failed request (no answer) into a TypeError carrying WeChat’s errMsg', async () => {
    const request = vi.fn<RequestFn>(async () => {
      throw { errMsg: 'request:fail timeout' };
    });
    const error = await createTaroFetch(request)('http://api.test/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('request:fail timeout');
  });

  it('does not start a request whose signal is already aborted', async () => {
    const { request, fetch } = scripted({ statusCode: 200, data: '' });
    const ac = new AbortController();
    ac.abort();
    await expect(fetch('http://api.test/x', { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(request).not.toHaveBeenCalled();
  });

  it('refuses bodies it cannot send (tRPC only sends strings)', async () => {
    const { fetch } = scripted({ statusCode: 200, data: '' });
    await expect(
      fetch('http://api.test/x', { method: 'POST', body: new Blob(['x']) }),
    ).rejects.toThrow(TypeError);
  });
});
