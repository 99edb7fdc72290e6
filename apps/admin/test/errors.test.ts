import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageOf, onSessionLost, reportError, wasReported } from '../src/api/errors';
import { apiError } from './helpers';

afterEach(() => {
  onSessionLost(() => {});
  document.body.innerHTML = '';
});

describe('API error handling', () => {
  it('asks the officer to sign in again when the session has expired, without a second message', () => {
    const lost = vi.fn();
    onSessionLost(lost);
    const error = apiError('SESSION_EXPIRED', '登录已过期，请重新登录');
    reportError(error);
    expect(lost).toHaveBeenCalledWith('登录已过期，请重新登录', 'SESSION_EXPIRED');
    expect(wasReported(error)).toBe(true);
  });

  it("shows the server's Chinese message for any other error", async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    reportError(apiError('FORBIDDEN', '您只能查看本县区或园区的数据'));
    await vi.waitFor(() =>
      expect(document.querySelector('.el-message')?.textContent).toContain(
        '您只能查看本县区或园区的数据',
      ),
    );
    expect(lost).not.toHaveBeenCalled();
  });

  it('says the server cannot be reached when no tRPC answer came back', () => {
    expect(messageOf(TRPCClientError.from(new TypeError('fetch failed')))).toBe(
      '无法连接服务器，请检查网络后重试',
    );
  });

  it('never shows the internals of an unexpected error', () => {
    expect(messageOf(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      '系统繁忙，请稍后再试',
    );
  });
});
