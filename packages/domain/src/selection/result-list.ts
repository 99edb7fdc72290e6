import { z } from 'zod';
import type { OfficialListKind } from '../organisations/official-lists';
import { LIST_COLUMNS, officialListKindName } from '../organisations/official-lists';
import { dateField, docNoField } from '../policy/fields';
import { SCENARIO_DOMAINS } from '../policy/rules/4-1-scenario-case';
import { nameLookup } from '../reference/lookup';
import { fieldName } from '../reference/fields';
import type { SelectionProgramme } from './call';

/**
 * 结果文件: when a call's notice has closed, the bureau issues its result under a document number
 * (入选名单, 获批名单). For scenario cases and talent teams that result is an official list of the
 * kind the award rules already pay from: this module writes the list's rows as the cells of the
 * list's own columns, and the API reads them back through the same import path as a list the
 * bureau uploads — so each selected case or team becomes a verified qualification of its
 * organisation and a 免申即享 invitation (organisations/official-lists.ts), never a new
 * application typed from scratch. Pure.
 */

/** The document the result is issued under; the officer types it when concluding the call. */
export const resultDocumentSchema = z.object({
  documentNo: docNoField('结果文件文号', '确定评选结果的发文字号，如 宿科〔2027〕12号'),
  issuedOn: dateField('印发日期', '结果文件的印发日期'),
});
export type ResultDocument = z.output<typeof resultDocumentSchema>;

/** The checks of the document's date: not before the notice's last day, not in the future. */
export function resultDocumentProblems(
  document: ResultDocument,
  context: { noticeEndsOn: string | null; today: string },
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (document.issuedOn > context.today) problems.issuedOn = ['印发日期不能晚于今天'];
  else if (context.noticeEndsOn && document.issuedOn < context.noticeEndsOn)
    problems.issuedOn = [`印发日期不能早于公示截止日 ${context.noticeEndsOn}`];
  return problems;
}

/** Which official list a programme's result is; null: its result is not an award fact (projects). */
export function resultListKind(programme: SelectionProgramme): OfficialListKind | null {
  if (programme === 'scenario-case') return 'scenario-case';
  if (programme === 'talent-team') return 'talent-team';
  return null;
}

/** e.g. 2027年市级重大应用场景典型案例名单 */
export function resultListTitle(kind: OfficialListKind, year: number): string {
  return `${year}年${officialListKindName(kind)}`;
}

/** A selected submission as the result list names it. */
export interface ResultListSubmission {
  readonly number: string;
  /** the submission's form (SUBMISSION_FORMS of its programme) */
  readonly form: Readonly<Record<string, unknown>>;
  /** talent teams: the category decided */
  readonly category: string | null;
  readonly organisation: { readonly name: string; readonly creditCode: string };
}

const scenarioDomainName = nameLookup(SCENARIO_DOMAINS);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * One row of the result list, as the text cells of its columns (by column key). `year` is the
 * call's 年度: a case counts in it (四.1's ten a year), even when the document is dated in another
 * calendar year.
 */
export function resultListCells(
  kind: OfficialListKind,
  submission: ResultListSubmission,
  document: ResultDocument,
  year: number,
): Record<string, string> {
  const { form } = submission;
  const common = {
    fieldCode: form.fieldCode ? fieldName(text(form.fieldCode)) : '',
    creditCode: submission.organisation.creditCode,
    name: submission.organisation.name,
    recognisedOn: document.issuedOn,
    documentNo: document.documentNo,
    submissionNumber: submission.number,
  };
  if (kind === 'scenario-case') {
    return {
      caseName: text(form.caseName),
      applicationDomain: scenarioDomainName(text(form.applicationDomain)),
      ...common,
      selectionYear: String(year),
    };
  }
  if (kind === 'talent-team') {
    return {
      teamName: text(form.teamName),
      leaderName: text(form.leaderName),
      category: submission.category ? `${submission.category}类` : '',
      ...common,
    };
  }
  throw new Error(`${kind} is not a selection result list`);
}

/**
 * The list as a sheet: its header (the list's column titles) and one row per submission. `year`:
 * the call's 年度.
 */
export function resultListSheet(
  kind: OfficialListKind,
  submissions: readonly ResultListSubmission[],
  document: ResultDocument,
  year: number,
): { header: string[]; rows: string[][] } {
  const columns = LIST_COLUMNS[kind];
  return {
    header: columns.map((c) => c.title),
    rows: submissions.map((s) => {
      const cells = resultListCells(kind, s, document, year);
      return columns.map((c) => cells[c.key] ?? '');
    }),
  };
}
