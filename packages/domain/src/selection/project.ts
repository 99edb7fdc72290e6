import { z } from 'zod';
import type { CalendarDate } from '../calendar';
import { addCalendarDays } from '../calendar';
import { formatYuan } from '../money';
import { dateField, moneyField, textField } from '../policy/fields';
import { codesOf, nameLookup } from '../reference/lookup';
import type { SelectionSettings } from './settings';

/**
 * 项目管理 (issue 14, 四.2): a key technology project selected by a call (揭榜挂帅 or the
 * disruptive-technology track) becomes a project. Its contract (任务书) fixes the period, the
 * milestones and their indicators, the budget split between city funds and the lead unit's own,
 * and how the city funds are released: in tranches, the first on signing, the rest when the
 * mid-term check and the acceptance (验收) pass. The plan is silent on all of these numbers; they
 * are the versioned selection settings (`project`). Pure: no I/O, no clock.
 */

export const PROJECT_STATUSES = [
  { code: 'contracting', name: '待签订任务书' },
  { code: 'in-progress', name: '实施中' },
  { code: 'accepting', name: '验收中' },
  { code: 'completed', name: '已验收' },
  { code: 'terminated', name: '已终止' },
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]['code'];
export const PROJECT_STATUS_CODES = codesOf(PROJECT_STATUSES);
export const projectStatusName = nameLookup(PROJECT_STATUSES);

/** When a tranche of the city funds may be released, in the order a project reaches them. */
export const TRANCHE_CONDITIONS = [
  { code: 'signing', name: '任务书签订后' },
  { code: 'mid-term', name: '中期检查通过后' },
  { code: 'acceptance', name: '验收通过后' },
] as const;
export type TrancheCondition = (typeof TRANCHE_CONDITIONS)[number]['code'];
export const TRANCHE_CONDITION_CODES = codesOf(TRANCHE_CONDITIONS);
export const trancheConditionName = nameLookup(TRANCHE_CONDITIONS);

const milestoneSchema = z.object({
  title: textField('节点名称', { max: 50 }),
  dueOn: dateField('完成时间'),
  indicators: textField('考核指标', { min: 4, max: 500 }),
});
export type ProjectMilestone = z.input<typeof milestoneSchema>;

const trancheSchema = z.object({
  condition: z.enum(TRANCHE_CONDITION_CODES, { error: '请选择拨付条件' }),
  amountFen: moneyField('拨付金额', { positive: true }),
});
export type ProjectTranche = z.input<typeof trancheSchema>;

/** 任务书: drafted by the bureau from the submission, signed by the lead unit's administrator. */
export const projectContractSchema = z.object({
  startOn: dateField('开始日期'),
  endOn: dateField('结束日期'),
  cityFundsFen: moneyField('市级资金', { positive: true }),
  ownFundsFen: moneyField('单位自筹资金'),
  milestones: z
    .array(milestoneSchema, { error: '请填写项目节点' })
    .min(1, '至少填写一个项目节点')
    .max(8, '项目节点不超过8个'),
  tranches: z
    .array(trancheSchema, { error: '请填写拨付计划' })
    .min(2, '市级资金至少分两期拨付')
    .max(4, '市级资金不超过四期拨付'),
});
/** Money in plain bigint fen (the schema's output brands it as Fen; either may be passed). */
export type ProjectContract = z.input<typeof projectContractSchema>;

/** What the contract is held to: the selected submission's terms. */
export interface ContractBasis {
  /** the city funds the decision committed (决定支持的市级资金) */
  readonly decidedCityFundsFen: bigint;
  /** the own funds the submission committed (自筹资金承诺) */
  readonly committedOwnFundsFen: bigint;
  /** the submission's 实施期限 */
  readonly months: number;
}

/** The date `months` calendar months after `date`, on the same day or the month's last. */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The last day of a period of `months` months starting on `startOn`. */
export function periodEnd(startOn: CalendarDate, months: number): CalendarDate {
  return addCalendarDays(addCalendarMonths(startOn, months), -1);
}

/**
 * Every reason the contract cannot be signed as it is, by the form's field path (`tranches.1.amountFen`),
 * in the words the officer reads under the field. Empty: it may be signed.
 */
