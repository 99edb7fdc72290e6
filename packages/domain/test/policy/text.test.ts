import { describe, expect, it } from 'vitest';
import {
  POLICY_SETS,
  SUZHOU_FUTURE_2026_DRAFT,
  SUZHOU_FUTURE_2026_DRAFT_TEXT as TEXT,
  clauseById,
  clauseNumber,
  clauseTitle,
  commentableClauses,
} from '../../src';
import type { Formula } from '../../src';

/** Every figure of a formula, as the draft writes it: 50万元, 10%. */
function figuresOf(formula: Formula): string[] {
  const wan = (fen: bigint) => `${Number(fen / 100n) / 10_000}万元`;
  if (formula.kind === 'fixed') return [wan(formula.amount)];
  if (formula.kind === 'tier') return Object.values(formula.tiers).map((t) => wan(t.amount));
  return [`${formula.rate / 100}%`, wan(formula.capPerItem)];
}

describe('the draft, clause by clause', () => {
  it('has the five parts, and 四 numbers its twelve items through its six sections', () => {
    const parts = TEXT.clauses.filter((c) => c.level === 'section');
    expect(parts.map((c) => `${clauseNumber(c)}${c.heading}`)).toEqual([
      '一、指导思想',
      '二、发展目标',
      '三、重点领域',
      '四、重点任务',
      '五、保障措施',
    ]);
    const items = TEXT.clauses.filter((c) => c.level === 'item');
    expect(items.map((c) => c.id)).toEqual(Array.from({ length: 12 }, (_, i) => `四.${i + 1}`));
    expect(TEXT.clauses.filter((c) => c.id.startsWith('四（'))).toHaveLength(6);
  });

  it('quotes 四.8 as the draft words it', () => {
    const clause = clauseById(TEXT, '四.8');
    expect(clause && clauseTitle(clause)).toBe('四.8 推动重大创新成果加速转化');
    expect(clause && clauseNumber(clause)).toBe('8.');
    expect(clause?.paragraphs.join('')).toContain('给予10%的补助，单项成果补助金额最高50万元。');
  });

  it('every clause a rule cites is in the text, and states the rule’s figures', () => {
    for (const rule of SUZHOU_FUTURE_2026_DRAFT.rules) {
      const clause = clauseById(TEXT, rule.clause);
      expect(clause, rule.id).toBeDefined();
      const words = clause?.paragraphs.join('') ?? '';
      // 四.2's money is each project's contract, not a figure of the plan.
      if (rule.id === 'key-project') continue;
      for (const figure of figuresOf(rule.formula)) expect(words, rule.id).toContain(figure);
    }
    expect(POLICY_SETS.length).toBeGreaterThan(0);
  });

  it('reads as a document: no layout left over, every commentable clause has words', () => {
    for (const c of TEXT.clauses)
      for (const p of c.paragraphs) {
        expect(p, c.id).not.toMatch(/\s/);
        expect(p, c.id).not.toMatch(/https?:|— \d+ —/);
      }
    const commentable = commentableClauses(TEXT);
    expect(commentable.map((c) => c.id)).toContain('四.8');
    expect(commentable.map((c) => c.id)).not.toContain('四');
    expect(TEXT.status).toBe('征求意见稿');
  });
});
