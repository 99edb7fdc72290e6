/**
 * `pnpm start`: builds the admin and the mini-program H5, then runs the whole system on this
 * machine with the embedded PGlite database (or DATABASE_URL) and the demo data.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, startStack } from '@kc/stack';

const PORTS = { apiPort: 3000, wechatPort: 3900, adminPort: 5173, h5Port: 10086 };

function run(label: string, args: string[]) {
  console.log(`\n▶ ${label}`);
  // pnpm puts itself in npm_execpath for the scripts it runs: a JS file for some versions, a
  // native executable for pnpm 12. Fall back to a pnpm on PATH.
  const pnpm = process.env.npm_execpath;
  const [cmd, cmdArgs] = !pnpm
    ? ['pnpm', args]
    : /\.[cm]?js$/.test(pnpm)
      ? [process.execPath, [pnpm, ...args]]
      : [pnpm, args];
  const result = spawnSync(cmd, cmdArgs, { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes('--no-build')) {
  run('构建管理后台 (admin)', ['--filter', '@kc/admin', 'build']);
  run('构建小程序 H5 版 (mini-program H5)', ['--filter', '@kc/miniprogram', 'build:h5']);
}

console.log('\n▶ 启动服务 (fake WeChat, API server, static hosts)…');
const stack = await startStack({
  ...PORTS,
  databaseUrl: process.env.DATABASE_URL,
  pgliteDir: process.env.PGLITE_DIR ?? path.join(REPO_ROOT, '.data/pglite'),
  seedDemo: true,
  echo: process.argv.includes('--verbose'),
});

console.log(`
宿州科创 is running (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite in .data/pglite'}, demo data loaded)

  管理后台 admin            ${stack.adminUrl}
  小程序 H5 mini-program    ${stack.h5Url}
  API (tRPC)               ${stack.apiUrl}/trpc     health: ${stack.apiUrl}/healthz
  公开页面 public pages     ${stack.apiUrl}/public   (policy, guides, 公示 — no login)
  fake WeChat login        ${stack.wechatUrl}

  Demo officer logins (password Demo@2026):
    admin     局管理员 (whole city)
    reviewer  局审核员
    yongqiao  县区园区管理员 · 埇桥区
    dangshan  县区园区管理员 · 砀山县
    finance   财务人员

  The mini-program H5 logs you in as a new WeChat user of this browser.
  Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    void stack.stop().then(() => process.exit(0));
  });
}
