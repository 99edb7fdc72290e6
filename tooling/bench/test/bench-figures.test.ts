import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args';
import { ownerOf, summariseProfile } from '../src/cpu-profile';
import { summarise } from '../src/load';

const dir = mkdtempSync(path.join(tmpdir(), 'kc-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench command line', () => {
  it('reads --name value, --name=value and bare flags, so --database-url plugs any database in', () => {
    const args = parseArgs(['--quick', '--database-url', 'postgresql://x/kc_big', '--n=50']);
    expect(args.get('quick')).toBe(true);
    expect(args.get('database-url')).toBe('postgresql://x/kc_big');
    expect(args.get('n')).toBe('50');
  });
});

describe('where a CPU profile says the time went', () => {
  it('names the npm package behind a pnpm path, our workspace folders and node itself', () => {
    const pnpm =
      '/r/node_modules/.pnpm/@prisma+client@7.10.0_x/node_modules/@prisma/client/runtime/c.js';
    expect(ownerOf(`file://${pnpm}`, 'Hn')).toBe('@prisma/client');
    expect(
      ownerOf(
        'file:///r/node_modules/.pnpm/superjson@2.2.6/node_modules/superjson/dist/a.js',
        'walker',
      ),
    ).toBe('superjson');
    expect(ownerOf('file:///r/packages/api/src/context.ts', 'createContext')).toBe('packages/api');
    expect(ownerOf('node:events', 'emit')).toBe('node');
    expect(ownerOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('counts a recursive function once per sample in its inclusive time', () => {
    const frame = (functionName: string, url = 'file:///r/packages/api/src/x.ts') => ({
      functionName,
      url,
      lineNumber: 0,
    });
    // root → handler → walk → walk (2 samples in the inner walk) ; root → gc (2 samples)
    const profile = {
      startTime: 0,
      endTime: 4000,
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
        { id: 2, callFrame: frame('handler'), children: [3] },
        { id: 3, callFrame: frame('walk'), children: [4] },
        { id: 4, callFrame: frame('walk'), hitCount: 2 },
        { id: 5, callFrame: frame('(garbage collector)', ''), hitCount: 2 },
      ],
    };
    const file = path.join(dir, 'p.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    const s = summariseProfile(file);
    const share = (list: { name: string; percent: number }[], name: string) =>
      list.find((x) => x.name.startsWith(name))?.percent;
    expect(share(s.inclusive, 'walk')).toBe(50);
    expect(share(s.inclusive, 'handler')).toBe(50);
    expect(share(s.byFunction, 'walk')).toBe(50);
    expect(share(s.byOwner, 'packages/api')).toBe(50);
    expect(s.byOwner.find((x) => x.name === '(garbage collector)')?.ms).toBe(2);
  });
});

describe('the figures of several runs', () => {
  it('takes each side’s median and reports every failure, not just the median run’s', () => {
    const run = (reqPerSec: number, failures = 0) => ({
      reqPerSec,
      p50Ms: reqPerSec / 10,
      p99Ms: reqPerSec / 5,
      requests: 100,
      sent: 101,
      failures,
      cpuMsPerRequest: 1,
    });
    const s = summarise([run(300), run(100, 2), run(200)]);
    expect(s.reqPerSec).toBe(200);
    expect(s.p50Ms).toBe(20);
    expect(s.failures).toBe(2);
  });
});
