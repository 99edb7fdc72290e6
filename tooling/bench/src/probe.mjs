/**
 * Preloaded into the server under measurement (`node --import <this file>`), never into
 * production: counts every SQL statement the process sends (observed by @kc/db/statements, the
 * one observer the tests use too) and, when asked, keeps their text and parameters, so a bench
 * can say how many round trips one request costs and a raw peer can replay exactly the same SQL.
 * It also takes a CPU profile of just the window a bench chooses (start-up and set-up left out).
 *
 * Controlled over its own loopback port (PROBE_PORT):
 *   POST /reset            forget everything counted so far
 *   POST /capture?on=1|0   keep (or stop keeping) each statement's text and values
 *   GET  /dump             { total, byText: [{ text, count }], captured: [{ text, values }] }
 *   POST /cpu/start        start V8's sampling profiler in this process
 *   POST /cpu/stop         stop it; the answer is the profile (.cpuprofile JSON)
 *
 * The observer is TypeScript and the bundle runs without tsx: tsImport loads just that module
 * without registering tsx for the rest of the process. It patches the `pg` classes, which are
 * CommonJS and so one copy per process: the server bundle's and the adapter's pool clients alike.
 */
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { tsImport } from 'tsx/esm/api';

const { watchStatements } = await tsImport('@kc/db/statements', import.meta.url);

let total = 0;
let byText = new Map();
let capturing = false;
let captured = [];

watchStatements((statement) => {
  total++;
  byText.set(statement.text, (byText.get(statement.text) ?? 0) + 1);
  if (capturing) captured.push({ text: statement.text, values: statement.values });
});

const inspector = new Session();
inspector.connect();

async function cpu(action, res) {
  try {
    if (action === 'start') {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
      res.writeHead(204).end();
    } else {
      const { profile } = await inspector.post('Profiler.stop');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(profile));
    }
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}

const port = Number(process.env.PROBE_PORT);
if (port) {
  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://probe');
    if (req.method === 'POST' && url.pathname.startsWith('/cpu/')) {
      void cpu(url.pathname.slice(5), res);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/reset') {
      total = 0;
      byText = new Map();
      captured = [];
    } else if (req.method === 'POST' && url.pathname === '/capture') {
      capturing = url.searchParams.get('on') === '1';
    } else if (req.method !== 'GET' || url.pathname !== '/dump') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(
      {
        total,
        byText: [...byText].map(([text, count]) => ({ text, count })),
        captured,
      },
      // Prisma's adapter passes bigint and Buffer parameters; keep them readable and replayable.
      (_key, value) => (typeof value === 'bigint' ? value.toString() : value),
    );
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  })
    .listen(port, '127.0.0.1')
    .unref();
}
