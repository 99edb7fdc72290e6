import { describe, expect, it } from 'vitest';
import type { ProjectReportBody } from '../../src';
import {
  PROJECT_REPORT_ATTACHMENTS,
  REPORT_ATTACHMENTS_MAX,
  fieldErrorsOf,
  projectReportSubmissionSchema,
  reportAttachmentKindName,
  reportAttachmentProblems,
  reportAttachmentRequirements,
} from '../../src';

const file = (n: number) => `7a1c2e30-0000-4000-8000-${String(n).padStart(12, '0')}`;
const DOCUMENT = { kind: 'report-document', fileId: file(1) };
const STATEMENT = { kind: 'financial-statement', fileId: file(2) };
const PROOF = { kind: 'supporting-material', fileId: file(3) };

const BODY: ProjectReportBody = {
  summary: '中试线已建成并完成三轮工艺验证，关键指标达到任务书要求。',
  milestones: [{ done: true, note: '中试线已建成投产' }],
  cityFundsSpentFen: 900_000_00n,
  ownFundsSpentFen: 1_500_000_00n,
};

describe('the files a report comes with', () => {
  it('asks for the report itself always, the financial statement for the final report', () => {
    const rows = (kind: 'mid-term' | 'final') =>
      reportAttachmentRequirements(kind).map((r) => [r.kind, r.name, r.required]);
    expect(rows('mid-term')).toEqual([
      ['report-document', '报告正文', true],
      ['financial-statement', '专项资金使用情况（审计报告）', false],
      ['supporting-material', '成果证明等佐证材料', false],
    ]);
    expect(rows('final')).toEqual([
      ['report-document', '报告正文', true],
      ['financial-statement', '专项资金使用情况（审计报告）', true],
      ['supporting-material', '成果证明等佐证材料', false],
    ]);
    expect(reportAttachmentKindName('financial-statement')).toBe('专项资金使用情况（审计报告）');
    // Each kind's limit fits within the report's, and every kind has a note for the form.
    for (const a of PROJECT_REPORT_ATTACHMENTS) {
      expect(a.maxFiles).toBeGreaterThan(0);
      expect(a.maxFiles).toBeLessThanOrEqual(REPORT_ATTACHMENTS_MAX);
      expect(a.note.length).toBeGreaterThan(0);
    }
  });

  it('says what is missing, too many or repeated, in the words the form shows', () => {
    expect(reportAttachmentProblems('mid-term', [DOCUMENT])).toEqual([]);
    expect(reportAttachmentProblems('mid-term', [PROOF])).toEqual(['请上传报告正文']);
    expect(reportAttachmentProblems('final', [DOCUMENT, PROOF])).toEqual([
      '请上传专项资金使用情况（审计报告）',
    ]);
    expect(reportAttachmentProblems('final', [])).toEqual([
      '请上传报告正文',
      '请上传专项资金使用情况（审计报告）',
    ]);
    expect(reportAttachmentProblems('final', [DOCUMENT, STATEMENT, PROOF])).toEqual([]);
    const documents = Array.from({ length: 6 }, (_, i) => ({
      kind: 'report-document',
      fileId: file(10 + i),
    }));
    expect(reportAttachmentProblems('mid-term', documents)).toEqual(['报告正文最多5个文件']);
    const many = [
      ...Array.from({ length: 5 }, (_, i) => ({ kind: 'report-document', fileId: file(20 + i) })),
      ...Array.from({ length: 5 }, (_, i) => ({
        kind: 'financial-statement',
        fileId: file(30 + i),
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        kind: 'supporting-material',
        fileId: file(40 + i),
      })),
      PROOF,
    ];
    expect(reportAttachmentProblems('final', many)).toEqual([
      '成果证明等佐证材料最多10个文件',
      `报告附件合计不超过${REPORT_ATTACHMENTS_MAX}个文件`,
    ]);
    expect(reportAttachmentProblems('mid-term', [DOCUMENT, { ...PROOF, fileId: file(1) }])).toEqual(
      ['同一文件不能重复上传'],
    );
  });

  it('is checked by the submission schema under `attachments`, beside the body’s problems', () => {
    const ok = projectReportSubmissionSchema.safeParse({
      kind: 'final',
      body: BODY,
      attachments: [DOCUMENT, STATEMENT],
    });
    expect(ok.success).toBe(true);
    const missing = projectReportSubmissionSchema.safeParse({
      kind: 'final',
      body: { ...BODY, summary: '太短' },
      attachments: [DOCUMENT],
    });
    expect(missing.success).toBe(false);
    expect(fieldErrorsOf(missing.error!)).toEqual({
      body: ['工作进展与主要成果至少20个字'],
      attachments: ['请上传专项资金使用情况（审计报告）'],
    });
    // An empty form (its first problems stop the body's checks) still hears about the files.
    const empty = projectReportSubmissionSchema.safeParse({
      kind: 'mid-term',
      body: { summary: '', milestones: [{ done: false, note: '' }] },
      attachments: [],
    });
    expect(fieldErrorsOf(empty.error!).attachments).toEqual(['请上传报告正文']);
    expect(
      projectReportSubmissionSchema.safeParse({ kind: 'annual', body: BODY, attachments: [] }).error
        ?.issues,
    ).toMatchObject([{ path: ['kind'], message: '未知的报告类型' }]);
    const unknown = projectReportSubmissionSchema.safeParse({
      kind: 'mid-term',
      body: BODY,
      attachments: [{ kind: 'photo', fileId: 'x' }],
    });
    expect(unknown.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['attachments.0.kind', '未知的附件类型'],
      ['attachments.0.fileId', '附件文件无效，请重新上传'],
    ]);
  });
});
