import type { ProjectContract, TrancheCondition } from '@kc/domain';
import { issuePath, projectContractSchema } from '@kc/domain';
import { fenToYuanText, yuanTextToFen } from '../../utils/money';
import type { Project } from './queries';

/**
 * The 任务书 as the dialog edits it: money as the yuan the officer types (sent as fen exactly),
 * dates as `YYYY-MM-DD`, each list item with a key of its own for the form. Messages are keyed by
 * the contract's field paths (`tranches.0.amountFen`), the keys the server refuses with too.
 */
export interface MilestoneRow {
  key: number;
  title: string;
  dueOn: string;
  indicators: string;
}
export interface TrancheRow {
  key: number;
  condition: TrancheCondition | '';
  amountYuan: string;
}
export interface ContractForm {
  startOn: string;
  endOn: string;
  cityYuan: string;
  ownYuan: string;
  milestones: MilestoneRow[];
  tranches: TrancheRow[];
}

/** The schema's limits on the lists (the buttons stop there). */
export const MILESTONES = { min: 1, max: 8 } as const;
export const TRANCHES = { min: 2, max: 4 } as const;

let nextKey = 0;
export const newKey = () => ++nextKey;

export function formOf(contract: Project['contract']): ContractForm {
  return {
    startOn: contract.startOn,
    endOn: contract.endOn,
    cityYuan: fenToYuanText(contract.cityFundsFen),
    ownYuan: fenToYuanText(contract.ownFundsFen),
    milestones: contract.milestones.map((m) => ({ key: newKey(), ...m })),
    tranches: contract.tranches.map((t) => ({
      key: newKey(),
      condition: t.condition,
      amountYuan: fenToYuanText(t.amountFen),
    })),
  };
}

/** The money fields' names as the officer reads them (the schema's titles). */
const MONEY_TITLES = {
  cityFundsFen: '市级资金',
  ownFundsFen: '单位自筹资金',
  amountFen: '拨付金额',
};

/**
 * The form checked with `projectContractSchema`, the schema the API parses it with: the contract
 * to send, or the first message of each field by its path. An amount that is not yuan with at
 * most two decimals is refused in yuan's words (the schema speaks of fen).
 */
export function checkContract(
  form: ContractForm,
):
  { contract: ProjectContract; errors: null } | { contract: null; errors: Record<string, string> } {
  const money: Record<string, string> = {};
  const fen = (path: string, title: string, text: string) => {
    const value = yuanTextToFen(text);
    if (value === null)
      money[path] =
        text.trim() === '' ? `请填写${title}` : `请填写有效的${title}（元，最多两位小数）`;
    return value ?? undefined;
  };
  const input = {
    startOn: form.startOn || undefined,
    endOn: form.endOn || undefined,
    cityFundsFen: fen('cityFundsFen', MONEY_TITLES.cityFundsFen, form.cityYuan),
    ownFundsFen: fen('ownFundsFen', MONEY_TITLES.ownFundsFen, form.ownYuan),
    milestones: form.milestones.map((m) => ({
      title: m.title,
      dueOn: m.dueOn || undefined,
      indicators: m.indicators,
    })),
    tranches: form.tranches.map((t, i) => ({
      condition: t.condition || undefined,
      amountFen: fen(`tranches.${i}.amountFen`, MONEY_TITLES.amountFen, t.amountYuan),
    })),
  };
  const parsed = projectContractSchema.safeParse(input);
  if (parsed.success && Object.keys(money).length === 0)
    return { contract: parsed.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) errors[issuePath(issue.path)] ??= issue.message;
  return { contract: null, errors: { ...errors, ...money } };
}

/** Where in the 任务书 a message of the server's `problems` belongs, for the page's list. */
export function problemPlace(path: string): string {
  const [head, index, field] = path.split('.');
  const n = Number(index) + 1;
  if (head === 'milestones' && index !== undefined) return `项目节点${n}`;
  if (head === 'tranches' && index !== undefined)
    return field === 'condition' ? `第${n}期拨付条件` : `第${n}期拨付金额`;
  const PLACES: Record<string, string> = {
    startOn: '实施期限',
    endOn: '实施期限',
    cityFundsFen: '市级资金',
    ownFundsFen: '单位自筹资金',
    milestones: '项目节点',
    tranches: '拨付计划',
  };
  return PLACES[head ?? ''] ?? '任务书';
}
