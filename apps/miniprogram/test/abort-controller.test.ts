import { describe, expect, it, vi } from 'vitest';
import { AbortController as Shim } from '../src/polyfills/abort-controller';

describe('the AbortController used on WeChat', () => {
  it('tells listeners once, with an AbortError reason', () => {
    const ac = new Shim();
    const once = vi.fn();
    const always = vi.fn();
    ac.signal.addEventListener('abort', once, { once: true });
    ac.signal.addEventListener('abort', always);
    ac.abort();
    ac.abort();
    expect(ac.signal.aborted).toBe(true);
    expect((ac.signal.reason as Error).name).toBe('AbortError');
    expect(once).toHaveBeenCalledTimes(1);
    expect(always).toHaveBeenCalledTimes(1);
    expect(() => ac.signal.throwIfAborted()).toThrow('aborted');
  });

  it('forgets removed listeners', () => {
    const ac = new Shim();
    const fn = vi.fn();
    ac.signal.addEventListener('abort', fn);
    ac.signal.removeEventListener('abort', fn);
    ac.abort('why');
    expect(fn).not.toHaveBeenCalled();
    expect(ac.signal.reason).toBe('why');
  });
});
