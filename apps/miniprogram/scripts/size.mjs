// Reports the size of the compiled WeChat mini-program and fails CI over budget.
// WeChat refuses a main package over 2 MB; we keep a margin (1.5 MB hard, 600 KB target).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/weapp');
const HARD_LIMIT = 1.5 * 1024 * 1024;
const TARGET = 600 * 1024;

/** Sub-package roots, read from app.json, are not part of the main package. */
let subRoots = [];
try {
  const app = JSON.parse(
    await import('node:fs').then((fs) => fs.readFileSync(path.join(dist, 'app.json'), 'utf8')),
  );
  subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
} catch {
  console.error(`No weapp build at ${dist}: run pnpm --filter @kc/miniprogram build:weapp first.`);
  process.exit(1);
}

function walk(dir, rel = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const relPath = rel ? `${rel}/${name}` : name;
    return statSync(full).isDirectory()
      ? walk(full, relPath)
      : [{ relPath, size: statSync(full).size }];
  });
}

const files = walk(dist).filter((f) => !f.relPath.endsWith('.map'));
const inSub = (f) => subRoots.some((root) => f.relPath.startsWith(`${root}/`));
const main = files.filter((f) => !inSub(f)).reduce((s, f) => s + f.size, 0);
const total = files.reduce((s, f) => s + f.size, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

console.log(
  `weapp main package: ${kb(main)} (target ${kb(TARGET)}, CI limit ${kb(HARD_LIMIT)}, WeChat limit 2048.0 KB)`,
);
console.log(
  `weapp total:        ${kb(total)} in ${files.length} files, ${subRoots.length} sub-package(s)`,
);
for (const f of files
  .filter((f) => !inSub(f))
  .sort((a, b) => b.size - a.size)
  .slice(0, 5)) {
  console.log(`  ${kb(f.size).padStart(10)}  ${f.relPath}`);
}
if (main > HARD_LIMIT) {
  console.error(`✖ main package ${kb(main)} is over the ${kb(HARD_LIMIT)} budget`);
  process.exit(1);
}
if (main > TARGET) console.warn(`! main package is over the ${kb(TARGET)} target`);
