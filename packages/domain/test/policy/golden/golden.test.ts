import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src';
import { goldenCases } from './cases';
import { renderEvaluation } from './render';

/**
 * 1,000 evaluations written before the engine was made faster (issue 13): what it decides and
 * every line it explains must stay the same. If a change is meant, rewrite the file with
 * write-golden.ts and review the diff like any change of policy.
 */
const golden = JSON.parse(
  readFileSync(new URL('./evaluations.golden.json', import.meta.url), 'utf8'),
) as unknown[];

describe('the golden 1,000 evaluations', () => {
  it('decide the same amounts and explain them in the same words as when they were recorded', () => {
    const { results } = goldenCases(golden.length);
    expect(golden).toHaveLength(1000);
    for (const [i, e] of results.entries()) {
      expect(renderEvaluation(e), `evaluation ${i}`).toEqual(golden[i]);
    }
  });

  it('are decided the same without their explanations (the first pass of the API)', () => {
    const { cases, results } = goldenCases(golden.length);
    for (const [i, c] of cases.entries()) {
      const { explanation: _text, ...decision } = results[i]!;
      expect(decide(c.set, c.ruleId, c.application, c.history), `decision ${i}`).toEqual(decision);
    }
  });
});
