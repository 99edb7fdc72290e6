import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/weapp');

declare module 'vitest' {
  export interface ProvidedContext {
    weappRoot: string;
  }
}

/**
 * Copies the build to a scratch folder for the simulator. The package is ESM ("type": "module")
 * but the mini-program's files are CommonJS-style scripts, so the copy gets its own
 * package.json scope — without touching dist/, which is what gets uploaded to WeChat.
 */
export default function setup(project: TestProject) {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(
      `${DIST}/app.js is missing: run pnpm --filter @kc/miniprogram build:weapp first`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-weapp-sim-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  project.provide('weappRoot', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