export function contractProblems(
  contract: ProjectContract,
  basis: ContractBasis,
  settings: SelectionSettings['project'],
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (path: string, message: string) => (problems[path] ??= []).push(message);

  if (contract.endOn <= contract.startOn) add('endOn', '结束日期应晚于开始日期');
  else if (contract.endOn > periodEnd(contract.startOn, basis.months))
    add(
      'endOn',
      `实施期限不能超过申报的${basis.months}个月（最晚 ${periodEnd(contract.startOn, basis.months)}）`,
    );
  if (contract.cityFundsFen > basis.decidedCityFundsFen)
    add('cityFundsFen', `市级资金不能超过决定支持的${formatYuan(basis.decidedCityFundsFen)}`);
  if (contract.ownFundsFen < basis.committedOwnFundsFen)
    add('ownFundsFen', `单位自筹资金不能少于申报时承诺的${formatYuan(basis.committedOwnFundsFen)}`);

  let previous = contract.startOn;
  contract.milestones.forEach((m, i) => {
    if (m.dueOn < contract.startOn || m.dueOn > contract.endOn)
      add(`milestones.${i}.dueOn`, '节点完成时间应在实施期限内');
    else if (m.dueOn < previous) add(`milestones.${i}.dueOn`, '节点应按完成时间先后排列');
    previous = m.dueOn;
  });

  const total = contract.tranches.reduce((sum, t) => sum + t.amountFen, 0n);
  if (total !== contract.cityFundsFen)
    add(
      'tranches',
      `各期拨付合计${formatYuan(total)}，应等于市级资金${formatYuan(contract.cityFundsFen)}`,
    );
  const order = TRANCHE_CONDITION_CODES;
  contract.tranches.forEach((t, i) => {
    const before = contract.tranches[i - 1];
    if (before && order.indexOf(t.condition) < order.indexOf(before.condition))
      add(`tranches.${i}.condition`, '拨付条件应按签订、中期、验收的先后排列');
  });
  const first = contract.tranches[0];
  if (first?.condition !== 'signing') add('tranches.0.condition', '第一期应在任务书签订后拨付');
  // Shares are compared in whole fen (amount × 100 against funds × percent), never rounded.
  else if (first.amountFen * 100n > contract.cityFundsFen * BigInt(settings.firstTrancheMaxPercent))
    add(
      'tranches.0.amountFen',
      `首期拨付不超过市级资金的${settings.firstTrancheMaxPercent}%（${formatYuan((contract.cityFundsFen * BigInt(settings.firstTrancheMaxPercent)) / 100n)}）`,
    );
  if (contract.tranches.filter((t) => t.condition === 'signing').length > 1)
    add('tranches', '任务书签订后只拨付一期');
  const final = contract.tranches
    .filter((t) => t.condition === 'acceptance')
    .reduce((sum, t) => sum + t.amountFen, 0n);
  if (final * 100n < contract.cityFundsFen * BigInt(settings.finalTrancheMinPercent))
    add('tranches', `验收通过后拨付的资金不少于市级资金的${settings.finalTrancheMinPercent}%`);
  return problems;
}

/** When the reports are due: the mid-term at the period's midpoint, the final after its end. */
export function projectSchedule(
  contract: Pick<ProjectContract, 'startOn' | 'endOn'>,
  settings: SelectionSettings['project'],
): { midTermDueOn: CalendarDate; finalDueOn: CalendarDate } {
  const start = Date.parse(`${contract.startOn}T00:00:00Z`);
  const end = Date.parse(`${contract.endOn}T00:00:00Z`);
  const days = Math.round((end - start) / 86_400_000);
  return {
    midTermDueOn: addCalendarDays(contract.startOn, Math.floor(days / 2)),
    finalDueOn: addCalendarDays(contract.endOn, settings.reportDueDays),
  };
}

/**
 * The contract the bureau starts from: the submission's period from `startOn`, its funds, one
 * milestone at the midpoint and one at the end (to be rewritten from the proposal), the first
 * tranche at the settings' ceiling rounded down to the yuan and the rest on acceptance.
 */
export function draftContract(
  basis: ContractBasis & { readonly goals: string },
  startOn: CalendarDate,
  settings: SelectionSettings['project'],
): ProjectContract {
  const endOn = periodEnd(startOn, basis.months);
  const { midTermDueOn } = projectSchedule({ startOn, endOn }, settings);
  const city = basis.decidedCityFundsFen;
  const first = ((city * BigInt(settings.firstTrancheMaxPercent)) / 100n / 100n) * 100n;
  const goals = basis.goals.length > 500 ? basis.goals.slice(0, 500) : basis.goals;
  return {
    startOn,
    endOn,
    cityFundsFen: city,
    ownFundsFen: basis.committedOwnFundsFen,
    milestones: [
      {
        title: '中期目标',
        dueOn: midTermDueOn,
        indicators: '完成关键技术攻关的阶段目标（请按申报书填写）',
      },
      { title: '项目完成', dueOn: endOn, indicators: goals },
    ],
    tranches: [
      { condition: 'signing', amountFen: first },
      { condition: 'acceptance', amountFen: city - first },
    ],
  };
}

/** The tranches a condition releases, numbered as the contract numbers them (from 1). */
export function tranchesReleasedBy(
  contract: Pick<ProjectContract, 'tranches'>,
  condition: TrancheCondition,
): { trancheNo: number; condition: TrancheCondition; amountFen: bigint }[] {
  return contract.tranches
    .map((t, i) => ({ trancheNo: i + 1, condition: t.condition, amountFen: t.amountFen }))
    .filter((t) => t.condition === condition);
}
