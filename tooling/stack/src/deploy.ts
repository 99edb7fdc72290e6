import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { renderSite, renderStandalone } from '../../../deploy/nginx/render.mjs';
import type { Managed } from './processes';
import { startProcess, waitForHttp } from './processes';
import { startS3 } from './s3';

export interface DeployPorts {
  /** One API instance per port (two or more: several instances behind nginx). */
  apiPorts: number[];
  /** http → https redirects of the admin and H5 hosts. */
  adminHttpPort: number;
  h5HttpPort: number;
}

export interface DeployStackOptions extends DeployPorts {
  repoRoot: string;
  adminDist: string;
  h5Dist: string;
  wechatPort: number;
  /** HTTPS ports of the admin and H5 hosts. */
  adminPort: number;
  h5Port: number;
  databaseUrl: string;
  seedDemo: boolean;
  testClock: boolean;
  echo?: boolean;
  logDir?: string;
  /** Settings every API process of the stack gets, whatever the mode (index.ts). */
  apiEnv?: Record<string, string>;
}

export interface DeployStack {
  /** The admin host through nginx (https): the browser's and the tests' way in. */
  apiUrl: string;
  adminUrl: string;
  h5Url: string;
  wechatUrl: string;
  /** Each API instance directly (http), for the test clock: one offset per process. */
  instanceUrls: string[];
  /** Each API instance's process, for failover tests (tests/e2e/failover): kill one, start it again. */
  instances: DeployInstance[];
  /** The test CA that signed nginx's certificate (for NODE_EXTRA_CA_CERTS). */
  tlsCaFile: string;
  /** base64 SHA-256 of the certificate's public key (Chromium's --ignore-certificate-errors-spki-list). */
  tlsSpki: string;
  stop: () => Promise<void>;
}

export interface DeployInstance {
  url: string;
  pid: () => number | undefined;
  /** Sends `signal` and waits until the process has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** A new process on the same port (no seeding), once it answers /healthz. */
  restart: () => Promise<void>;
}

/**
 * A certificate for 127.0.0.1 made at run time (never committed): a throwaway CA and a server
 * certificate it signs, so Node can trust the CA (NODE_EXTRA_CA_CERTS) as it would a real one.
 */
