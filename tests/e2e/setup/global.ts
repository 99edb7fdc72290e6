import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack } from '@kc/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { apiUrl: string; adminUrl: string; h5Url: string; wechatUrl: string };
  }
}

/**
 * Ports apart from `pnpm start`'s, so the tests can run beside a developer's running system.
 * E2E_PORT_OFFSET shifts them all, so two runs can share a machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const PORTS = {
  apiPort: 3100 + offset,
  wechatPort: 3910 + offset,
  adminPort: 5180 + offset,
  h5Port: 10090 + offset,
};

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kc-e2e-'));
  const stack = await startStack({
    ...PORTS,
    // A fresh embedded database each run; CI can point the stack at PostgreSQL with E2E_DATABASE_URL.
    databaseUrl: process.env.E2E_DATABASE_URL,
    pgliteDir: path.join(dataDir, 'pglite'),
    seedDemo: true,
    // Flows move the API's clock to let a public-notice period pass (support/clock.ts).
    testClock: true,
  });
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    adminUrl: stack.adminUrl,
    h5Url: stack.h5Url,
    wechatUrl: stack.wechatUrl,
  });
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
