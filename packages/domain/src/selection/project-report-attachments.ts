import { z } from 'zod';
import type { EvidenceRequirement } from '../policy/types';
import { nameLookup } from '../reference/lookup';
import type { ProjectReportKind } from './project-reports';
import { projectReportSchema } from './project-reports';

/**
 * 报告附件 (issue 14, 四.2): the files a 中期报告 or 结题验收报告 comes with. The report document
 * itself always; the financial statement (专项资金使用情况, for the acceptance the audit report) for
 * the final report; supporting material (成果证明) if the unit has any. The mini-program's form, the
 * API's input and the write all check a report's files with `projectReportSubmissionSchema` /
 * `reportAttachmentProblems`. Pure: no I/O.
 */

export interface ReportAttachmentKind {
  readonly kind: string;
  readonly name: string;
  /** the report kinds that must come with at least one file of this kind */
  readonly requiredFor: readonly ProjectReportKind[];
  /** at most this many files of the kind on one report */
  readonly maxFiles: number;
  readonly note: string;
}

export const PROJECT_REPORT_ATTACHMENTS = [
  {
    kind: 'report-document',
    name: '报告正文',
    requiredFor: ['mid-term', 'final'],
    maxFiles: 5,
    note: '加盖单位公章的报告文本，PDF 或逐页拍照',
  },
  {
    kind: 'financial-statement',
    name: '专项资金使用情况（审计报告）',
    requiredFor: ['final'],
    maxFiles: 5,
    note: '市级资金和自筹资金的支出明细；结题验收须附专项审计报告',
  },
  {
    kind: 'supporting-material',
    name: '成果证明等佐证材料',
    requiredFor: [],
    maxFiles: 10,
    note: '专利、论文、检测报告、用户使用证明等',
  },
] as const satisfies readonly ReportAttachmentKind[];

export type ReportAttachmentKindCode = (typeof PROJECT_REPORT_ATTACHMENTS)[number]['kind'];
export const REPORT_ATTACHMENT_KIND_CODES = PROJECT_REPORT_ATTACHMENTS.map(
  (a) => a.kind,
) as unknown as readonly [ReportAttachmentKindCode, ...ReportAttachmentKindCode[]];
export const reportAttachmentKindName = nameLookup(
  PROJECT_REPORT_ATTACHMENTS.map((a) => ({ code: a.kind, name: a.name })),
);

/** All files of one report together, whatever their kinds. */
export const REPORT_ATTACHMENTS_MAX = 20;

/** What a report of `kind` asks for, as upload rows show it (required first, in the list's order). */
export function reportAttachmentRequirements(
  kind: ProjectReportKind,
): (EvidenceRequirement & { readonly maxFiles: number })[] {
  return PROJECT_REPORT_ATTACHMENTS.map((a) => ({
    kind: a.kind,
    name: a.name,
    required: (a.requiredFor as readonly ProjectReportKind[]).includes(kind),
    maxFiles: a.maxFiles,
    note: a.note,
  }));
}

export const reportAttachmentSchema = z.object({
  kind: z.enum(REPORT_ATTACHMENT_KIND_CODES, { error: '未知的附件类型' }),
  fileId: z.uuid({ error: '附件文件无效，请重新上传' }),
});
export type ReportAttachment = z.output<typeof reportAttachmentSchema>;

/**
 * Why a report's files do not do, as messages under `attachments` (empty: they do): a required
 * kind without a file (`请上传报告正文`), too many of a kind or in all, the same file twice.
 */
export function reportAttachmentProblems(
  kind: ProjectReportKind,
  attachments: readonly { kind: string; fileId: string }[],
): string[] {
  const problems: string[] = [];
  for (const a of reportAttachmentRequirements(kind)) {
    const count = attachments.filter((f) => f.kind === a.kind).length;
    if (a.required && count === 0) problems.push(`请上传${a.name}`);
    if (count > a.maxFiles) problems.push(`${a.name}最多${a.maxFiles}个文件`);
  }
  if (attachments.length > REPORT_ATTACHMENTS_MAX)
    problems.push(`报告附件合计不超过${REPORT_ATTACHMENTS_MAX}个文件`);
  if (new Set(attachments.map((f) => f.fileId)).size !== attachments.length)
    problems.push('同一文件不能重复上传');
  return problems;
}

/**
 * A report's files for a report of `kind`: each a known kind of attachment, and together what
 * `reportAttachmentProblems` asks (its messages under `attachments` itself).
 */
export function reportAttachmentsSchema(kind: ProjectReportKind) {
  return z
    .array(reportAttachmentSchema, { error: '请上传报告附件' })
    .superRefine((attachments, ctx) => {
      for (const message of reportAttachmentProblems(kind, attachments))
        ctx.addIssue({ code: 'custom', message });
    });
}

const submissionOf = <K extends ProjectReportKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    body: projectReportSchema,
    attachments: reportAttachmentsSchema(kind),
  });

/**
 * 提交中期报告 / 结题验收报告: the report, its kind and its files. The mini-program's form parses
 * with this, the API's input is this and the project with its version, and the write checks the
 * files again with `reportAttachmentProblems`. One shape per report kind, so the files are checked
 * for their kind whatever the body's problems (a form shows them all at once).
 */
export const projectReportSubmissionSchema = z.discriminatedUnion(
  'kind',
  [submissionOf('mid-term'), submissionOf('final')],
  { error: '未知的报告类型' },
);
export type ProjectReportSubmission = z.input<typeof projectReportSubmissionSchema>;
