import {
  type ProjectReportBody,
  type ProjectReportKind,
  type ReportAttachment,
  parseYuan,
  projectReportSubmissionSchema,
  reportAttachmentRequirements,
  reportProblems,
} from '@kc/domain';
import { TRPCClientError } from '@trpc/client';
import type { EvidenceItem } from '../../../components/EvidenceUploader';
import { type PathErrors, pathErrors } from '../../../forms/form-values';
import { fenToYuanText } from '../../../format';
import type { MyProject, ProjectReport } from '../data';

/**
 * The 中期报告 / 结题验收报告 form: what is typed (money in yuan), turned into the body the API
 * takes (money in fen), with the files uploaded for each kind of attachment, and checked with the
 * domain's `projectReportSubmissionSchema` — the schema the API's input and the write are held to
 * (the body's fields, the files each report kind needs: PROJECT_REPORT_ATTACHMENTS) — and its
 * `reportProblems` against the 任务书 (a line per contract milestone, no more city funds spent than
 * the contract gives). Errors by the body's paths: `summary`, `milestones.0.note`,
 * `cityFundsSpentFen`, … (the API's less `body.`), and `attachments` for the files.
 */

export interface ReportDraft {
  summary: string;
  /** one per contract milestone, in the contract's order */
  milestones: { done: boolean; note: string }[];
  /** yuan, as typed */
  cityFundsSpent: string;
  ownFundsSpent: string;
  nextSteps: string;
  /** the files, uploaded or kept from the returned report */
  attachments: EvidenceItem[];
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
    // The files sent last time stay unless the user removes them.
    attachments: (returned?.attachments ?? []).map((a) => ({
      kind: a.kind,
      source: 'upload',
      ref: { kind: a.kind, fileId: a.fileId },
      fileId: a.fileId,
      name: a.name,
      sizeBytes: a.sizeBytes,
    })),
  };
}

/** The upload rows of a report kind: each kind of file, required or not, with its note. */
export const reportAttachmentRows = (kind: ProjectReportKind) => reportAttachmentRequirements(kind);

/** The required kinds with no file yet (their rows are marked once the user tried to send). */
export function missingAttachmentKinds(kind: ProjectReportKind, items: readonly EvidenceItem[]) {
  return reportAttachmentRequirements(kind)
    .filter((r) => r.required && !items.some((i) => i.kind === r.kind))
    .map((r) => r.kind);
}

const MONEY = [
  { key: 'cityFundsSpentFen', from: 'cityFundsSpent', title: '市级资金已支出' },
  { key: 'ownFundsSpentFen', from: 'ownFundsSpent', title: '自筹资金已支出' },
] as const;

export type ReportCheck =
  | { ok: true; body: ProjectReportBody; attachments: ReportAttachment[] }
  | { ok: false; errors: PathErrors };

/** A server path on the form: the body's without `body.`, the files' as `attachments`, else `_form`. */
function formPath(path: string): string {
  if (path.startsWith('body.')) return path.slice('body.'.length);
  if (path === 'attachments' || path.startsWith('attachments.')) return 'attachments';
  return '_form';
}

/** The draft as the API would take it, or every reason it would not, under its field. */
export function checkReport(
  draft: ReportDraft,
  contract: Contract,
  kind: ProjectReportKind,
): ReportCheck {
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
  const attachments = draft.attachments.flatMap((i) =>
    i.fileId ? [{ kind: i.kind, fileId: i.fileId }] : [],
  );
  const parsed = projectReportSubmissionSchema.safeParse({ kind, body: input, attachments });
  const issues = parsed.success ? [] : parsed.error.issues;
  const body = issues
    .filter((i) => i.path[0] === 'body')
    .map((i) => ({ ...i, path: i.path.slice(1) }));
  const errors = pathErrors(body, problems);
  // Every missing file at once, as the uploads show them.
  const files = issues.filter((i) => i.path[0] === 'attachments').map((i) => i.message);
  if (files.length) errors.attachments = [...new Set(files)].join('；');
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
  if (parsed.success && !failed)
    return { ok: true, body: parsed.data.body, attachments: parsed.data.attachments };
  return { ok: false, errors };
}

/**
 * The API's `fieldErrors` under the form's fields: `body.summary` under `summary`, every file
 * problem under the uploads (`attachments`, all of them), a key no field owns as `_form`.
 */
export function reportServerErrors(error: unknown): PathErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined;
  const out: PathErrors = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const list = (messages ?? []).filter((m) => m.length > 0);
    if (!list.length) continue;
    const path = formPath(key);
    if (path === 'attachments')
      out.attachments = [...(out.attachments ? [out.attachments] : []), ...list].join('；');
    else out[path] ??= list[0];
  }
  return out;
}

/** The form's element id of an error path: `milestones.1.note` → `report-milestone-1-note`. */
export function reportFieldId(path: string): string {
  if (path === 'attachments') return 'report-attachments';
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
    'attachments',
  ];
}
