import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack } from '@kc/stack';
import { scanLogsForPII } from './log-scan';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: {
      apiUrl: string;
      adminUrl: string;
      h5Url: string;
      wechatUrl: string;
      /** Each API process directly (support/clock.ts moves every one's clock). */
      instanceUrls: string[];
      /** Behind nginx (E2E_DEPLOY=1): the admin host's plain-http address, which redirects. */
      edge?: { adminHttpUrl: string };
    };
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

/**
 * E2E_DEPLOY=1: the flows run as production does — nginx over HTTPS in front of two API
 * instances from the server bundle, on PostgreSQL (E2E_DATABASE_URL). Needs `pnpm build`.
 */
const DEPLOY = process.env.E2E_DEPLOY === '1';
const DEPLOY_PORTS = {
  apiPorts: [PORTS.apiPort, PORTS.apiPort + 1],
  adminHttpPort: PORTS.adminPort + 1,
  h5HttpPort: PORTS.h5Port + 1,
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
    // Read at the end: no log line may hold a mobile or ID number (issue 12, finding 3).
    logDir: path.join(dataDir, 'logs'),
    ...(DEPLOY ? { mode: 'deploy' as const, deploy: DEPLOY_PORTS } : {}),
  });
  if (stack.tls) {
    // Test workers start after this: Node's fetch trusts the test CA, Chromium the
    // certificate's key (support/browser.ts), as they would a real certificate.
    process.env.NODE_EXTRA_CA_CERTS = stack.tls.caFile;
    process.env.E2E_TLS_SPKI = stack.tls.spki;
  }
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    adminUrl: stack.adminUrl,
    h5Url: stack.h5Url,
    wechatUrl: stack.wechatUrl,
    instanceUrls: stack.instanceUrls,
    ...(DEPLOY ? { edge: { adminHttpUrl: `http://127.0.0.1:${DEPLOY_PORTS.adminHttpPort}` } } : {}),
  });
  return async () => {
    await stack.stop();
    const leaks = scanLogsForPII(path.join(dataDir, 'logs'));
    await rm(dataDir, { recursive: true, force: true });
    if (leaks.length > 0) {
      const report = [
        `Unmasked mobile or ID numbers in the stack's logs (${leaks.length}):`,
        ...leaks.slice(0, 50),
      ].join('\n');
      console.error(report);
      throw new Error(report);
    }
  };
}
