import type { SelectionSettings } from './settings';

/** One expert's total for one application; null when they declared a conflict (回避). */
export interface ExpertTotal {
  readonly expertId: string;
  readonly total: number | null;
}

/**
 * An application's result from its panel. Points are whole numbers; averages are kept in
 * hundredths of a point (integers, rounded half up), the precision a result is published with.
 */
export interface PanelResult {
  readonly applicationId: string;
  /** valid totals, highest first */
  readonly totals: readonly number[];
  /** the highest and lowest total, left out of the result (trimFrom or more valid scores) */
  readonly dropped: { readonly highest: number; readonly lowest: number } | null;
  /** the (trimmed) mean in hundredths of a point; null with too few valid scores */
  readonly result: number | null;
  /** the mean of every valid total, in hundredths: the first tie-break */
  readonly mean: number | null;
  /** highest − lowest valid total */
  readonly spread: number | null;
  readonly flag: 'too-few-scores' | 'wide-spread' | null;
  /** how the result was reached, in Chinese, figures included */
  readonly explanation: string;
}

/** Hundredths of a point as officers read them: 84.33 */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** sum / count in hundredths, rounded half up (both non-negative integers). */
function meanHundredths(sum: number, count: number): number {
  return Math.floor((sum * 200 + count) / (2 * count));
}

export function aggregatePanel(
  applicationId: string,
  scores: readonly ExpertTotal[],
  settings: SelectionSettings,
): PanelResult {
  const { trimFrom, minValidScores, maxSpread } = settings.scoring;
  const totals = scores.flatMap((s) => (s.total === null ? [] : [s.total])).sort((a, b) => b - a);
  const voided = scores.length - totals.length;
  const listed = `${totals.length}份有效评分${totals.length ? `：${totals.join('、')}` : ''}${voided ? `（${voided}位专家回避，不计）` : ''}`;
  if (totals.length < minValidScores)
    return {
      applicationId,
      totals,
      dropped: null,
      result: null,
      mean: null,
      spread: null,
      flag: 'too-few-scores',
      explanation: `${listed}；不足${minValidScores}份，暂无结果，请从备选专家中补足`,
    };
  const sum = totals.reduce((a, b) => a + b, 0);
  const highest = totals[0] as number;
  const lowest = totals.at(-1) as number;
  const trimmed = totals.length >= trimFrom;
  const result = trimmed
    ? meanHundredths(sum - highest - lowest, totals.length - 2)
    : meanHundredths(sum, totals.length);
  const spread = highest - lowest;
  const wide = spread > maxSpread;
  const how = trimmed
    ? `去掉最高分${highest}、最低分${lowest}后平均${formatPoints(result)}分`
    : `平均${formatPoints(result)}分（不足${trimFrom}份，不去掉最高最低分）`;
  return {
    applicationId,
    totals,
    dropped: trimmed ? { highest, lowest } : null,
    result,
    mean: meanHundredths(sum, totals.length),
    spread,
    flag: wide ? 'wide-spread' : null,
    explanation: `${listed}；${how}；最高与最低相差${spread}分${wide ? `，超过${maxSpread}分，提请评审组讨论` : ''}`,
  };
}

export interface RankedApplication {
  readonly applicationId: string;
  /** 1, 2, 2, 4 …; null: no result yet */
  readonly rank: number | null;
  /** applications it could not be told apart from */
  readonly tiedWith: readonly string[];
  /** why it stands where it does, next to those with the same result */
  readonly reason: string;
}

/**
 * The ranking: by result; equal results by the mean of every valid score, then by the smaller
 * spread (the panel agreed more). Applications equal on all three share a rank, and the reason
 * says the officers decide between them (in writing, as any departure from the ranking).
 */
export function rankApplications(
  results: readonly PanelResult[],
  labelOf: (applicationId: string) => string,
): RankedApplication[] {
  const scored = results.filter((r) => r.result !== null);
  const keys = (r: PanelResult) => [r.result ?? 0, r.mean ?? 0, -(r.spread ?? 0)];
  const compare = (a: PanelResult, b: PanelResult) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++)
      if (ka[i] !== kb[i]) return (kb[i] as number) - (ka[i] as number);
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  };
  scored.sort(compare);
  const ranked: RankedApplication[] = [];
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    const fullyTied = (o: PanelResult) => keys(o).every((k, j) => k === keys(r)[j]);
    const firstOfTie = scored.findIndex(fullyTied);
    const rank = prev && fullyTied(prev) ? (ranked[i - 1]?.rank ?? i + 1) : i + 1;
    const tiedWith = scored.filter((o) => o !== r && fullyTied(o)).map((o) => o.applicationId);
    const sameResult = scored.filter((o) => o !== r && o.result === r.result);
    const base = `结果${formatPoints(r.result as number)}分`;
    let reason: string;
    if (sameResult.length === 0) reason = base;
    else if (tiedWith.length > 0)
      reason = `${base}，与${tiedWith.map(labelOf).join('、')}的结果、全部有效评分平均分和最高最低分差均相同，并列第${firstOfTie + 1}名，先后由评审组研究确定并书面说明`;
    else {
      const sameMean = sameResult.filter((o) => o.mean === r.mean);
      reason =
        sameMean.length === 0
          ? `${base}，与${sameResult.map((o) => labelOf(o.applicationId)).join('、')}相同，按全部有效评分平均分${formatPoints(r.mean as number)}分排序`
          : `${base}，与${sameResult.map((o) => labelOf(o.applicationId)).join('、')}相同，全部有效评分平均分亦同为${formatPoints(r.mean as number)}分，按最高最低分差${r.spread}分（差小者在前）排序`;
    }
    ranked.push({ applicationId: r.applicationId, rank, tiedWith, reason });
  });
  for (const r of results)
    if (r.result === null)
      ranked.push({
        applicationId: r.applicationId,
        rank: null,
        tiedWith: [],
        reason: '有效评分不足，暂不排名',
      });
  return ranked;
}

export type TalentCategory = 'A' | 'B' | 'C';

/** 四.5 按程序分类: a talent team's category from its result, by the settings' bands. */
export function talentCategoryOf(
  result: number | null,
  settings: SelectionSettings,
): { category: TalentCategory | null; reason: string } {
  const bands = settings.talentBands;
  if (result === null) return { category: null, reason: '暂无评审结果' };
  const shown = formatPoints(result);
  for (const category of ['A', 'B', 'C'] as const)
    if (result >= bands[category] * 100)
      return { category, reason: `结果${shown}分，不低于${category}类分数线${bands[category]}分` };
  return { category: null, reason: `结果${shown}分，低于C类分数线${bands.C}分，不予认定` };
}
