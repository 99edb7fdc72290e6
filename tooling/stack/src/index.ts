import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticSecurityHeaders } from '../../../deploy/nginx/render.mjs';
import type { DeployPorts } from './deploy';
import { startDeployStack } from './deploy';
import type { Managed } from './processes';
import { startProcess, waitForHttp } from './processes';
import { serveStatic } from './static-server';

export { serveStatic } from './static-server';
export { startDeployStack } from './deploy';
export type { DeployInstance, DeployStack } from './deploy';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ADMIN_DIST = path.join(REPO_ROOT, 'apps/admin/dist');
export const H5_DIST = path.join(REPO_ROOT, 'apps/miniprogram/dist/h5');

/** Settings of every API process the stack starts, in both modes. */
const STACK_API_ENV = {
  // Demo officers sign in with the password alone; admin-second-factor.e2e.ts enrols its own.
  OFFICER_2FA_REQUIRED_ROLES: 'none',
};

export interface StackOptions {
  apiPort: number;
  wechatPort: number;
  adminPort: number;
  h5Port: number;
  /** PostgreSQL; when absent the server uses PGlite in `pgliteDir`. */
  databaseUrl?: string;
  pgliteDir?: string;
  seedDemo: boolean;
  /**
   * Development and tests only: the API's clock can be moved over HTTP (`POST /test/clock
   * { offsetDays }`), so a flow can let a public-notice period pass. Off for `pnpm start`.
   */
  testClock?: boolean;
  echo?: boolean;
  /** Each process's output also goes to `<logDir>/<process>.log`, for the caller to inspect. */
  logDir?: string;
  /**
   * `dev` (default): the API from TypeScript sources, static hosts from this package.
   * `deploy`: as in production (deploy/, docs/DEPLOY.md) — API instances on `deploy.apiPorts`
   * from the server bundle (`pnpm build`) on PostgreSQL (`databaseUrl` required), behind nginx
   * over HTTPS; `adminPort` and `h5Port` are then nginx's HTTPS ports.
   */
  mode?: 'dev' | 'deploy';
  deploy?: DeployPorts;
}

export interface Stack {
  apiUrl: string;
  wechatUrl: string;
  adminUrl: string;
  h5Url: string;
  /** Every API process directly: the test clock is one offset per process, so move them all. */
  instanceUrls: string[];
  /** deploy mode: the test CA behind the HTTPS certificate, and the certificate's key hash. */
  tls?: { caFile: string; spki: string };
  stop: () => Promise<void>;
}

/**
 * The whole system on this machine: fake WeChat and the API server as their own processes
 * (as in production), and the built admin and mini-program H5 served with `/trpc` (and, for
 * the H5 build, the fake WeChat's `/fake` login-code endpoint) forwarded, so each app talks to
 * its own origin and needs no CORS.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  for (const [name, dir] of [
    ['admin', ADMIN_DIST],
    ['mini-program H5', H5_DIST],
  ] as const) {
    if (!existsSync(path.join(dir, 'index.html')))
      throw new Error(`The ${name} build is missing (${dir}); build it first.`);
  }
  if (options.mode === 'deploy') {
    if (!options.databaseUrl || !options.deploy) {
      throw new Error('deploy mode runs on PostgreSQL: databaseUrl and deploy ports are needed');
    }
    const d = await startDeployStack({
      ...options.deploy,
      repoRoot: REPO_ROOT,
      adminDist: ADMIN_DIST,
      h5Dist: H5_DIST,
      wechatPort: options.wechatPort,
      adminPort: options.adminPort,
      h5Port: options.h5Port,
      databaseUrl: options.databaseUrl,
      seedDemo: options.seedDemo,
      testClock: options.testClock ?? false,
      echo: options.echo,
      logDir: options.logDir,
      apiEnv: STACK_API_ENV,
    });
    return { ...d, tls: { caFile: d.tlsCaFile, spki: d.tlsSpki } };
  }
  const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const wechatUrl = `http://127.0.0.1:${options.wechatPort}`;
  const started: Managed[] = [];
  const statics: { close: () => Promise<void> }[] = [];
  const stop = async () => {
    await Promise.all(statics.map((s) => s.close()));
    await Promise.all(started.reverse().map((p) => p.stop()));
  };
  try {
    const common = {
      WECHAT_APPID: 'wx-dev-appid',
      WECHAT_SECRET: 'wx-dev-secret',
      NODE_ENV: 'development',
    };
    const wechat = startProcess('fake-wechat', tsx, ['apps/server/src/fake-wechat/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...common, FAKE_WECHAT_PORT: String(options.wechatPort) },
      echo: options.echo,
      logDir: options.logDir,
    });
    started.push(wechat);
    const server = startProcess('server', tsx, ['apps/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...common,
        PORT: String(options.apiPort),
        WECHAT_API_BASE: wechatUrl,
        DATABASE_URL: options.databaseUrl,
        PGLITE_DIR: options.pgliteDir,
        SEED_DEMO: options.seedDemo ? '1' : '0',
        TEST_CLOCK: options.testClock ? '1' : '0',
        ...STACK_API_ENV,
        CORS_ORIGINS: `http://127.0.0.1:${options.h5Port}`,
      },
      echo: options.echo,
      logDir: options.logDir,
    });
    started.push(server);
    await waitForHttp(`${wechatUrl}/sns/jscode2session`, wechat);
    await waitForHttp(`${apiUrl}/healthz`, server);
    const admin = await serveStatic({
      root: ADMIN_DIST,
      port: options.adminPort,
      proxy: { '/trpc': apiUrl, '/files': apiUrl },
      // The production headers (CSP...), so a violation shows in every browser test.
      headers: staticSecurityHeaders(ADMIN_DIST),
    });
    statics.push(admin);
    const h5 = await serveStatic({
      root: H5_DIST,
      port: options.h5Port,
      proxy: { '/trpc': apiUrl, '/files': apiUrl, '/fake': wechatUrl },
      headers: staticSecurityHeaders(H5_DIST),
    });
    statics.push(h5);
    return {
      apiUrl,
      wechatUrl,
      adminUrl: admin.url,
      h5Url: h5.url,
      instanceUrls: [apiUrl],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
