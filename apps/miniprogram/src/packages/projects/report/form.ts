import { type ProjectReportBody, parseYuan, projectReportSchema, reportProblems } from '@kc/domain';
import { type PathErrors, pathErrors } from '../../../forms/form-values';
import { fenToYuanText } from '../../../format';
import type { MyProject, ProjectReport } from '../data';

/**
 * The 中期报告 / 结题验收报告 form: what is typed (money in yuan), turned into the body the API
 * takes (money in fen) and checked with the domain's `projectReportSchema` — the schema the API's
 * input and the stored report are held to — and its `reportProblems` against the 任务书 (a line per
 * contract milestone, no more city funds spent than the contract gives). Errors by the body's
 * paths: `summary`, `milestones.0.note`, `cityFundsSpentFen`, … (the API's less `body.`).
 */

export interface ReportDraft {
  summary: string;
  /** one per contract milestone, in the contract's order */
  milestones: { done: boolean; note: string }[];
  /** yuan, as typed */
  cityFundsSpent: string;
  ownFundsSpent: string;
  nextSteps: string;
}

type Contract = Pick<MyProject['contract'], 'milestones' | 'cityFundsFen'>;

/** An empty report for the contract, or the returned one's content to correct. */
export function reportDraft(contract: Contract, returned: ProjectReport | null): ReportDraft {
  const body = returned?.body;
  return {
    summary: body?.summary ?? '',
    milestones: contract.milestones.map((_, i) => ({
      done: body?.milestones[i]?.done ?? false,
      note: body?.milestones[i]?.note ?? '',
    })),
    cityFundsSpent: body ? fenToYuanText(body.cityFundsSpentFen) : '',
    ownFundsSpent: body ? fenToYuanText(body.ownFundsSpentFen) : '',
    nextSteps: body?.nextSteps ?? '',
  };
}

const MONEY = [
  { key: 'cityFundsSpentFen', from: 'cityFundsSpent', title: '市级资金已支出' },
  { key: 'ownFundsSpentFen', from: 'ownFundsSpent', title: '自筹资金已支出' },
] as const;

export type ReportCheck = { ok: true; body: ProjectReportBody } | { ok: false; errors: PathErrors };

/** The draft as the API would take it, or every reason it would not, under its field. */
export function checkReport(draft: ReportDraft, contract: Contract): ReportCheck {
  const problems: PathErrors = {};
  const input: Record<string, unknown> = {
    summary: draft.summary,
    milestones: draft.milestones.map((m) => ({ done: m.done, note: m.note })),
    // Left blank: the schema leaves it out.
    nextSteps: draft.nextSteps,
  };
  for (const m of MONEY) {
    const text = draft[m.from].trim();
    if (text === '') {
      problems[m.key] = `请填写${m.title}`;
      continue;
    }
    const fen = parseYuan(text);
    if (fen === null) problems[m.key] = `${m.title}请填写以元为单位的金额，最多两位小数`;
    else input[m.key] = fen;
  }
  const parsed = projectReportSchema.safeParse(input);
  const errors = pathErrors(parsed.success ? [] : parsed.error.issues, problems);
  if (typeof input.cityFundsSpentFen === 'bigint') {
    // The contract's own checks, as the API makes them before saving.
    const cross = reportProblems(
      {
        milestones: draft.milestones,
        cityFundsSpentFen: input.cityFundsSpentFen,
      } as ProjectReportBody,
      contract,
    );
    for (const [path, messages] of Object.entries(cross)) errors[path] ??= messages[0];
  }
  const failed = Object.values(errors).some((m) => m !== undefined);
  if (parsed.success && !failed) return { ok: true, body: parsed.data };
  return { ok: false, errors };
}

/** The form's element id of an error path: `milestones.1.note` → `report-milestone-1-note`. */
export function reportFieldId(path: string): string {
  const row = /^milestones\.(\d+)\.(\w+)/.exec(path);
  if (row) return `report-milestone-${row[1]}-${row[2]}`;
  if (path.startsWith('milestones')) return 'report-milestones';
  const money = MONEY.find((m) => m.key === path);
  return money ? `report-${money.from}` : `report-${path}`;
}

/** The paths in screen order, to bring the first wrong one into view. */
export function reportPathOrder(draft: ReportDraft): string[] {
  return [
    'summary',
    'milestones',
    ...draft.milestones.flatMap((_, i) => [`milestones.${i}.done`, `milestones.${i}.note`]),
    'cityFundsSpentFen',
    'ownFundsSpentFen',
    'nextSteps',
  ];
}
