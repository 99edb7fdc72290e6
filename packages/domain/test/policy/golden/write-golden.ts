/**
 * Rewrites evaluations.golden.json. Only when a change to what the engine decides or says is
 * intended: `pnpm exec tsx packages/domain/test/policy/golden/write-golden.ts`, then read the diff.
 */
import { writeFileSync } from 'node:fs';
import { goldenCases } from './cases';
import { renderEvaluation } from './render';

const { results } = goldenCases();
const lines = results.map((e) => JSON.stringify(renderEvaluation(e)));
writeFileSync(
  new URL('./evaluations.golden.json', import.meta.url),
  `[\n${lines.join(',\n')}\n]\n`,
);
process.stdout.write(`wrote ${lines.length} evaluations\n`);