async function makeTestTls(dir: string) {
  const ossl = (args: string, ...more: string[]) =>
    execFileSync('openssl', [...args.split(' '), ...more], { cwd: dir, stdio: 'pipe' });
  const ec = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes';
  ossl(`req -x509 ${ec} -keyout ca.key -out ca.crt -days 2 -subj`, '/CN=kc test CA');
  ossl(`req ${ec} -keyout tls.key -out tls.csr -subj /CN=127.0.0.1`);
  await writeFile(
    path.join(dir, 'tls.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  ossl(
    'x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile tls.ext -out tls.crt',
  );
  const pub = ossl('x509 -in tls.crt -pubkey -noout');
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
  return {
    ca: path.join(dir, 'ca.crt'),
    cert: path.join(dir, 'tls.crt'),
    key: path.join(dir, 'tls.key'),
    spki: createHash('sha256').update(der).digest('base64'),
  };
}

/** Polls an https address, trusting `ca`, until it answers 2xx. */
async function waitForHttps(url: string, ca: Buffer, proc: Managed, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode}:\n${proc.output()}`);
    }
    const status = await new Promise<number>((resolve) => {
      const req = https.get(url, { ca, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
      req.on('timeout', () => req.destroy());
    });
    if (status >= 200 && status < 300) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}

/**
 * The system as deploy/ runs it: API instances from the production bundle
 * (apps/server/dist, `pnpm build`) on PostgreSQL, behind nginx rendered from
 * deploy/nginx/kc.conf.template, over HTTPS.
 *
 * NODE_ENV is `test`, not `production`: the browser flows need the demo data and the movable
 * clock, which production refuses (docs/DEPLOY.md). The bundle and its code path are the same.
 */
export async function startDeployStack(o: DeployStackOptions): Promise<DeployStack> {
  const bundle = path.join(o.repoRoot, 'apps/server/dist/main.js');
  const fakeWeChatBundle = path.join(o.repoRoot, 'apps/server/dist/fake-wechat.js');
  if (!existsSync(bundle) || !existsSync(fakeWeChatBundle)) {
    throw new Error(`The server bundle is missing (${bundle}); run pnpm build first.`);
  }
  const [firstPort, ...otherPorts] = o.apiPorts;
  if (firstPort === undefined) throw new Error('deploy mode needs at least one API port');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kc-deploy-'));
  // nginx's workers (nobody, when started by root) must reach their temporary folders.
  await chmod(dir, 0o755);
  const started: Managed[] = [];
  let s3: Awaited<ReturnType<typeof startS3>> | undefined;
  const stop = async () => {
    await Promise.all(started.reverse().map((p) => p.stop()));
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const tls = await makeTestTls(dir);
    const wechatUrl = `http://127.0.0.1:${o.wechatPort}`;
    const adminUrl = `https://127.0.0.1:${o.adminPort}`;
    const h5Url = `https://127.0.0.1:${o.h5Port}`;
    const node = process.execPath;
    const common = {
      WECHAT_APPID: 'wx-dev-appid',
      WECHAT_SECRET: 'wx-dev-secret',
      NODE_ENV: 'test',
    };

    const wechat = startProcess('fake-wechat', node, [fakeWeChatBundle], {
      cwd: o.repoRoot,
      env: { ...common, FAKE_WECHAT_PORT: String(o.wechatPort) },
      echo: o.echo,
      logDir: o.logDir,
    });
    started.push(wechat);

    // Object storage and the job worker are shared by every instance, as in production:
    // evidence files go to an S3 bucket (s3rver here), jobs run in their own worker process.
    s3 = await startS3({ port: 0, directory: path.join(dir, 's3') });
    const shared = {
      ...common,
      WECHAT_API_BASE: wechatUrl,
      DATABASE_URL: o.databaseUrl,
      ...s3.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const instance = (port: number, index: number, seed: boolean) =>
      startProcess(`server-${index + 1}`, node, ['--enable-source-maps', bundle], {
        cwd: o.repoRoot,
        env: {
          ...shared,
          PORT: String(port),
          SEED_DEMO: seed ? '1' : '0',
          TEST_CLOCK: o.testClock ? '1' : '0',
          // The worker process below runs the jobs; instances only enqueue them.
          JOBS_WORKER: '0',
          ...o.apiEnv,
          // Demo officers sign in with the password alone; admin-second-factor.e2e.ts enrols its own.
          OFFICER_2FA_REQUIRED_ROLES: 'none',
          TRUST_PROXY: '127.0.0.1',
          CORS_ORIGINS: h5Url,
        },
        echo: o.echo,
        logDir: o.logDir,
      });
    const instanceUrls = o.apiPorts.map((p) => `http://127.0.0.1:${p}`);
    // The first instance migrates and seeds; the others start beside it once it is up
    // (migrations are safe from several at once, the demo seed is not meant to race itself).
    const first = instance(firstPort, 0, o.seedDemo);
    started.push(first);
    await waitForHttp(`http://127.0.0.1:${firstPort}/healthz`, first);
    const rest = otherPorts.map((p, i) => instance(p, i + 1, false));
    started.push(...rest);
    await Promise.all(rest.map((p, i) => waitForHttp(`${instanceUrls[i + 1]}/healthz`, p)));
    const worker = startProcess(
      'worker',
      node,
      ['--enable-source-maps', path.join(o.repoRoot, 'apps/server/dist/worker.js')],
      { cwd: o.repoRoot, env: shared, echo: o.echo, logDir: o.logDir },
    );
    started.push(worker);
    await waitForHttp(`${wechatUrl}/sns/jscode2session`, wechat);

    const site = path.join(dir, 'kc.conf');
    await writeFile(
      site,
      renderSite({
        api: o.apiPorts.map((p) => `127.0.0.1:${p}`),
        admin: {
          host: '127.0.0.1',
          root: o.adminDist,
          https: `127.0.0.1:${o.adminPort}`,
          http: `127.0.0.1:${o.adminHttpPort}`,
        },
        h5: {
          host: '127.0.0.1',
          root: o.h5Dist,
          https: `127.0.0.1:${o.h5Port}`,
          http: `127.0.0.1:${o.h5HttpPort}`,
        },
        cert: tls.cert,
        key: tls.key,
        fileMaxMb: 10,
        // Into the stack's logs when it keeps them: the tests' log scan reads it too.
        accessLog: path.join(o.logDir ?? dir, 'nginx-access.log'),
        fakeWeChat: `127.0.0.1:${o.wechatPort}`,
      }),
    );
    const conf = path.join(dir, 'nginx.conf');
    if (o.logDir) await mkdir(o.logDir, { recursive: true });
    await writeFile(conf, renderStandalone({ prefix: dir, site }));
    const nginx = startProcess('nginx', 'nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
      cwd: dir,
      env: {},
      echo: o.echo,
      logDir: o.logDir,
    });
    started.push(nginx);
    const ca = await readFile(tls.ca);
    await waitForHttps(`${adminUrl}/healthz`, ca, nginx);
    await waitForHttps(`${h5Url}/healthz`, ca, nginx);
    if (worker.child.exitCode !== null) {
      throw new Error(
        `the job worker exited with code ${worker.child.exitCode}:\n${worker.output()}`,
      );
    }
    const processes = [first, ...rest];
    const instances = instanceUrls.map((url, i): DeployInstance => ({
      url,
      pid: () => processes[i]?.child.pid,
      kill: (signal) =>
        new Promise<void>((resolve) => {
          const child = processes[i]?.child;
          if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill(signal);
        }),
      restart: async () => {
        const again = instance(o.apiPorts[i] ?? 0, i, false);
        started.push(again);
        processes[i] = again;
        await waitForHttp(`${url}/healthz`, again);
      },
    }));
    return {
      apiUrl: adminUrl,
      adminUrl,
      h5Url,
      wechatUrl,
      instanceUrls,
      instances,
      tlsCaFile: tls.ca,
      tlsSpki: tls.spki,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
