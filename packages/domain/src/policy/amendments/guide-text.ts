import type { Fen } from '../../money';
import { formatWanYuan } from '../../money';
import { rateText, tierEntries } from '../formula';
import type { Formula, Rule, RuleDraft } from '../types';

/** `(old, new)` money figures of a rule's formula, keyed by where they sit in it. */
function moneyFigures(formula: Formula): Map<string, Fen> {
  switch (formula.kind) {
    case 'fixed':
      return new Map([['amount', formula.amount]]);
    case 'tier':
      return new Map(tierEntries(formula).map(([key, t]) => [`tier:${key}`, t.amount]));
    case 'percentage-capped':
      return new Map([['cap', formula.capPerItem]]);
  }
}

/** A regex for a number the plan writes (`50 万元`, `10%`), not inside a longer number. */
function figurePattern(number: string, unit: string): RegExp {
  // No lookbehind: older WeChat cannot parse one, and the domain runs in the mini-program.
  return new RegExp(`(^|[^\\d.])${number.replace('.', '\\.')}(\\s*)${unit}`, 'g');
}

type Restate = (line: string) => string | null;

function moneyRestatement(before: Fen, after: Fen): Restate | null {
  const old = formatWanYuan(before);
  if (!old.endsWith('万元')) return null;
  const pattern = figurePattern(old.slice(0, -2), '万元');
  const now = formatWanYuan(after);
  return (line) =>
    line.replace(pattern, (_m, lead: string, space: string) =>
      now.endsWith('万元') ? `${lead}${now.slice(0, -2)}${space}万元` : `${lead}${now}`,
    );
}

/**
 * The guide's conditions and notes are prose from the rule file, and some repeat a figure (四.1
 * `每年评选不超过 10 项`, 四.8 `累计补助不超过 50 万元`). The amount text is rendered from the
 * formula, this prose is not: a revised rule's prose is restated here, so the new version's guide
 * never quotes the old figure. A figure is restated only where it cannot be mistaken for another
 * of the same rule (two tiers of one amount are left alone).
 */
export function restateGuide(before: Rule, after: RuleDraft): RuleDraft {
  const steps: Restate[] = [];
  const oldMoney = moneyFigures(before.formula);
  const newMoney = after.formula.kind === before.formula.kind ? moneyFigures(after.formula) : null;
  for (const [where, was] of oldMoney) {
    const now = newMoney?.get(where);
    const shared = [...oldMoney].filter(([, v]) => v === was).length > 1;
    if (now === undefined || now === was || shared) continue;
    const step = moneyRestatement(was, now);
    if (step) steps.push(step);
  }
  if (
    before.formula.kind === 'percentage-capped' &&
    after.formula.kind === 'percentage-capped' &&
    before.formula.rate !== after.formula.rate
  ) {
    const old = rateText(before.formula.rate);
    const pattern = figurePattern(old.slice(0, -1), '%');
    const now = rateText(after.formula.rate).slice(0, -1);
    steps.push((line) =>
      line.replace(pattern, (_m, lead: string, space: string) => `${lead}${now}${space}%`),
    );
  }
  const quotaWas = before.yearlyQuota;
  const quotaNow = after.yearlyQuota;
  if (quotaWas !== undefined && quotaWas !== quotaNow) {
    const pattern = `不超过(\\s*)${quotaWas}(\\s*)项`;
    const mentions = new RegExp(pattern);
    const every = new RegExp(pattern, 'g');
    // A quota removed: the condition that states it goes with it.
    steps.push((line) =>
      quotaNow === undefined
        ? mentions.test(line)
          ? null
          : line
        : line.replace(every, (_m, a: string, b: string) => `不超过${a}${quotaNow}${b}项`),
    );
  }

  const restate = (lines: readonly string[]) =>
    lines.flatMap((line) => {
      let out: string | null = line;
      for (const step of steps) {
        if (out === null) break;
        out = step(out);
      }
      return out === null ? [] : [out];
    });
  const conditions = restate(after.guide.conditions);
  if (quotaWas === undefined && quotaNow !== undefined) {
    conditions.push(`每年不超过 ${quotaNow} 项，超过的不予奖励`);
  }
  const notes = after.guide.notes ? restate(after.guide.notes) : undefined;
  return {
    ...after,
    guide: { ...after.guide, conditions, ...(notes ? { notes } : {}) },
  };
}
