// Gzipped size of the JavaScript a first visit loads before any route chunk:
// the entry script and every modulepreload in dist/index.html. Route chunks
// (the login form, the organisations table) are listed separately.
// Usage: node scripts/initial-size.mjs  (after `vite build`)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const eager = [
  ...html.matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g,
  ),
].map((m) => m[1]);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

let total = 0;
for (const file of eager) {
  const size = gz(file);
  total += size;
  console.log(`${kb(size).padStart(9)}  ${file}`);
}
console.log(`${kb(total).padStart(9)}  initial JS, gzipped (${eager.length} files)`);

const lazy = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !eager.includes(`assets/${f}`))
  .map((f) => [f, gz(join('assets', f))])
  .sort((a, b) => b[1] - a[1]);
console.log('\nlazy chunks:');
for (const [file, size] of lazy) console.log(`${kb(size).padStart(9)}  assets/${file}`);
