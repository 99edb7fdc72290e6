import type { PolicySet } from '../types';
import { applyAmendment } from './apply';
import type { ComparisonRow } from './comparison';
import { comparePolicySets } from './comparison';

/** One row as a line: `四.8 购买市外先进技术成果在宿转化补助：单项成果补助上限 ¥500,000.00 → ¥800,000.00`. */
export function comparisonLine(row: ComparisonRow): string {
  const where = row.ruleId ? `${row.clause} ${row.ruleTitle}` : row.ruleTitle;
  return `${where}：${row.item} ${row.oldFigure} → ${row.newFigure}`;
}

/**
 * What an amendment touches, in Chinese, one line per item, read off the version it makes (the
 * 修改对照表 of base and result), so the summary cannot disagree with what is applied. Throws
 * `AmendmentError` for an amendment that does not apply.
 */
export function describeAmendment(base: PolicySet, amendment: unknown): string[] {
  return comparePolicySets(base, applyAmendment(base, amendment)).map(comparisonLine);
}
