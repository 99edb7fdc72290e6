import { vi } from 'vitest';

/**
 * The screen tests share a worker's modules and page (`isolate: false` in vitest.config.ts): Vue,
 * Element Plus and the other packages are imported once per worker, which took the project from
 * 141 s to 95 s on two cores. What a file must not inherit from the ones before is reset here,
 * before each file: the app's own modules (so each file's `vi.mock` applies to a fresh import),
 * the page, storage, timers, and the tab-session channels earlier files' modules left open (they
 * would answer this file's tabs with another file's token).
 */
interface SharedWorker {
  channels?: Set<BroadcastChannel>;
  quietLabelWidths?: true;
}
const shared = globalThis as typeof globalThis & SharedWorker;

// happy-dom lays nothing out: a form label's computed width is '', which Element Plus reads as NaN
// and warns about ("[ElForm] unexpected width NaN", with a stack) as the form unmounts. A browser
// gives a length. That one warning is dropped; every other is printed.
if (!shared.quietLabelWidths) {
  shared.quietLabelWidths = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (first instanceof Error && first.message === '[ElForm] unexpected width NaN') return;
    warn(...args);
  };
}
if (!shared.channels) {
  const channels = new Set<BroadcastChannel>();
  shared.channels = channels;
  const Native = globalThis.BroadcastChannel;
  globalThis.BroadcastChannel = class extends Native {
    constructor(name: string) {
      super(name);
      channels.add(this);
    }
  };
}
for (const channel of shared.channels) channel.close();
shared.channels.clear();

vi.resetModules();
vi.useRealTimers();
vi.unstubAllGlobals();
document.body.innerHTML = '';
localStorage.clear();
sessionStorage.clear();
